"""Round trip of the reference system: generated/schema.sql → A → inspect → build → B → C.

PostgreSQL's deparser is not idempotent for a few forms (``x IN ('a', 'b')`` on a
varchar reads back as ``ARRAY['a'::character varying, …]::text[]`` and, re-parsed,
as ``ARRAY['a'::character varying::text, …]``), so A and B may differ only by
casts inside such expressions; from B on, the YAML is a fixed point.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import psycopg
import pytest

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

REFERENCE_SQL = Path(__file__).resolve().parents[2] / "generated" / "schema.sql"
_CAST = re.compile(r"::[a-z_][a-z0-9_ .]*(\(\d+(,\d+)?\))?(\[\])?")


def _without_casts(value: object) -> str:
    return _CAST.sub("", repr(value))


def _differences(a, b, *, modulo_casts: bool) -> list[str]:
    lines = []
    for f in dataclasses.fields(a):
        left, right = getattr(a, f.name), getattr(b, f.name)
        for key in sorted(set(left) | set(right), key=str):
            x, y = left.get(key), right.get(key)
            if x != y and not (modulo_casts and _without_casts(x) == _without_casts(y)):
                lines.append(f"{f.name} {key}:\n  A: {x}\n  B: {y}")
    return lines


@pytest.fixture
def more_dbs(pg18_server):
    """Two more empty PostgreSQL 18 databases."""
    from tests.conftest import _fresh

    second, third = _fresh(pg18_server, None), _fresh(pg18_server, None)
    yield next(second), next(third)
    for generator in (second, third):
        next(generator, None)


def _build_and_apply(project: Path, dsn: str) -> None:
    compiled = compile_project(project)
    assert compiled.ok, "\n".join(d.format() for d in compiled.diagnostics)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(compiled.files["schema.sql"])


def test_reference_system_round_trips(pg18_db, more_dbs, tmp_path):
    dsn_b, dsn_c = more_dbs
    with psycopg.connect(pg18_db, autocommit=True) as conn:
        conn.execute(REFERENCE_SQL.read_text())
    a = inspect_database(pg18_db, None, tmp_path / "a")
    _build_and_apply(tmp_path / "a", dsn_b)
    b = inspect_database(dsn_b, None, tmp_path / "b")
    _build_and_apply(tmp_path / "b", dsn_c)
    c = inspect_database(dsn_c, None, tmp_path / "c")
    assert a.omissions == b.omissions
    assert _differences(a.catalog, b.catalog, modulo_casts=True) == []
    assert _differences(b.catalog, c.catalog, modulo_casts=False) == []
    assert b.files == c.files
    assert len(a.catalog.tables) >= 5
