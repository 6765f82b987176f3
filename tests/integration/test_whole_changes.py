"""Changes PostgreSQL cannot make in place, planned whole and converging on a real server."""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest
from tests.integration.test_safe_apply import run_plan

from schemagen.api.canonical import canonicalize
from schemagen.api.scratch import open_scratch
from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import EnumType, QualifiedName
from schemagen.plan import plan_changes

pytestmark = pytest.mark.integration

Q = QualifiedName

ENUM_LIVE = """
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('new', 'old', 'gone');
CREATE TABLE app.t (
    id bigint PRIMARY KEY,
    status app.status NOT NULL DEFAULT 'new',
    history app.status[],
    CONSTRAINT t_not_old CHECK (status <> 'old')
);
CREATE INDEX t_new_idx ON app.t (id) WHERE status = 'new';
CREATE VIEW app.v AS SELECT id, status FROM app.t;
INSERT INTO app.t VALUES (1, 'new', '{new}'), (2, 'gone', '{gone,new}');
"""

VIEW_LIVE = """
CREATE SCHEMA app;
CREATE TABLE app.t (id bigint PRIMARY KEY, x text, y text);
CREATE VIEW app.v1 AS SELECT id, x FROM app.t;
CREATE VIEW app.v2 AS SELECT id, x FROM app.v1 WHERE id > 0;
CREATE VIEW app.v3 AS SELECT count(*) AS n FROM app.v2;
"""


def _read(dsn: str):
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["app"])[0]


def _converge(dsn: str, declared) -> None:
    """Plan (expressions compared in canonical form), apply, read back: nothing differs."""
    live = _read(dsn)
    with open_scratch(None, dsn) as scratch:
        run_plan(dsn, plan_changes(diff_catalogs(live, canonicalize(declared, live, scratch)), old=live))
        after = _read(dsn)
        assert diff_catalogs(after, canonicalize(declared, after, scratch)) == []


@pytest.mark.parametrize("labels", [("gone", "new", "old"), ("new", "gone")], ids=["reorder", "remove"])
def test_enum_reorder_or_removal_swaps_the_type_with_its_dependents(fresh_db: str, labels) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(ENUM_LIVE)
    live = _read(fresh_db)
    declared = replace(live, enums={Q("app", "status"): EnumType(Q("app", "status"), labels)})
    if "old" not in labels:  # the CHECK naming the removed value goes too
        table = live.tables[Q("app", "t")]
        declared = replace(declared, tables={**live.tables, table.name: replace(table, checks=())})
    _converge(fresh_db, declared)
    with psycopg.connect(fresh_db) as conn:
        rows = conn.execute("SELECT id, v.status::text FROM app.v v JOIN app.t t USING (id) ORDER BY id")
        assert list(rows) == [(1, "new"), (2, "gone")]
        order = conn.execute("SELECT enum_range(NULL::app.status)::text").fetchone()[0]
    assert order == "{" + ",".join(labels) + "}"


def test_changed_view_query_recreates_the_views_on_it(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(VIEW_LIVE)
    live = _read(fresh_db)
    v1 = live.views[Q("app", "v1")]
    # a column renamed in the middle of the chain: CREATE OR REPLACE VIEW would refuse it
    declared = replace(
        live, views={**live.views, v1.name: replace(v1, query="SELECT t.id, t.y AS x FROM app.t")}
    )
    _converge(fresh_db, declared)
