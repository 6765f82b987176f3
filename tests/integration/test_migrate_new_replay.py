"""Files written by ``schemagen migrate new`` do what their state snapshot says, on PostgreSQL 18 and 15.

``migrate verify`` replays every up file on an empty database and compares the result with the
declared schema (the last state snapshot's source), and replays each down file and compares
with the state before its up file. The golden cases (tests/golden/migrations/) hold a
``transaction: none`` file (CONCURRENTLY, ``ALTER TYPE … ADD VALUE``), lossy down files and a new
list partition; the reference system's own history needs pgvector (PostgreSQL 18).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from tests.conftest import REPO_ROOT
from tests.integration.live_projects import run_sql

from schemagen.cli import main
from schemagen.migrations import read_migrations

pytestmark = pytest.mark.integration

GOLDEN = REPO_ROOT / "tests" / "golden" / "migrations"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "steps").is_dir())


def golden_project(case: Path, root: Path) -> Path:
    """The case's last step as schema/, its expected files as generated/migrations/."""
    last = sorted(p for p in (case / "steps").iterdir() if p.is_dir())[-1]
    shutil.copytree(last, root / "schema")
    shutil.copytree(case / "expected", root / "generated" / "migrations")
    return root


def verify(project: Path, dsn: str):
    return CliRunner().invoke(main, ["migrate", "verify", "--project", str(project), "--dev-dsn", dsn])


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_migrations_replay_to_the_declared_schema_and_back(case: Path, fresh_db: str, tmp_path: Path):
    project = golden_project(case, tmp_path / case.name)
    result = verify(project, fresh_db)
    assert result.exit_code == 0, result.output
    count = len(read_migrations(project / "generated" / "migrations").migrations)
    assert result.stdout.count("\nup   ") + result.stdout.startswith("up   ") == count


def test_the_golden_cases_cover_outside_a_transaction_and_lossy_downs() -> None:
    scripts = [s for case in CASES for s in read_migrations(case / "expected").scripts]
    assert any(not s.transactional for s in scripts if s.direction == "up")
    assert any("deletes_data" in s.hazard_names for s in scripts if s.direction == "down")


def test_reference_system_migrations_replay(pg18_db: str, tmp_path: Path):
    project = tmp_path / "reference"
    shutil.copytree(REPO_ROOT / "schema", project / "schema")
    shutil.copytree(REPO_ROOT / "generated", project / "generated")
    if (REPO_ROOT / "schemagen.yaml").is_file():
        shutil.copy(REPO_ROOT / "schemagen.yaml", project / "schemagen.yaml")
    assert len(read_migrations(project / "generated" / "migrations").migrations) >= 3
    result = verify(project, pg18_db)
    assert result.exit_code == 0, result.output


V1 = """\
schema: app
tables:
  users:
    columns:
      user_id: bigint not null
      email: text not null
    primary_key: [user_id]
"""
V2 = V1.replace(
    "      email: text not null\n", "      email: text not null\n      nickname: text\n      age: integer\n"
) + ("    indexes:\n      - columns: [email]\n")


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def columns(dsn: str) -> set[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = 'app.users'::regclass AND attnum > 0"
        ).fetchall()
    return {row[0] for row in rows}


def test_a_failing_block_of_a_transaction_none_file_rolls_back_as_a_whole(fresh_db: str, tmp_path: Path):
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "app.yaml").write_text(V1)
    assert cli("migrate", "new", "initial", "--project", str(project)).exit_code == 0
    (project / "schema" / "app.yaml").write_text(V2)
    assert cli("migrate", "new", "profile", "--project", str(project)).exit_code == 0
    second = read_migrations(project / "generated" / "migrations").migrations[1]
    assert not second.up.transactional and "BEGIN;" in second.up.text
    assert cli("migrate", "apply", "--dsn", fresh_db, "--project", str(project), "--to", "1").exit_code == 0
    run_sql(fresh_db, "ALTER TABLE app.users ADD COLUMN age integer")  # in the way of the second ADD COLUMN
    failed = cli("migrate", "apply", "--dsn", fresh_db, "--project", str(project), "--allow-hazards")
    assert failed.exit_code == 1
    assert 'column "age" of relation "users" already exists' in failed.output
    assert "nickname" not in columns(fresh_db)  # the block's first ADD COLUMN was rolled back with it
    run_sql(fresh_db, "ALTER TABLE app.users DROP COLUMN age")
    again = cli("migrate", "apply", "--dsn", fresh_db, "--project", str(project), "--allow-hazards")
    assert again.exit_code == 0, again.output
    assert {"nickname", "age"} <= columns(fresh_db)
