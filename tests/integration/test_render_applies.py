"""The DDL rendered for the rich catalog applies to real PostgreSQL 15 and 18."""

from __future__ import annotations

import pglast
import psycopg
import pytest
from tests.unit.render.rich_catalog import rich_catalog
from tests.unit.render.scenarios import SCENARIOS

from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan

pytestmark = pytest.mark.integration


def _apply(dsn: str, sql: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


def _catalog_facts(dsn: str) -> dict[str, set]:
    queries = {
        "tables": "select n.nspname || '.' || c.relname from pg_class c "
        "join pg_namespace n on n.oid = c.relnamespace "
        "where c.relkind in ('r', 'p') and n.nspname in ('agents', 'tasks')",
        "indexes": "select indexname from pg_indexes where schemaname in ('agents', 'tasks')",
        "constraints": "select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
        "where n.nspname in ('agents', 'tasks')",
        "comments": "select description from pg_description",
    }
    with psycopg.connect(dsn) as conn:
        return {k: {row[0] for row in conn.execute(q)} for k, q in queries.items()}


def test_rich_catalog_applies_and_objects_exist(fresh_db: str, pg_server) -> None:
    catalog = rich_catalog(vector=pg_server.version >= 18)
    sql = render_plan(plan_changes(diff_catalogs(Catalog(), catalog)))
    _apply(fresh_db, sql)
    facts = _catalog_facts(fresh_db)
    assert {str(name) for name in catalog.tables} <= facts["tables"]
    assert {name.name for name in catalog.indexes} <= facts["indexes"]
    assert {"registry_pkey", "registry_current_task_fkey", "queue_no_overlap", "not_nil"} <= facts[
        "constraints"
    ]
    assert {"Lookup by type.", "The agent's identity.", "No nil."} <= facts["comments"]


def test_rich_catalog_drops_to_empty(fresh_db: str, pg_server) -> None:
    catalog = rich_catalog(vector=pg_server.version >= 18)
    _apply(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), catalog))))
    _apply(fresh_db, render_plan(plan_changes(diff_catalogs(catalog, Catalog()))))
    facts = _catalog_facts(fresh_db)
    assert facts["tables"] == set()
    assert facts["constraints"] == set()


def test_injection_label_is_data_not_code(fresh_db: str, pg_server) -> None:
    catalog = rich_catalog(vector=False)
    _apply(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), catalog))))
    with psycopg.connect(fresh_db) as conn:
        labels = [row[0] for row in conn.execute("select unnest(enum_range(null::tasks.level))::text")]
    assert labels == ["low", "it's", "'); DROP TABLE foo; --"]


def _apply_each(dsn: str, sql: str) -> None:
    """Run statement by statement in autocommit, as ``psql -f`` does."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(sql):
            conn.execute(statement)


def _live(dsn: str, schemas: list[str]) -> Catalog:
    with psycopg.connect(dsn, autocommit=True) as conn:
        catalog, _ = introspect(conn, schemas)
    return catalog


def _schemas(*catalogs: Catalog) -> list[str]:
    return sorted({name for c in catalogs for name in c.schemas} - {"public"})


@pytest.mark.parametrize(
    "scenario", ["evolve_shop", "evolve_shop_back", "rich_logged", "evolve_code", "rename_shop"]
)
def test_migration_converges_with_a_fresh_build(fresh_db: str, scenario: str) -> None:
    old, new = (factory() for factory in SCENARIOS[scenario])
    schemas = _schemas(old, new)
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), old))))
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(old, new))))
    migrated = _live(fresh_db, schemas)
    assert {k: e.labels for k, e in migrated.enums.items()} == {k: e.labels for k, e in new.enums.items()}
    assert sorted(migrated.tables) == sorted(new.tables)
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(new, Catalog()))))
    assert _live(fresh_db, schemas).tables == {}
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), new))))
    built = _live(fresh_db, schemas)
    assert diff_catalogs(migrated, built) == []


def test_declared_renames_keep_the_data(fresh_db: str) -> None:
    old, new = (factory() for factory in SCENARIOS["rename_shop"])
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), old))))
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("insert into shop.orders (status, amount, note) values ('new', 5, 'keep me')")
    _apply_each(fresh_db, render_plan(plan_changes(diff_catalogs(old, new))))
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("select remark from shop.purchases").fetchall() == [("keep me",)]
