"""Every ```yaml block of docs/format.md builds without a diagnostic and applies to PostgreSQL.

Each block is one complete schema file; the page cannot rot while this passes.
"""

from __future__ import annotations

import re
from pathlib import Path

import psycopg
import pytest

from schemagen.api import compile_project

REPO = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "format.md").read_text(encoding="utf-8"), re.S)


def _title(block: str) -> str:
    tables = re.findall(r"^  (\w+):$", block, re.M)
    return tables[0] if tables else "example"


def compile_block(tmp_path: Path, block: str) -> str:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "example.yaml").write_text(block, encoding="utf-8")
    settings = re.match(r"# schemagen.yaml: (.*)\n", block)  # the example's project settings
    if settings:
        (tmp_path / "schemagen.yaml").write_text(settings.group(1) + "\n", encoding="utf-8")
    result = compile_project(tmp_path)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.files["schema.sql"]


def test_there_are_examples() -> None:
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{i}-{_title(b)}" for i, b in enumerate(BLOCKS)])
def test_example_builds(block: str, tmp_path: Path) -> None:
    assert "CREATE" in compile_block(tmp_path, block)


def _needs_18(block: str) -> bool:
    """pgvector (shipped with the PostgreSQL 18 server here) or virtual generated columns."""
    return "vector" in block or "virtual: true" in block


def _uses_external(block: str) -> bool:
    """Declares external schemas: applies only where their objects exist."""
    return "\nexternal:" in block


PLAIN = [b for b in BLOCKS if not _needs_18(b) and not _uses_external(b)]
VECTOR = [b for b in BLOCKS if _needs_18(b)]
EXTERNAL = [b for b in BLOCKS if _uses_external(b)]
BILLING = """
CREATE SCHEMA billing;
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TABLE billing.accounts (id bigint PRIMARY KEY);
"""
"""What the external schema of the docs' example holds (another team's schema)."""


def _apply(dsn: str, sql: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


@pytest.mark.integration
@pytest.mark.parametrize("block", PLAIN, ids=[_title(b) for b in PLAIN])
def test_example_applies(block: str, tmp_path: Path, fresh_db: str) -> None:
    _apply(fresh_db, compile_block(tmp_path, block))


@pytest.mark.integration
@pytest.mark.parametrize("block", VECTOR, ids=[_title(b) for b in VECTOR])
def test_vector_example_applies_on_18(block: str, tmp_path: Path, pg18_db: str) -> None:
    _apply(pg18_db, compile_block(tmp_path, block))


@pytest.mark.integration
@pytest.mark.parametrize("block", EXTERNAL, ids=[_title(b) for b in EXTERNAL])
def test_external_example_applies_beside_the_external_schema(
    block: str, tmp_path: Path, fresh_db: str
) -> None:
    _apply(fresh_db, BILLING)
    _apply(fresh_db, compile_block(tmp_path, block))
