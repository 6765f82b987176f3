"""No silent losses: every catalog column is read by inspect, an omission (exit 3), or not declared.

The classification (``tests/integration/catalog_columns.py``) is pinned against the
catalogs of the running servers, and each omission the readers list instead of
dropping is shown on a real database: a non-default value is reported, the default
is not.
"""

from __future__ import annotations

import re
from importlib import resources

import psycopg
import pytest
from psycopg import sql as psql
from tests.integration.catalog_columns import CATALOGS, COLUMNS

from schemagen.api.inspect import read_database

pytestmark = pytest.mark.integration

_VALID = re.compile(r"^(read|omission)( via (\w+))?$|^(owner|not declared|not read|omission|read): .+")


def _query_text() -> str:
    folder = resources.files("schemagen.introspect.queries")
    return "\n".join(f.read_text() for f in folder.iterdir() if f.name.endswith(".sql"))


def test_every_catalog_and_column_is_classified(pg_server):
    with psycopg.connect(pg_server.dsn("postgres")) as conn:
        rows = conn.execute(
            "SELECT c.relname, a.attname FROM pg_class c"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            " WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r'"
        ).fetchall()
    catalogs: dict[str, set[str]] = {}
    for catalog, column in rows:
        catalogs.setdefault(catalog, set()).add(column)
    unclassified = sorted(set(catalogs) - set(CATALOGS))
    assert not unclassified, f"catalogs not classified in catalog_columns.CATALOGS: {unclassified}"
    for catalog, handling in CATALOGS.items():
        if handling != "columns" or catalog not in catalogs:
            continue
        missing = sorted(catalogs[catalog] - set(COLUMNS[catalog]))
        assert not missing, f"{catalog} columns not classified in catalog_columns.COLUMNS: {missing}"


def test_every_claim_names_what_the_queries_read():
    text = _query_text()
    assert set(COLUMNS) == {c for c, h in CATALOGS.items() if h == "columns"}
    for catalog, columns in COLUMNS.items():
        for column, handling in columns.items():
            match = _VALID.match(handling)
            assert match, f"{catalog}.{column}: unknown handling {handling!r}"
            if match.group(1):
                word = match.group(3) or column
                assert re.search(rf"\b{word}\b", text), f"{catalog}.{column}: {word!r} is in no catalog query"


SCENARIOS = [
    pytest.param(
        "CREATE TABLE p (id int, k int, PRIMARY KEY (id, k));"
        " CREATE TABLE c (a int, b int, FOREIGN KEY (a, b) REFERENCES p ON DELETE SET NULL (a));",
        ("constraint", "public.c.c_a_b_fkey", "ON DELETE SET NULL/DEFAULT (columns)"),
        id="on-delete-set-null-columns",
    ),
    pytest.param(
        "CREATE TABLE p (id int PRIMARY KEY); CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql"
        " AS 'BEGIN RETURN NULL; END'; CREATE TABLE t (id int);"
        " CREATE CONSTRAINT TRIGGER ct AFTER INSERT ON t FROM p FOR EACH ROW EXECUTE FUNCTION tf();",
        ("trigger", "public.t.ct", "FROM"),
        id="constraint-trigger-from",
    ),
    pytest.param(
        "CREATE AGGREGATE s(integer) (SFUNC = int4pl, STYPE = integer,"
        " MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer);",
        ("aggregate", "public.s(integer)", "moving-aggregate"),
        id="moving-aggregate",
    ),
    pytest.param(
        "CREATE FUNCTION eq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT $1 = $2';"
        " CREATE OPERATOR === (FUNCTION = eq, LEFTARG = text, RIGHTARG = text, NEGATOR = !==);"
        " DROP OPERATOR === (text, text);",
        ("operator", "public.!==", "shell operator"),
        id="shell-operator",
    ),
    pytest.param(
        "CREATE FOREIGN DATA WRAPPER cov_w; GRANT USAGE ON FOREIGN DATA WRAPPER cov_w TO PUBLIC;",
        ("foreign data wrapper", "cov_w", "GRANT USAGE"),
        id="wrapper-grant",
    ),
    pytest.param(
        "CREATE FOREIGN DATA WRAPPER cov_w; CREATE SERVER cov_s FOREIGN DATA WRAPPER cov_w;"
        " GRANT USAGE ON FOREIGN SERVER cov_s TO PUBLIC;",
        ("server", "cov_s", "GRANT USAGE"),
        id="server-grant",
    ),
    pytest.param(
        "CREATE FOREIGN DATA WRAPPER cov_w; CREATE SERVER cov_s FOREIGN DATA WRAPPER cov_w;"
        " CREATE TABLE p (id int); CREATE FOREIGN TABLE f () INHERITS (p) SERVER cov_s;"
        " ALTER FOREIGN TABLE f ALTER COLUMN id OPTIONS (ADD column_name 'x');",
        ("foreign table", "public.f", "inherited column id"),
        id="foreign-table-inherited-column-options",
    ),
]

