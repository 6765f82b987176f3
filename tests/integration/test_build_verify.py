"""``schemagen build --verify``: the generated SQL applied on a real server and rolled back.

The reference system verifies on PostgreSQL 18 (the embedded server, the default) and,
without its pgvector part, on PostgreSQL 15 (``--dev-dsn``); the one-defect projects that
no static check sees (tests/golden/defects_verify/verify_*) are refused with Q410 at their
YAML on both; nothing is left in the database and nothing is written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner

from schemagen.api import build_project
from schemagen.cli import main

REPO = Path(__file__).resolve().parents[2]
DEFECTS = REPO / "tests" / "golden" / "defects_verify"
VERIFY_CASES = sorted(p for p in DEFECTS.iterdir() if (p / "VERIFY").exists())


def _errors(result) -> list[str]:
    return [d.format() for d in result.diagnostics if d.severity.name == "ERROR"]


def test_reference_system_verifies_on_the_embedded_18():
    result = build_project(REPO, check=True, verify=True)
    assert result.ok, "\n".join(_errors(result))
    assert result.changed == []


@pytest.fixture
def reference_without_knowledge(tmp_path: Path) -> Path:
    """schema/ without the pgvector-dependent knowledge schema, targeting PostgreSQL 15."""
    shutil.copytree(
        REPO / "schema", tmp_path / "schema", ignore=shutil.ignore_patterns("knowledge.yaml", "*.md")
    )
    security = tmp_path / "schema" / "security.yaml"
    lines = security.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not (line.lstrip().startswith("- {on:") and "knowledge" in line)]
    security.write_text("".join(kept), encoding="utf-8")
    (tmp_path / "schemagen.yaml").write_text("postgres: 15\n", encoding="utf-8")
    return tmp_path


def test_reference_system_verifies_on_15(reference_without_knowledge: Path, pg15_db: str):
    result = build_project(reference_without_knowledge, verify=True, dev_dsn=pg15_db)
    assert result.ok, "\n".join(_errors(result))
    assert [d.code for d in result.diagnostics if d.code.startswith("Q")] == []


@pytest.mark.parametrize("case", VERIFY_CASES, ids=lambda p: p.name)
def test_what_only_postgres_sees_is_refused_at_its_yaml(case: Path, fresh_db: str, tmp_path: Path):
    project = tmp_path / case.name
    shutil.copytree(case, project)
    result = build_project(project, verify=True, dev_dsn=fresh_db)
    [refused] = [d for d in result.diagnostics if d.code == "Q410"]
    assert str(refused.span) == (case / "VERIFY").read_text(encoding="utf-8").strip()
    assert "PostgreSQL rejected the SQL of create table app.users" in refused.message
    assert not (project / "generated").exists(), "nothing is written when verify refuses"
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'app'").fetchone() == (0,)


def test_verify_leaves_nothing_behind(fresh_db: str, tmp_path: Path):
    shutil.copytree(DEFECTS / "verify_check_type_mismatch", tmp_path / "p")
    schema = tmp_path / "p" / "schema" / "app.yaml"
    schema.write_text(schema.read_text().replace("name > 5", "length(name) > 5"))
    result = build_project(tmp_path / "p", verify=True, dev_dsn=fresh_db)
    assert result.ok and (tmp_path / "p" / "generated" / "schema.sql").is_file()
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'app'").fetchone() == (0,)


def test_another_major_version_is_a_warning(pg18_db: str, tmp_path: Path):
    shutil.copytree(DEFECTS / "literal_boolean_default", tmp_path / "p")
    schema = tmp_path / "p" / "schema" / "app.yaml"
    schema.write_text(schema.read_text().replace("'maybe'", "'yes'"))
    (tmp_path / "p" / "schemagen.yaml").write_text("postgres: 15\n")
    result = build_project(tmp_path / "p", verify=True, dev_dsn=pg18_db)
    assert result.ok
    assert [d.code for d in result.diagnostics] == ["Q411"]


def test_cli(pg18_db: str, tmp_path: Path):
    shutil.copytree(DEFECTS / "verify_default_of_wrong_type", tmp_path / "p")
    runner = CliRunner()
    refused = runner.invoke(
        main, ["build", "--project", str(tmp_path / "p"), "--verify", "--dev-dsn", pg18_db]
    )
    assert refused.exit_code == 1
    assert "schema/app.yaml:8:7: Q410" in refused.output
    usage = runner.invoke(main, ["build", "--project", str(tmp_path / "p"), "--dev-dsn", pg18_db])
    assert usage.exit_code == 2
    unreachable = runner.invoke(
        main, ["build", "--project", str(tmp_path / "p"), "--verify", "--dev-dsn", "host=/nonexistent port=1"]
    )
    assert unreachable.exit_code == 1 and "cannot connect to verify" in unreachable.output
