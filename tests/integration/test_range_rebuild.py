"""A range type whose definition changes under columns is swapped, not dropped (``RebuildRangeType``)."""

from __future__ import annotations

from dataclasses import replace

import psycopg
import pytest
from tests.integration.test_safe_apply import run_plan
from tests.unit.change_kinds import change_kinds

from schemagen.api.canonical import canonicalize
from schemagen.api.scratch import open_scratch
from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import QualifiedName
from schemagen.model.planned import Hazard
from schemagen.model.ranges import DropRangeType, RebuildRangeType
from schemagen.plan import plan_changes

pytestmark = pytest.mark.integration

Q = QualifiedName
RANGE = Q("demo", "floatrange")

LIVE = """
CREATE SCHEMA demo;
CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);
CREATE TABLE demo.t (
    id bigint PRIMARY KEY,
    r demo.floatrange NOT NULL DEFAULT '[0,1)',
    m demo.floatmultirange DEFAULT '{}',
    rs demo.floatrange[],
    CONSTRAINT t_r_check CHECK (NOT isempty(r) AND r <> '[5,6)'::demo.floatrange)
);
CREATE INDEX t_r_idx ON demo.t USING gist (r);
CREATE INDEX t_m_idx ON demo.t USING gist (m);
CREATE INDEX t_lower_idx ON demo.t (lower(r)) WHERE r <> 'empty'::demo.floatrange;
CREATE VIEW demo.v AS SELECT id, r, m FROM demo.t;
REVOKE USAGE ON TYPE demo.floatrange FROM PUBLIC;
CREATE FUNCTION demo.lo(x demo.floatrange) RETURNS text LANGUAGE sql AS 'SELECT lower(x)::text';
INSERT INTO demo.t VALUES
    (1, '[1.5,2.5)', '{[1,2), [3,4]}', '{"[1,2)", empty}'),
    (2, '(,7]', NULL, NULL);
"""

ROWS = (
    "SELECT id, v.r::text, v.m::text, t.rs::text, demo.lo(v.r)"
    " FROM demo.v v JOIN demo.t t USING (id) ORDER BY id"
)

CHANGES = {
    "subtype_diff": {"subtype_diff": Q("pg_catalog", "float8mi")},
    "subtype": {"subtype": "numeric"},
}


def _read(dsn: str):
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["demo"])[0]


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_changed_range_under_columns_is_swapped_and_converges(fresh_db: str, change: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(LIVE)
        before = conn.execute(ROWS).fetchall()
    live = _read(fresh_db)
    declared = replace(live, range_types={RANGE: replace(live.range_types[RANGE], **CHANGES[change])})
    with open_scratch(None, fresh_db) as scratch:
        changes = diff_catalogs(live, canonicalize(declared, live, scratch))
        assert not any(isinstance(c, DropRangeType) for c in changes)
        (swap,) = [c for c in changes if isinstance(c, RebuildRangeType)]
        assert sorted(column.name for _, column in swap.columns) == ["m", "r", "rs"]
        assert [c.name for _, c in swap.checks] == ["t_r_check"]
        # PostgreSQL rebuilds the plain column indexes (t_r_idx, t_m_idx) itself
        assert [i.name.name for i in swap.indexes] == ["t_lower_idx"]
        plan = plan_changes(changes, old=live)
        (planned,) = [p for p in plan if isinstance(p.change, RebuildRangeType)]
        assert {Hazard.RANGE_REBUILD, Hazard.TABLE_REWRITE} <= set(planned.hazards)
        run_plan(fresh_db, plan)
        after = _read(fresh_db)
        assert diff_catalogs(after, canonicalize(declared, after, scratch)) == []
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute(ROWS).fetchall() == before
        conn.execute("INSERT INTO demo.t (id) VALUES (3)")  # the default survived
        assert conn.execute("SELECT r::text, m::text FROM demo.t WHERE id = 3").fetchone() == ("[0,1)", "{}")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO demo.t (id, r) VALUES (4, '[5,6)')")
        conn.rollback()
        leftovers = conn.execute(
            "SELECT count(*) FROM pg_type WHERE typname LIKE '%\\_\\_old'"
            " UNION ALL SELECT count(*) FROM pg_proc WHERE proname LIKE '%\\_\\_old'"
        ).fetchall()
    assert leftovers == [(0,), (0,)]
    assert after.range_types[RANGE] == declared.range_types[RANGE]


def test_changed_range_without_columns_is_dropped_and_created(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA demo; CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);"
            " REVOKE USAGE ON TYPE demo.floatrange FROM PUBLIC;"  # given again to the new type
        )
    live = _read(fresh_db)
    declared = replace(live, range_types={RANGE: replace(live.range_types[RANGE], subtype="numeric")})
    changes = diff_catalogs(live, declared)
    assert [type(c).__name__ for c in changes] == ["DropRangeType", "CreateRangeType", "GrantPrivileges"]
    run_plan(fresh_db, plan_changes(changes, old=live))
    assert diff_catalogs(_read(fresh_db), declared) == []