SCENARIOS += [
    pytest.param(
        "CREATE TYPE r; CREATE FUNCTION r_canonical(r) RETURNS r LANGUAGE internal IMMUTABLE STRICT"
        " AS 'int4range_canonical'; CREATE TYPE r AS RANGE (SUBTYPE = integer, CANONICAL = r_canonical);",
        ("range type", "public.r", "CANONICAL"),
        id="range-canonical",
    ),
    pytest.param(
        "CREATE TYPE r AS RANGE (SUBTYPE = integer); ALTER TYPE r RENAME TO s;",
        ("range type", "public.s", "constructor function"),
        id="range-constructor-renamed-apart",
    ),
]

PG18_SCENARIOS = [
    pytest.param(
        "CREATE TABLE t (a int, CONSTRAINT c CHECK (a > 0) NOT ENFORCED);",
        ("constraint", "public.t.c", "NOT ENFORCED"),
        id="not-enforced",
    ),
    pytest.param(
        "CREATE EXTENSION btree_gist;"
        " CREATE TABLE t (id int, valid tstzrange, CONSTRAINT k PRIMARY KEY (id, valid WITHOUT OVERLAPS));",
        ("constraint", "public.t.k", "WITHOUT OVERLAPS"),
        id="without-overlaps",
    ),
]

_ROLES = ("cov_attr_role", "cov_member", "cov_group")


def _omissions_of(dsn: str, sql: str):
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)
    try:
        return read_database(dsn, None)[1]
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            for role in _ROLES:
                conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


def _assert_listed(omissions, expected) -> None:
    kind, name, why = expected
    found = [o for o in omissions if o.kind == kind and o.name == name]
    assert found, f"no omission for {kind} {name}: {[o.format() for o in omissions]}"
    assert any(why in o.why for o in found), [o.format() for o in found]


@pytest.mark.parametrize(("sql", "expected"), SCENARIOS)
def test_non_default_value_is_an_omission(fresh_db, sql, expected):
    _assert_listed(_omissions_of(fresh_db, sql), expected)


@pytest.mark.parametrize(("sql", "expected"), PG18_SCENARIOS)
def test_non_default_value_is_an_omission_pg18(pg18_db, sql, expected):
    _assert_listed(_omissions_of(pg18_db, sql), expected)


def test_defaults_are_not_omissions(fresh_db):
    sql = (
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p ON DELETE SET NULL);"
        " CREATE INDEX c_a ON c (a);"
        " CREATE FUNCTION f() RETURNS SETOF int LANGUAGE sql AS 'SELECT 1';"
        " CREATE FUNCTION g(int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS 'BEGIN RETURN $1; END';"
        " CREATE ROLE cov_group; CREATE ROLE cov_member LOGIN; GRANT cov_group TO cov_member;"
    )
    assert _omissions_of(fresh_db, sql) == []
