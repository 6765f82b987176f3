"""``schemagen migrate apply/status/revert/baseline`` end to end on PostgreSQL 18 and 15.

Projects are written here by hand (files with headers, the sum sealed with
``render_sum``): tampering, the lock under two real processes, status and drift,
baseline, failures and exit codes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from schemagen.cli import main
from schemagen.migrations import SUM_FILE, read_migrations, render_sum

pytestmark = pytest.mark.integration

FILES = {
    1: (
        "users",
        "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint PRIMARY KEY, email text);\n"
        "INSERT INTO app.users VALUES (1, NULL);\n",
        "DROP SCHEMA app CASCADE;\n",
        "-- hazard: deletes_data: drop schema app\n",
    ),
    2: (
        "users_name",
        "ALTER TABLE app.users ADD COLUMN name text;\n",
        "ALTER TABLE app.users DROP COLUMN name;\n",
        "-- hazard: deletes_data: drop column app.users.name\n",
    ),
    3: (
        "users_email_idx",
        "CREATE INDEX CONCURRENTLY users_email ON app.users (email);\n",
        "DROP INDEX CONCURRENTLY app.users_email;\n",
        "",
    ),
}


def write_migration(
    directory: Path, version: int, name: str, up: str, down: str, down_header: str = ""
) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    ident = f"{version:04d}_{name}"
    outside = "-- transaction: none\n" if "CONCURRENTLY" in up else ""
    (directory / f"{ident}.up.sql").write_text(f"-- schemagen migration {ident} (up)\n{outside}\n{up}")
    (directory / f"{ident}.down.sql").write_text(
        f"-- schemagen migration {ident} (down)\n{outside}{down_header}\n{down}"
    )


def seal(directory: Path) -> None:
    (directory / SUM_FILE).write_text(render_sum(read_migrations(directory).scripts), encoding="utf-8")


def make_project(root: Path, versions=(1, 2, 3)) -> Path:
    (root / "schema").mkdir(parents=True)
    directory = migrations(root)
    for version in versions:
        write_migration(directory, version, *FILES[version])
    seal(directory)
    return root


def migrations(root: Path) -> Path:
    return root / "generated" / "migrations"


def cli(*args: str):
    return CliRunner().invoke(main, ["migrate", *args])


def query(dsn: str, sql: str) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql).fetchall()


def history(dsn: str) -> list[tuple]:
    if not query(dsn, "SELECT to_regclass('schemagen.migration_history') IS NOT NULL")[0][0]:
        return []
    return query(dsn, "SELECT version, direction, success FROM schemagen.migration_history ORDER BY id")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def test_apply_then_status_then_revert_all_then_apply_again(fresh_db, project):
    result = cli("apply", "--dsn", fresh_db, "--project", str(project))
    assert result.exit_code == 0, result.output
    assert "applied 0001_users.up.sql (" in result.stdout
    assert "applied 3 migration(s)" in result.stdout
    assert history(fresh_db) == [(1, "up", True), (2, "up", True), (3, "up", True)]

    status = cli("status", "--dsn", fresh_db, "--project", str(project), "--exit-code")
    assert status.exit_code == 0, status.output
    assert "applied: 3\n  0001_users  " in status.stdout
    assert "pending: 0" in status.stdout
    assert "drift: none" in status.stdout

    refused = cli("revert", "--dsn", fresh_db, "--project", str(project), "--to", "0")
    assert refused.exit_code == 1
    assert "0002_users_name.down.sql: deletes_data" in refused.stderr
    assert len(history(fresh_db)) == 3
    reverted = cli(
        "revert", "--dsn", fresh_db, "--project", str(project), "--to", "0", "--allow-hazard", "deletes_data"
    )
    assert reverted.exit_code == 0, reverted.output
    assert "reverted 0003_users_email_idx.down.sql" in reverted.stdout
    assert query(fresh_db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'") == [(0,)]
    again = cli("apply", "--dsn", fresh_db, "--project", str(project), "--format", "json")
    assert again.exit_code == 0, again.output
    document = json.loads(again.stdout)
    assert [r["file"] for r in document["ran"]] == [
        "0001_users.up.sql",
        "0002_users_name.up.sql",
        "0003_users_email_idx.up.sql",
    ]
    assert document["pending"] == [] and document["failed"] is None


def test_status_reports_pending_with_exit_code_5_and_drift_in_json(fresh_db, project):
    assert cli("apply", "--dsn", fresh_db, "--project", str(project), "--to", "1").exit_code == 0
    status = cli("status", "--dsn", fresh_db, "--project", str(project), "--exit-code")
    assert status.exit_code == 5, status.output
    assert "pending: 2\n  0002_users_name\n  0003_users_email_idx\n" in status.stdout
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE app.users ADD COLUMN nickname text")
    status = cli("status", "--dsn", fresh_db, "--project", str(project), "--format", "json")
    assert status.exit_code == 0, status.output
    document = json.loads(status.stdout)
    assert set(document) == {"applied", "pending", "failed", "problems", "drift", "drift_error"}
    assert [row["version"] for row in document["applied"]] == [1]
    assert (
        document["applied"][0]["checksum"] == read_migrations(migrations(project)).migrations[0].up.checksum
    )
    assert [p["version"] for p in document["pending"]] == [2, 3]
    assert [(d["kind"], d["object"]) for d in document["drift"]] == [("column", "app.users.nickname")]


def test_tampering_each_gives_its_own_message_and_applies_nothing(fresh_db, tmp_path):
    def edited(d: Path) -> None:
        (d / "0002_users_name.up.sql").write_text(
            "-- schemagen migration 0002_users_name (up)\n\nSELECT 2;\n"
        )

    def inserted(d: Path) -> None:
        write_migration(d, 4, "extra", "SELECT 4;\n", "SELECT 4;\n")

    def deleted(d: Path) -> None:
        (d / "0003_users_email_idx.up.sql").unlink()
        (d / "0003_users_email_idx.down.sql").unlink()

    def reordered(d: Path) -> None:  # 0001 and 0002 swap places: each holds the other's text
        for direction in ("up", "down"):
            one, two = d / f"0001_users.{direction}.sql", d / f"0002_users_name.{direction}.sql"
            text_one, text_two = one.read_text(), two.read_text()
            one.write_text(text_two)
            two.write_text(text_one)

    messages = {}
    for tamper in (edited, inserted, deleted, reordered):
        project = make_project(tmp_path / tamper.__name__)
        tamper(migrations(project))
        result = cli("apply", "--dsn", fresh_db, "--project", str(project))
        assert result.exit_code == 1, (tamper.__name__, result.output)
        assert "nothing was run" in result.stderr
        messages[tamper.__name__] = result.stderr
        assert history(fresh_db) == []
        assert query(fresh_db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'") == [(0,)]
    assert "M612" in messages["edited"] and "0002_users_name.up.sql" in messages["edited"]
    assert "M613" in messages["inserted"] and "0004_extra.up.sql" in messages["inserted"]
    assert "M614" in messages["deleted"] and "0003_users_email_idx.up.sql" in messages["deleted"]
    assert (
        "M615 0001_users.up.sql holds the text schemagen.sum recorded for 0002_users_name.up.sql"
        in (messages["reordered"])
    )
    assert len(set(messages.values())) == 4


def test_an_edited_applied_file_is_refused_naming_its_version(fresh_db, project):
    assert cli("apply", "--dsn", fresh_db, "--project", str(project), "--to", "2").exit_code == 0
    directory = migrations(project)
    path = directory / "0002_users_name.up.sql"
    path.write_text(path.read_text() + "CREATE INDEX users_name ON app.users (name);\n")
    seal(directory)  # the sum agrees: only the history can tell
    result = cli("apply", "--dsn", fresh_db, "--project", str(project))
    assert result.exit_code == 1
    assert "migration 0002 (0002_users_name.up.sql) was edited after it was applied" in result.stderr
    assert history(fresh_db) == [(1, "up", True), (2, "up", True)]
    status = cli("status", "--dsn", fresh_db, "--project", str(project))
    assert status.exit_code == 1 and "migration 0002" in status.stderr


def test_a_failing_migration_exits_1_with_the_statement_and_apply_continues_after_the_fix(fresh_db, project):
    directory = migrations(project)
    write_migration(
        directory,
        4,
        "email_required",
        "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;\n",
        "ALTER TABLE app.users ALTER COLUMN email DROP NOT NULL;\n",
    )
    seal(directory)
    result = cli("apply", "--dsn", fresh_db, "--project", str(project), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert [r["version"] for r in document["ran"]] == [1, 2, 3]
    assert document["failed"]["statement"] == "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL"
    assert "contains null values" in document["failed"]["error"]
    assert "PostgreSQL said:" in result.stderr
    assert query(fresh_db, "SELECT email FROM app.users") == [(None,)]
    assert history(fresh_db)[-1] == (4, "up", False)
    status = cli("status", "--dsn", fresh_db, "--project", str(project))
    assert "failed: 1\n  0004_email_required (up) at " in status.stdout

    write_migration(
        directory,
        4,
        "email_required",
        "UPDATE app.users SET email = 'unknown' WHERE email IS NULL;\n"
        "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;\n",
        "ALTER TABLE app.users ALTER COLUMN email DROP NOT NULL;\n",
    )
    seal(directory)
    result = cli("apply", "--dsn", fresh_db, "--project", str(project))
    assert result.exit_code == 0, result.output
    assert history(fresh_db)[-1] == (4, "up", True)


def test_two_apply_processes_started_together_apply_each_file_once_and_both_exit_0(fresh_db, project):
    directory = migrations(project)
    write_migration(
        directory,
        4,
        "slow",
        "SELECT pg_sleep(1);\nCREATE TABLE app.slow (id int);\n",
        "DROP TABLE app.slow;\n",
    )
    seal(directory)
    command = [
        sys.executable,
        "-m",
        "schemagen",
        "migrate",
        "apply",
        "--dsn",
        fresh_db,
        "--project",
        str(project),
    ]
    processes = [
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    assert history(fresh_db) == [(v, "up", True) for v in (1, 2, 3, 4)]
    assert sorted("applied 4 migration(s)" in out for out, _ in outputs) == [False, True]


def test_baseline_adopts_a_database_built_without_the_runner_then_a_new_migration_applies(fresh_db, project):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        for version in (1, 2):
            conn.execute(FILES[version][1])
    wrong = cli("baseline", "--dsn", fresh_db, "--project", str(project), "--version", "3")
    assert wrong.exit_code == 1
    assert "refusing to baseline at 0003" in wrong.stderr and "app.users_email" in wrong.stderr
    assert history(fresh_db) == []
    result = cli("baseline", "--dsn", fresh_db, "--project", str(project), "--version", "2")
    assert result.exit_code == 0, result.output
    assert history(fresh_db) == [(1, "up", True), (2, "up", True)]
    again = cli("baseline", "--dsn", fresh_db, "--project", str(project), "--version", "2")
    assert again.exit_code == 1 and "already has applied migrations (0001, 0002)" in again.stderr
    applied = cli("apply", "--dsn", fresh_db, "--project", str(project))
    assert applied.exit_code == 0, applied.output
    assert history(fresh_db)[-1] == (3, "up", True)


def test_usage_and_connection_errors(tmp_path, project):
    assert cli("apply", "--project", str(tmp_path / "nowhere")).exit_code == 2
    assert cli("apply", "--project", str(project), "--to", "9", "--dsn", "host=/nonexistent").exit_code == 2
    unreachable = cli("apply", "--project", str(project), "--dsn", "postgresql://u:s3cret@127.0.0.1:1/db")
    assert unreachable.exit_code == 1
    assert "s3cret" not in unreachable.output and "***" in unreachable.stderr
