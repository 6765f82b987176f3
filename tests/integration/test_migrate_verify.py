"""``schemagen migrate verify``: up files against the declared schema, each down file against the state
before its up file (PostgreSQL 18 and 15 through --dev-dsn; a throwaway server without it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.integration.test_migrate_cli import migrations, seal, write_migration

from schemagen.cli import main

pytestmark = pytest.mark.integration

DECLARED = """\
schema: app
tables:
  users:
    columns:
      id: bigint
      email: text
      name: text
    primary_key: [id]
"""

FIRST = (
    "users",
    "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint PRIMARY KEY, email text);\n",
    "DROP SCHEMA app CASCADE;\n",
    "-- hazard: deletes_data: drop schema app\n",
)
SECOND = (
    "users_name",
    "ALTER TABLE app.users ADD COLUMN name text;\n",
    "ALTER TABLE app.users DROP COLUMN name;\n",
    "-- hazard: deletes_data: drop column app.users.name\n",
)


def verify_project(root: Path, second=SECOND, declared: str = DECLARED) -> Path:
    (root / "schema").mkdir(parents=True)
    (root / "schema" / "app.yaml").write_text(declared)
    directory = migrations(root)
    write_migration(directory, 1, *FIRST)
    write_migration(directory, 2, *second)
    seal(directory)
    return root


def verify(project: Path, *args: str):
    return CliRunner().invoke(main, ["migrate", "verify", "--project", str(project), *args])


def test_verify_passes_when_ups_make_the_declared_schema_and_downs_undo_them(fresh_db, tmp_path):
    result = verify(verify_project(tmp_path / "p"), "--dev-dsn", fresh_db)
    assert result.exit_code == 0, result.output
    assert "up   0001_users.up.sql\nup   0002_users_name.up.sql\n" in result.stdout
    assert "down 0002_users_name.down.sql\ndown 0001_users.down.sql\n" in result.stdout
    assert "verified: 5 check(s) hold" in result.stdout
    again = verify(tmp_path / "p", "--dev-dsn", fresh_db)  # the database ended empty
    assert again.exit_code == 0, again.output


def test_a_down_file_that_does_not_undo_its_up_file_is_named(fresh_db, tmp_path):
    broken = (SECOND[0], SECOND[1], "SELECT 1;\n", "")
    result = verify(verify_project(tmp_path / "p", broken), "--dev-dsn", fresh_db)
    assert result.exit_code == 1
    assert (
        "0002_users_name.down.sql does not return the state before 0002_users_name.up.sql "
        "(what would still have to change):\n    - column app.users.name" in result.stderr
    )


def test_migrations_that_do_not_make_the_declared_schema_are_reported(fresh_db, tmp_path):
    declared = DECLARED.replace("      name: text\n", "      name: text\n      age: int\n")
    result = verify(verify_project(tmp_path / "p", declared=declared), "--dev-dsn", fresh_db)
    assert result.exit_code == 1
    assert "the migrations do not produce the declared schema (1 difference(s)" in result.stderr
    assert "+ column app.users.age" in result.stderr


def test_a_failing_up_file_stops_verify_with_its_statement(fresh_db, tmp_path):
    failing = (SECOND[0], "ALTER TABLE app.nope ADD COLUMN name text;\n", SECOND[2], SECOND[3])
    result = verify(verify_project(tmp_path / "p", failing), "--dev-dsn", fresh_db)
    assert result.exit_code == 1
    assert "0002_users_name.up.sql failed at statement" in result.stderr
    assert 'relation "app.nope" does not exist' in result.stderr
    assert "recorded as failed" not in result.stderr
    assert "the --dev-dsn database still holds what the migrations created" in result.stderr  # 0001's table


def test_a_run_that_ends_clean_says_nothing_of_the_database(fresh_db, tmp_path):
    declared = DECLARED.replace("      name: text\n", "      name: text\n      age: int\n")
    result = verify(verify_project(tmp_path / "p", declared=declared), "--dev-dsn", fresh_db)
    assert result.exit_code == 1  # a problem, but every down file ran: the database is empty again
    assert "still holds" not in result.stderr


def test_dev_dsn_must_be_empty(fresh_db, tmp_path):
    project = verify_project(tmp_path / "p")
    CliRunner().invoke(main, ["migrate", "apply", "--project", str(project), "--dsn", fresh_db, "--to", "1"])
    result = verify(project, "--dev-dsn", fresh_db)
    assert result.exit_code == 2 and "must name an empty database" in result.stderr


def test_verify_without_dev_dsn_uses_a_throwaway_server(tmp_path):
    result = verify(verify_project(tmp_path / "p"))
    assert result.exit_code == 0, result.output
