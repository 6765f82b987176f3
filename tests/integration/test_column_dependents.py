"""A column type change under views, policies, triggers and a SQL-standard body converges (issue 7).

On PostgreSQL 15 and 18: build the old catalog, apply it, plan old → new (from the
declared old catalog and from the one read back from the server), apply, read the
database back: it equals a fresh build of the new catalog, and planning again
gives nothing. The issue's own case also goes through ``schemagen apply`` and
``schemagen diff --exit-code``.
"""

from __future__ import annotations

import pglast
import psycopg
import pytest
from click.testing import CliRunner
from tests.unit.plan.column_dependents import new, old

from schemagen.cli import main
from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import Catalog, QualifiedName
from schemagen.plan import plan_changes
from schemagen.render import render_plan

pytestmark = pytest.mark.integration


def _apply(dsn: str, catalog_from: Catalog, catalog_to: Catalog) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(render_plan(plan_changes(diff_catalogs(catalog_from, catalog_to)))):
            conn.execute(statement)


def _live(dsn: str) -> Catalog:
    with psycopg.connect(dsn, autocommit=True) as conn:
        catalog, _ = introspect(conn, ["public"])
    return catalog


def _reset(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.mark.parametrize("planned_from", ["declared", "live"])
def test_retyped_column_under_dependents_converges(fresh_db: str, planned_from: str) -> None:
    _reset(fresh_db)
    _apply(fresh_db, Catalog(), new())
    built = _live(fresh_db)
    _reset(fresh_db)
    _apply(fresh_db, Catalog(), old())
    source = old() if planned_from == "declared" else _live(fresh_db)
    _apply(fresh_db, source, new())
    migrated = _live(fresh_db)
    assert migrated.tables[QualifiedName("public", "t")].column("a").type == "bigint"
    assert sorted(migrated.views) == sorted(new().views)
    assert sorted(migrated.policies) == sorted(new().policies)
    assert sorted(migrated.triggers) == sorted(new().triggers)
    assert diff_catalogs(migrated, built) == []


PROJECT = """schema: public
tables:
  t:
    columns:
      a: {a_type}
      b: integer
views:
  v:
    query: SELECT a FROM t
  w:
    query: SELECT (a + 1) AS a1 FROM v
"""


def test_apply_retypes_a_column_under_unqualified_views(fresh_db: str, tmp_path) -> None:
    """The issue's case through ``schemagen apply``: then ``diff --exit-code`` finds nothing."""
    schema = tmp_path / "schema"
    schema.mkdir()
    (schema / "public.yaml").write_text(PROJECT.format(a_type="integer"))
    _reset(fresh_db)
    apply = ["apply", "--dsn", fresh_db, "--project", str(tmp_path), "--yes"]
    assert CliRunner().invoke(main, apply).exit_code == 0
    (schema / "public.yaml").write_text(PROJECT.format(a_type="bigint"))
    applied = CliRunner().invoke(main, [*apply, "--allow-hazards"])
    assert applied.exit_code == 0, applied.output
    assert "applied - view public.v" in applied.output and "applied + view public.w" in applied.output
    diff = CliRunner().invoke(main, ["diff", "--dsn", fresh_db, "--project", str(tmp_path), "--exit-code"])
    assert diff.exit_code == 0, diff.output
    assert _live(fresh_db).tables[QualifiedName("public", "t")].column("a").type == "bigint"
