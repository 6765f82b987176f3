"""Round trip of the reference system: generated/schema.sql → A → inspect → build → B → C.

Every catalog is read back from PostgreSQL, so every expression is compared in
PostgreSQL's own canonical (deparsed) form. A, B and C are the same database, and
inspect is a fixed point (B's and C's YAML are byte-identical).

A used to differ from B in three CHECKs of the form ``<varchar column> IN ('a', …)``:
PostgreSQL deparses them with the array cast outside (``::text[]``), and that text,
parsed again, pushes the cast into each element. The catalog readers now store such
expressions in the form PostgreSQL settles on (``model/pg/array_casts.py``), so A
reads the same as B.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

REFERENCE_SQL = Path(__file__).resolve().parents[2] / "generated" / "schema.sql"


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

    # A and B: the same objects, the same expressions.
    assert differences(a.catalog, b.catalog) == []

    # B and C: identical catalogs, byte-identical YAML (inspect is a fixed point from B on).
    assert differences(b.catalog, c.catalog) == []
    assert b.files == c.files
