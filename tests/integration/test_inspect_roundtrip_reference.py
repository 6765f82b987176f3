"""Round trip of the reference system: generated/schema.sql → A → inspect → build → B → C.

Every catalog is read back from PostgreSQL, so every expression is compared in
PostgreSQL's own canonical (deparsed) form. A and B are the same database except
for exactly three CHECK constraints, and from B on inspect is a fixed point (B and
C are equal and their YAML is byte-identical).

Why those three: each is ``<varchar column> IN ('a', 'b', …)``. PostgreSQL parses
the literals as ``character varying`` (the column's type), finds no ``varchar =
varchar`` operator and picks ``text = text``, so it coerces the whole array:
A stores and deparses ``channel_type::text = ANY (ARRAY['a'::character varying,
…]::text[])``. That text, parsed again (it is what ``inspect`` writes, so it is
what B is built from), is a cast applied directly to an ``ARRAY[…]`` constructor,
which PostgreSQL pushes down into each element: B stores ``ARRAY['a'::character
varying::text, …]``. Same values, same operator, one cast in a different place;
B's text parses back to itself, so C equals B. The deparser is not idempotent
for this form, so no YAML can rebuild A's exact tree. (Writing the check as
``channel_type::text IN (…)`` in ``schema/`` would make A equal B.)
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database
from schemagen.model import QualifiedName as Q

pytestmark = pytest.mark.integration

REFERENCE_SQL = Path(__file__).resolve().parents[2] / "generated" / "schema.sql"
_CAST = re.compile(r"::[a-z_][a-z0-9_ .]*(\(\d+(,\d+)?\))?(\[\])?")

VARCHAR_IN_LISTS = {
    (Q("messages", "channels"), "valid_channel_type"),
    (Q("sessions", "active"), "valid_session_type"),
    (Q("tasks", "dependencies"), "valid_dependency_type"),
}
"""The CHECKs whose text differs between A and B (see the module docstring)."""


def _without_casts(value: object) -> str:
    return _CAST.sub("", repr(value))


def _check_differences(a, b) -> set[tuple[Q, str]]:
    """(table, check) pairs whose expression differs; asserts nothing else of the tables does."""
    found = set()
    for name, table in a.tables.items():
        other = b.tables[name]
        if table == other:
            continue
        assert dataclasses.replace(table, checks=()) == dataclasses.replace(other, checks=())
        for x, y in zip(table.checks, other.checks, strict=True):
            if x != y:
                assert dataclasses.replace(x, expression="") == dataclasses.replace(y, expression="")
                assert _without_casts(x.expression) == _without_casts(y.expression)
                found.add((name, x.name))
    return found


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

    assert a.omissions == b.omissions == []
    catalog = a.catalog
    assert len(catalog.tables) >= 40 and any(t.partition_of for t in catalog.tables.values())
    assert catalog.functions and catalog.triggers and catalog.views and catalog.policies
    assert catalog.grants and catalog.roles
    assert any(t.comment for t in catalog.tables.values())
    # The macros come back as the keys schema/ uses: range rules without their children,
    # audit: true, and the audit schema holds only what schema/audit.yaml adds.
    agents = a.files["schema/agents.yaml"]
    assert "      interval: 1 day\n" in agents and "lifecycle_events_2026_01_01" not in agents
    assert agents.count("    audit: true\n") == 2 and "audit.log_changes" not in agents
    audit = a.files["schema/audit.yaml"]
    assert "\ntables:" not in audit and "  log_changes:" not in audit and "  daily_activity:" in audit
    assert "\nfunctions:" not in a.files["schema/partitions.yaml"]

    # A and B: the same objects everywhere; only the three varchar IN-list CHECKs differ, by a cast.
    only_tables = dataclasses.replace(a.catalog, tables={}), dataclasses.replace(b.catalog, tables={})
    assert differences(*only_tables) == []
    assert set(a.catalog.tables) == set(b.catalog.tables)
    assert _check_differences(a.catalog, b.catalog) == VARCHAR_IN_LISTS

    # B and C: identical catalogs, byte-identical YAML (inspect is a fixed point from B on).
    assert differences(b.catalog, c.catalog) == []
    assert b.files == c.files