def test_an_inheriting_table_is_converted_with_its_parent(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA demo; CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);"
            " CREATE TABLE demo.p (id bigint, r demo.floatrange CHECK (NOT isempty(r)));"
            " CREATE TABLE demo.c (extra text) INHERITS (demo.p);"
            " CREATE TABLE demo.g (r demo.floatrange, more text) INHERITS (demo.c);"
            " INSERT INTO demo.p VALUES (1, '[1,2)'); INSERT INTO demo.c VALUES (2, '[3,4)', 'x');"
            " INSERT INTO demo.g VALUES (3, '[5,6)', 'y', 'z');"
        )
    live = _read(fresh_db)
    declared = replace(live, range_types={RANGE: replace(live.range_types[RANGE], subtype="numeric")})
    with open_scratch(None, fresh_db) as scratch:
        changes = diff_catalogs(live, canonicalize(declared, live, scratch))
        (swap,) = [c for c in changes if isinstance(c, RebuildRangeType)]
        assert [table.name for table, _ in swap.columns] == ["p"]  # ALTER TABLE recurses to c and g
        run_plan(fresh_db, plan_changes(changes, old=live))
        after = _read(fresh_db)
        assert diff_catalogs(after, canonicalize(declared, after, scratch)) == []
    with psycopg.connect(fresh_db) as conn:
        rows = conn.execute("SELECT id, r::text, pg_typeof(r)::text FROM demo.p ORDER BY id").fetchall()
    assert rows == [(i, f"[{2 * i - 1},{2 * i})", "demo.floatrange") for i in (1, 2, 3)]


def test_a_new_multirange_name_retypes_its_columns_in_the_swap(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA demo; CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);"
            " CREATE TABLE demo.t (id bigint PRIMARY KEY, r demo.floatrange, m demo.floatmultirange,"
            " ms demo.floatmultirange[]);"
            " INSERT INTO demo.t VALUES (1, '[1,2)', '{[1,2), [3,4)}', '{\"{[5,6)}\"}');"
        )
    live = _read(fresh_db)
    spans = Q("demo", "floatspans")
    table = live.tables[Q("demo", "t")]
    columns = tuple(
        replace(c, type=c.type.replace("demo.floatmultirange", "demo.floatspans")) for c in table.columns
    )
    declared = replace(
        live,
        range_types={RANGE: replace(live.range_types[RANGE], multirange=spans)},
        tables={table.name: replace(table, columns=columns)},
    )
    changes = diff_catalogs(live, declared)
    assert change_kinds(changes) == ["RebuildRangeType"]  # no ALTER COLUMN … TYPE of its own
    run_plan(fresh_db, plan_changes(changes, old=live))
    assert diff_catalogs(_read(fresh_db), declared) == []
    with psycopg.connect(fresh_db) as conn:
        row = conn.execute("SELECT r::text, m::text, ms::text, pg_typeof(m)::text FROM demo.t").fetchone()
    assert row == ("[1,2)", "{[1,2),[3,4)}", '{"{[5,6)}"}', "demo.floatspans")


def test_a_range_renamed_and_changed_is_renamed_then_swapped(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA demo; CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);"
            " CREATE TABLE demo.t (id bigint PRIMARY KEY, r demo.floatrange, m demo.floatmultirange);"
            " INSERT INTO demo.t VALUES (1, '[1.5,2)', '{[1,2)}');"
        )
    live = _read(fresh_db)
    score = Q("demo", "score_range")
    table = live.tables[Q("demo", "t")]
    renamed = {"demo.floatrange": "demo.score_range", "demo.floatmultirange": "demo.score_multirange"}
    columns = tuple(replace(c, type=renamed.get(c.type, c.type)) for c in table.columns)
    declared = replace(
        live,
        range_types={
            score: replace(live.range_types[RANGE], name=score, subtype="numeric", renamed_from="floatrange")
        },
        tables={table.name: replace(table, columns=columns)},
    )
    changes = diff_catalogs(live, declared)
    assert change_kinds(changes) == ["RenameRangeType", "RebuildRangeType"]
    run_plan(fresh_db, plan_changes(changes, old=live))
    assert diff_catalogs(_read(fresh_db), declared) == []
    with psycopg.connect(fresh_db) as conn:
        row = conn.execute(
            "SELECT r::text, m::text, pg_typeof(r)::text, pg_typeof(m)::text FROM demo.t"
        ).fetchone()
        leftovers = conn.execute("SELECT count(*) FROM pg_type WHERE typname LIKE '%\\_\\_old'").fetchone()
    assert row == ("[1.5,2)", "{[1,2)}", "demo.score_range", "demo.score_multirange")
    assert leftovers == (0,)


def test_defaults_and_checks_calling_the_constructors_are_taken_off_and_put_back(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA demo; CREATE TYPE demo.floatrange AS RANGE (SUBTYPE = float8);"
            " CREATE TABLE demo.t (id bigint, r demo.floatrange DEFAULT demo.floatrange(0, 1),"
            " CONSTRAINT t_bounded CHECK (r <@ demo.floatrange(-100, 100)));"
            " CREATE TABLE demo.u (id bigint, label text DEFAULT demo.floatrange(0, 2)::text,"
            " CONSTRAINT u_label CHECK (label <> demo.floatrange(5, 6)::text));"
            " INSERT INTO demo.t (id) VALUES (1); INSERT INTO demo.u (id) VALUES (1);"
        )
    live = _read(fresh_db)
    declared = replace(
        live, range_types={RANGE: replace(live.range_types[RANGE], subtype_diff=Q("pg_catalog", "float8mi"))}
    )
    with open_scratch(None, fresh_db) as scratch:
        run_plan(fresh_db, plan_changes(diff_catalogs(live, canonicalize(declared, live, scratch)), old=live))
        after = _read(fresh_db)
        assert diff_catalogs(after, canonicalize(declared, after, scratch)) == []
    with psycopg.connect(fresh_db) as conn:
        conn.execute("INSERT INTO demo.t (id) VALUES (2); INSERT INTO demo.u (id) VALUES (2)")
        rows = conn.execute(
            "SELECT t.r::text, u.label FROM demo.t JOIN demo.u USING (id) ORDER BY id"
        ).fetchall()
    assert rows == [("[0,1)", "[0,2)")] * 2
