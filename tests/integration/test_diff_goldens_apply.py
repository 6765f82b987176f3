"""Every migration golden applies to real PostgreSQL and converges.

Build ``from/`` into a fresh database, run the case's ``expected.sql``, read the
database back; then drop everything, build ``to/`` from scratch and read it back:
the two live catalogs must not differ.
"""

from __future__ import annotations

from pathlib import Path

import pglast
import psycopg
import pytest
from tests.golden.test_diff_goldens import CASES, side_catalog

from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan

pytestmark = pytest.mark.integration


def _run(dsn: str, sql: str) -> None:
    """Run statement by statement in autocommit, as ``psql -f`` does."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(sql):
            conn.execute(statement)


def _live(dsn: str, schemas: list[str]) -> Catalog:
    with psycopg.connect(dsn, autocommit=True) as conn:
        catalog, _ = introspect(conn, schemas)
    return catalog


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_sql_applies_and_converges(case: Path, fresh_db: str, tmp_path: Path) -> None:
    old, new = side_catalog(case / "from", tmp_path / "a"), side_catalog(case / "to", tmp_path / "b")
    schemas = sorted({*old.schemas, *new.schemas})
    _run(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), old))))
    _run(fresh_db, (case / "expected.sql").read_text(encoding="utf-8"))
    migrated = _live(fresh_db, schemas)
    _run(fresh_db, render_plan(plan_changes(diff_catalogs(new, Catalog()))))
    _run(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), new))))
    built = _live(fresh_db, schemas)
    assert diff_catalogs(migrated, built) == []
