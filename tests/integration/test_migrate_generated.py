"""The runner on migrations written by ``schemagen migrate new``: the reference system (PostgreSQL 18:
its pgvector parts) and the ``notes`` golden project (PostgreSQL 18 and 15).

* an empty database + ``migrate apply`` has the catalog ``generated/schema.sql`` gives;
* reverting every version, one at a time, returns each previous catalog exactly, and
  ``apply`` again returns the latest;
* ``baseline`` on a database built from ``generated/schema.sql``, then a new migration
  (written by ``migrate new`` after a change to ``schema/``) applies.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from psycopg.conninfo import conninfo_to_dict
from pytest_postgresql.janitor import DatabaseJanitor
from tests.conftest import REPO_ROOT
from tests.integration.live_projects import dsn_with, run_sql

from schemagen.api import build_project
from schemagen.api.migrate_state import read_state
from schemagen.cli import main
from schemagen.diff import diff_catalogs
from schemagen.migrations import read_migrations
from schemagen.model import QualifiedName

pytestmark = pytest.mark.integration

NOTES = REPO_ROOT / "tests" / "golden" / "migrations" / "notes"
EXTRA = """\
schema: extra
tables:
  tally:
    columns:
      id: bigint
      total: int
    primary_key: [id]
"""


def notes_project(root: Path) -> Path:
    """The notes golden as a project: the last step's schema/, its migrations, a built schema.sql."""
    (root / "schema").mkdir(parents=True)
    last = sorted(p for p in (NOTES / "steps").iterdir() if p.is_dir())[-1]
    for path in last.glob("*.yaml"):
        shutil.copy(path, root / "schema" / path.name)
    shutil.copytree(NOTES / "expected", root / "generated" / "migrations")
    assert build_project(root).ok
    return root


def reference_project(root: Path) -> Path:
    """A copy of this repository's project (schema/, schemagen.yaml, generated/)."""
    shutil.copytree(REPO_ROOT / "schema", root / "schema")
    shutil.copytree(REPO_ROOT / "generated", root / "generated")
    if (REPO_ROOT / "schemagen.yaml").is_file():
        shutil.copy(REPO_ROOT / "schemagen.yaml", root / "schemagen.yaml")
    return root


@contextmanager
def other_database(dsn: str) -> Iterator[str]:
    """A second empty database on the server of ``dsn``."""
    params = conninfo_to_dict(dsn)
    name = f"{params['dbname']}_b"
    janitor = DatabaseJanitor(user=params["user"], host=params["host"], port=params["port"], dbname=name)
    janitor.init()
    try:
        yield dsn_with(dsn, name)
    finally:
        janitor.drop()


def migrate(*args: str):
    return CliRunner().invoke(main, ["migrate", *args])


def versions(project: Path) -> list[int]:
    return [m.version for m in read_migrations(project / "generated" / "migrations").migrations]


def apply_gives_the_catalog_of_schema_sql(project: Path, dsn: str) -> None:
    assert len(versions(project)) >= 3
    result = migrate("apply", "--dsn", dsn, "--project", str(project), "--allow-hazards")
    assert result.exit_code == 0, result.output
    with other_database(dsn) as built:
        run_sql(built, (project / "generated" / "schema.sql").read_text())
        expected = read_state(built)
    applied = read_state(dsn)
    assert diff_catalogs(applied, expected) == []
    assert diff_catalogs(expected, applied) == []
    status = migrate("status", "--dsn", dsn, "--project", str(project), "--exit-code")
    assert status.exit_code == 0, status.output
    assert "drift: none" in status.stdout


def reverting_returns_each_previous_catalog(project: Path, dsn: str) -> None:
    states = [read_state(dsn)]
    for version in versions(project):
        result = migrate(
            "apply", "--dsn", dsn, "--project", str(project), "--to", str(version), "--allow-hazards"
        )
        assert result.exit_code == 0, result.output
        states.append(read_state(dsn))
    for index in range(len(states) - 1, 0, -1):
        result = migrate("revert", "--dsn", dsn, "--project", str(project), "--allow-hazards")
        assert result.exit_code == 0, result.output
        assert read_state(dsn) == states[index - 1], f"after reverting version {index}"
    result = migrate("apply", "--dsn", dsn, "--project", str(project), "--allow-hazards")
    assert result.exit_code == 0, result.output
    assert read_state(dsn) == states[-1]


def baseline_then_a_new_migration_applies(project: Path, dsn: str) -> None:
    run_sql(dsn, (project / "generated" / "schema.sql").read_text())
    last = versions(project)[-1]
    result = migrate("baseline", "--dsn", dsn, "--project", str(project), "--version", str(last))
    assert result.exit_code == 0, result.output
    (project / "schema" / "extra.yaml").write_text(EXTRA)
    written = migrate("new", "tally", "--project", str(project))
    assert written.exit_code == 0, written.output
    assert versions(project)[-1] == last + 1
    result = migrate("apply", "--dsn", dsn, "--project", str(project), "--allow-hazards")
    assert result.exit_code == 0, result.output
    assert f"applied {last + 1:04d}_tally.up.sql" in result.stdout
    assert QualifiedName("extra", "tally") in read_state(dsn).tables


CHECKS = {
    "apply_gives_the_catalog_of_schema_sql": apply_gives_the_catalog_of_schema_sql,
    "reverting_returns_each_previous_catalog": reverting_returns_each_previous_catalog,
    "baseline_then_a_new_migration_applies": baseline_then_a_new_migration_applies,
}


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_notes_golden(check: str, fresh_db: str, tmp_path: Path) -> None:
    CHECKS[check](notes_project(tmp_path / "notes"), fresh_db)


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_reference_system(check: str, pg18_db: str, tmp_path: Path) -> None:
    CHECKS[check](reference_project(tmp_path / "reference"), pg18_db)
