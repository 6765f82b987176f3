"""Round trip: SQL → database A → inspect → build → database B → inspect; A and B must match.

Also proves inspect is a fixed point: the YAML read from B is byte-identical to
the YAML read from A.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent


def _round_trip(sql: str, dsn_a: str, dsn_b: str, tmp_path: Path):
    with psycopg.connect(dsn_a, autocommit=True) as conn:
        conn.execute(sql)
    first = inspect_database(dsn_a, None, tmp_path / "a")
    compiled = compile_project(tmp_path / "a")
    assert compiled.ok, "\n".join(d.format() for d in compiled.diagnostics)
    with psycopg.connect(dsn_b, autocommit=True) as conn:
        conn.execute(compiled.files["schema.sql"])
    second = inspect_database(dsn_b, None, tmp_path / "b")
    return first, second


@pytest.fixture
def second_db(pg_server):
    """A second empty database on the same server as ``fresh_db``."""
    from tests.conftest import _fresh

    yield from _fresh(pg_server, None)


def test_core_kinds_round_trip(fresh_db, second_db, tmp_path):
    sql = (HERE / "test_inspect_roundtrip_core.sql").read_text()
    first, second = _round_trip(sql, fresh_db, second_db, tmp_path)
    assert first.omissions == []
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files  # inspect is a fixed point


def test_every_kind_round_trips(fresh_db, second_db, tmp_path):
    sql = (HERE / "test_introspect_sample.sql").read_text()
    first, second = _round_trip(sql, fresh_db, second_db, tmp_path)
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files


def test_new_kinds_round_trip(fresh_db, second_db, tmp_path):
    """Issue 10's kinds and options (test_inspect_roundtrip_kinds.sql) come back whole."""
    sql = (HERE / "test_inspect_roundtrip_kinds.sql").read_text()
    first, second = _round_trip(sql, fresh_db, second_db, tmp_path)
    assert first.omissions == []
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files


@pytest.fixture
def second_pg18_db(pg18_server):
    """A second empty database on the PostgreSQL 18 server."""
    from tests.conftest import _fresh

    yield from _fresh(pg18_server, None)


def test_virtual_generated_columns_round_trip(pg18_db, second_pg18_db, tmp_path):
    """A VIRTUAL generated column comes back virtual (PostgreSQL 18), beside a STORED one."""
    sql = """
        CREATE SCHEMA v;
        CREATE TABLE v.prices (
            net numeric(12,2) NOT NULL,
            gross numeric(12,2) GENERATED ALWAYS AS (net * 1.2) STORED,
            cents bigint GENERATED ALWAYS AS ((net * 100)::bigint) VIRTUAL
        );
    """
    first, second = _round_trip(sql, pg18_db, second_pg18_db, tmp_path)
    assert first.omissions == []
    columns = {c.name: c for c in second.catalog.tables[next(iter(second.catalog.tables))].columns}
    assert columns["cents"].virtual and not columns["gross"].virtual
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files


def test_quoted_search_path_and_not_valid_domain_check_round_trip(fresh_db, second_db, tmp_path):
    """A function's search_path naming a schema that needs quotes is rendered quoted once (it
    was quoted twice, and the rebuilt function failed to find its table); a domain CHECK added
    NOT VALID stays NOT VALID (CREATE DOMAIN cannot say it: added after)."""
    sql = """
        CREATE SCHEMA "Odd Schema";
        CREATE TABLE "Odd Schema"."Order" (id integer PRIMARY KEY);
        CREATE FUNCTION "Odd Schema".first_order() RETURNS integer LANGUAGE sql STABLE
            SET search_path = "Odd Schema", pg_temp AS $$SELECT min(id) FROM "Order"$$;
        CREATE DOMAIN "Odd Schema".positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
        ALTER DOMAIN "Odd Schema".positive ADD CONSTRAINT below_cap CHECK (VALUE < 1000) NOT VALID;
    """
    first, second = _round_trip(sql, fresh_db, second_db, tmp_path)
    assert first.omissions == []
    function = next(iter(second.catalog.functions.values()))
    assert function.search_path == '"Odd Schema", pg_temp'
    domain = next(iter(second.catalog.domains.values()))
    assert [(c.name, c.not_valid) for c in domain.checks] == [("below_cap", True), ("positive_check", False)]
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files
