"""Introspection against real PostgreSQL 15 and 18: every kind, scope, query count."""

from __future__ import annotations

import threading
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from schemagen.api.inspect import not_null_name_warnings
from schemagen.introspect import QUERY_KINDS, introspect, live
from schemagen.introspect.live import SESSION_SETTINGS, record_rows, record_rows_on_two
from schemagen.model import Identity, IndexElement, PartitionBound, QualifiedName
from schemagen.model.identity import GrantOn, GrantTarget, routine_id

pytestmark = pytest.mark.integration

SAMPLE = Path(__file__).with_name("test_introspect_sample.sql")
Q = QualifiedName


def _apply(dsn: str, sql: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


def _read(dsn: str, schemas: list[str] | None = None):
    with psycopg.connect(dsn) as conn:
        return introspect(conn, schemas)


def test_every_kind_is_read(fresh_db):
    _apply(fresh_db, SAMPLE.read_text())
    catalog, omissions = _read(fresh_db)
    registry = catalog.tables[Q("agents", "registry")]
    assert registry.column("status").default == "'initializing'::agents.agent_status"
    assert registry.column("doubled").generated == "score * 2::numeric"
    assert registry.rls_enabled and registry.comment == "Every agent."
    assert catalog.tables[Q("tasks", "queue")].column("task_id").identity == Identity(always=True, start=100)
    assert catalog.tables[Q("tasks", "queue_default")].partition_of == PartitionBound(
        Q("tasks", "queue"), default=True
    )
    assert catalog.tables[Q("tasks", "queue_2024")].partition_of.from_values == ("'2024-01-01 00:00:00+00'",)
    assert catalog.indexes[Q("agents", "registry_lower_name")].elements == (
        IndexElement(expression="lower(name)", collation="C", descending=True, nulls_first=False),
    )
    assert catalog.tables[Q("tasks", "scratch")].excludes[0].where == "room > 0"
    assert set(catalog.functions) == {
        routine_id(Q("agents", "add"), ("integer", "integer")),
        routine_id(Q("agents", "noop"), ("integer",)),
        routine_id(Q("agents", "one"), ()),
        routine_id(Q("agents", "pairs"), ("integer",)),
        routine_id(Q("agents", "registry_size"), ()),
        routine_id(Q("agents", "touch"), ()),
        routine_id(Q("agents", "twice"), ("integer",)),
        routine_id(Q("tasks", "forget"), ("integer",)),
    }
    twice = catalog.functions[routine_id(Q("agents", "twice"), ("integer",))]
    assert twice.body == "RETURN agents.add(x, x)" and twice.sql_standard_body
    trigger = catalog.triggers[(Q("agents", "registry"), "registry_touch")]
    assert trigger.arguments == ("a", "b c") and trigger.when == "old.status IS DISTINCT FROM new.status"
    assert catalog.views[Q("agents", "counts")].materialized
    assert catalog.policies[(Q("agents", "registry"), "own_rows")].roles == ("schemagen_reader",)
    assert {"schemagen_reader", "schemagen_writer"} <= set(catalog.roles)
    add = GrantTarget(GrantOn.FUNCTION, Q("agents", "add"), ("integer", "integer"))
    assert catalog.grants[(add, "public", (), True)].revoke
    assert omissions == []
    assert [r.name for r in catalog.rules.values()] == ["no_delete"]
    assert [str(k) for k in catalog.aggregates] == ["agents.total(integer)"]


def test_extension_members_and_system_schemas_are_left_out(fresh_db):
    _apply(fresh_db, "CREATE EXTENSION btree_gist; CREATE TABLE t (id integer PRIMARY KEY);")
    catalog, omissions = _read(fresh_db)
    assert list(catalog.extensions) == ["btree_gist"]
    assert not catalog.functions and not omissions
    assert set(catalog.schemas) == {"public"}


def test_only_requested_schemas_are_read(fresh_db):
    _apply(fresh_db, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.u (y int);")
    catalog, _ = _read(fresh_db, ["b"])
    assert list(catalog.tables) == [Q("b", "u")]
    assert list(catalog.schemas) == ["b"]


class _CountingCursor(psycopg.Cursor):
    executed = 0

    def execute(self, *args, **kwargs):
        type(self).executed += 1
        return super().execute(*args, **kwargs)


def _count_queries(dsn: str) -> int:
    _CountingCursor.executed = 0
    with psycopg.connect(dsn, cursor_factory=_CountingCursor) as conn:
        introspect(conn, None)
    return _CountingCursor.executed


def _tables(n: int, offset: int = 0) -> str:
    return "".join(
        f"CREATE TABLE s.t{i} (id int PRIMARY KEY, ref int REFERENCES s.t{i}(id),"
        f" note text CHECK (note <> ''));"
        f"CREATE INDEX ON s.t{i} (note); COMMENT ON TABLE s.t{i} IS 'table {i}';"
        for i in range(offset, offset + n)
    )


def test_number_of_queries_does_not_grow_with_tables(fresh_db):
    _apply(fresh_db, "CREATE SCHEMA s;" + _tables(5))
    five = _count_queries(fresh_db)
    _apply(fresh_db, _tables(45, offset=5))
    fifty = _count_queries(fresh_db)
    assert five == fifty
    assert five == len(QUERY_KINDS) + len(SESSION_SETTINGS) + 1  # + SET TRANSACTION READ ONLY
    catalog, _ = _read(fresh_db)
    assert len(catalog.tables) == 50


def test_two_connections_read_the_rows_one_reads(fresh_db):
    _apply(fresh_db, SAMPLE.read_text())
    with psycopg.connect(fresh_db) as conn:
        one = record_rows(conn, None)
        two = record_rows_on_two(conn, fresh_db, None)
        scoped = record_rows_on_two(conn, fresh_db, ["agents"])
    assert two == one
    assert list(two) == list(QUERY_KINDS)
    assert scoped["columns"] and all(r["schema"] == "agents" for r in scoped["columns"])


def test_two_connections_share_one_snapshot(fresh_db, monkeypatch):
    """A table created after the snapshot was exported is seen by neither connection."""
    _apply(fresh_db, "CREATE SCHEMA s;" + _tables(2))
    created = threading.Event()

    class LateHelper(live._Helper):
        def _read(self, *args) -> None:
            created.wait(timeout=30)  # the second connection starts its queries after the CREATE
            super()._read(*args)

    def create_meanwhile(kind: str, _rows: int) -> None:
        if kind == "schemas":
            _apply(fresh_db, _tables(1, offset=2))
            created.set()

    monkeypatch.setattr(live, "_Helper", LateHelper)
    with psycopg.connect(fresh_db) as conn:
        rows = record_rows_on_two(conn, fresh_db, ["s"], create_meanwhile)
    assert created.is_set()
    assert {r["table_name"] for r in rows["columns"]} == {"t0", "t1"}
    assert {r["name"] for r in rows["tables"]} == {"t0", "t1"}
    with psycopg.connect(fresh_db) as conn:
        assert {r["name"] for r in record_rows(conn, ["s"])["tables"]} == {"t0", "t1", "t2"}


def test_no_second_connection_reads_on_one(fresh_db):
    _apply(fresh_db, "CREATE SCHEMA s;" + _tables(2))
    with psycopg.connect(fresh_db) as conn:
        one = record_rows(conn, ["s"])
        fallback = record_rows_on_two(conn, make_conninfo(fresh_db, dbname="no_such_database"), ["s"])
    assert fallback == one


def test_unique_nulls_not_distinct(fresh_db):
    _apply(fresh_db, "CREATE TABLE t (a int, b int, UNIQUE NULLS NOT DISTINCT (a), UNIQUE (b));")
    catalog, _ = _read(fresh_db)
    uniques = {u.name: u.nulls_not_distinct for u in catalog.tables[Q("public", "t")].uniques}
    assert uniques == {"t_a_key": True, "t_b_key": False}


def test_pgvector_types_opclasses_and_storage_parameters(pg18_db):
    _apply(
        pg18_db,
        "CREATE EXTENSION vector; CREATE SCHEMA k;"
        "CREATE TABLE k.docs (id int PRIMARY KEY, embedding vector(3));"
        "CREATE INDEX ON k.docs USING ivfflat (embedding vector_cosine_ops) WITH (lists = 1);",
    )
    catalog, omissions = _read(pg18_db)
    docs = catalog.tables[Q("k", "docs")]
    assert docs.column("embedding").type == "public.vector(3)"
    (index,) = catalog.indexes.values()
    assert (index.using, index.elements[0].opclass, index.storage_parameters) == (
        "ivfflat",
        "vector_cosine_ops",  # unqualified in pg_catalog and public (as declared); qualified elsewhere
        (("lists", "1"),),
    )
    assert not [o for o in omissions if "vector" in o.name]
    assert not [f for f in catalog.functions if f.schema == "public"]


def test_read_only_transaction_leaves_no_trace(fresh_db):
    with psycopg.connect(fresh_db) as conn:
        introspect(conn, None)
        assert conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert conn.execute("SHOW search_path").fetchone()[0] != "pg_catalog"


def test_column_and_table_settings_the_model_lacks_are_omissions(fresh_db):
    _apply(
        fresh_db,
        "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;"
        "CREATE TABLE t (a text, b int, c text) USING heap2; CREATE TABLE u (a text);"
        "ALTER TABLE u ALTER a SET STORAGE EXTERNAL; ALTER TABLE u ALTER a SET COMPRESSION pglz;",
    )
    catalog, omissions = _read(fresh_db)
    assert [(o.kind, o.name) for o in omissions] == [("table", "public.t")]
    column = catalog.tables[QualifiedName("public", "u")].column("a")
    assert (column.storage, column.compression) == ("external", "pglz")


def test_not_null_constraints_the_format_cannot_say_are_omissions_or_warnings(pg18_db):
    """PostgreSQL 18 keeps NOT NULL as a named constraint: NOT VALID (the column reads as
    nullable: existing rows may hold NULL) and NO INHERIT are omissions; a name PostgreSQL would
    not choose is a warning of inspect (rebuilt under the default name); names PostgreSQL chose,
    truncated or numbered ones included, are neither."""
    long_table, long_column = "t" * 40, "c" * 40
    _apply(
        pg18_db,
        "CREATE SCHEMA n;"
        "CREATE TABLE n.t (a int CONSTRAINT a_required NOT NULL, b int NOT NULL, c int,"
        " d int NOT NULL NO INHERIT);"
        "INSERT INTO n.t VALUES (1, 1, NULL, 1);"
        "ALTER TABLE n.t ADD CONSTRAINT c_present NOT NULL c NOT VALID;"
        f"CREATE TABLE n.{long_table} ({long_column} int NOT NULL);"
        "CREATE TABLE n.u (x int CONSTRAINT u_y_not_null CHECK (x > 0), y int NOT NULL);",  # y's name taken
    )
    catalog, omissions = _read(pg18_db, ["n"])
    t = catalog.tables[Q("n", "t")]
    assert [(c.name, c.not_null) for c in t.columns] == [("a", True), ("b", True), ("c", False), ("d", True)]
    assert sorted((o.name, o.why) for o in omissions) == [
        ("n.t.c_present", "NOT NULL NOT VALID (read as a nullable column) not supported"),
        ("n.t.t_d_not_null", "NOT NULL NO INHERIT not supported"),
    ]
    assert not_null_name_warnings(catalog) == [
        "NOT NULL constraint a_required of n.t.a is written as the column's not null: "
        "the project rebuilds it as t_a_not_null"
    ]


def test_comments_on_constraints_the_format_has_no_place_for_are_omissions(fresh_db):
    """A comment on a partition's or an inheritance child's copy of its parent's constraint is
    an omission (the format declares the parent's, whose own comment is read)."""
    _apply(
        fresh_db,
        "CREATE SCHEMA cm;"
        "CREATE TABLE cm.parent (id int, k text, CONSTRAINT parent_k CHECK (k <> '')) PARTITION BY LIST (k);"
        "CREATE TABLE cm.part PARTITION OF cm.parent FOR VALUES IN ('a');"
        "COMMENT ON CONSTRAINT parent_k ON cm.parent IS 'the parent''s own';"
        "COMMENT ON CONSTRAINT parent_k ON cm.part IS 'on the copy';"
        "CREATE TABLE cm.base (x int CONSTRAINT base_x CHECK (x > 0));"
        "CREATE TABLE cm.kid () INHERITS (cm.base);"
        "COMMENT ON CONSTRAINT base_x ON cm.kid IS 'on the copy';",
    )
    catalog, omissions = _read(fresh_db, ["cm"])
    assert catalog.tables[Q("cm", "parent")].checks[0].comment == "the parent's own"
    assert sorted((o.name, o.why) for o in omissions) == [
        ("cm.kid.base_x", "a comment on a constraint copied from a parent table is not in the format"),
        ("cm.part.parent_k", "a comment on a constraint copied from a parent table is not in the format"),
    ]


def test_a_comment_on_a_not_null_constraint_is_an_omission(pg18_db):
    _apply(
        pg18_db,
        "CREATE SCHEMA cm; CREATE TABLE cm.nn (y int NOT NULL);"
        "COMMENT ON CONSTRAINT nn_y_not_null ON cm.nn IS 'why';",
    )
    _, omissions = _read(pg18_db, ["cm"])
    assert [(o.name, o.why) for o in omissions] == [
        ("cm.nn.nn_y_not_null", "a comment on a NOT NULL constraint is not in the format")
    ]
