"""Plans that once failed on a real server, each converging now on PostgreSQL 15 and 18.

Each case declares the catalog a script gives (read back from the server), loads
the old script, applies the plan with the apply engine, and requires the database
to equal the declared catalog and a second plan to be empty.
"""

from __future__ import annotations

import psycopg
import pytest

from schemagen.api.apply import execute_plan
from schemagen.api.live import compare_catalog
from schemagen.introspect import introspect
from schemagen.model import Catalog

pytestmark = pytest.mark.integration

RESET = "DROP SCHEMA IF EXISTS app CASCADE"


def _run(dsn: str, script: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(script)


def _read(dsn: str) -> Catalog:
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["app"])[0]


def declared_by(dsn: str, script: str) -> Catalog:
    """The catalog ``script`` makes, read back; the schema is emptied again after."""
    _run(dsn, script)
    declared = _read(dsn)
    _run(dsn, RESET)
    return declared


def converge(dsn: str, old: str, new: str) -> Catalog:
    """Load ``old``, apply the plan to what ``new`` makes: nothing differs, nothing left to plan."""
    declared = declared_by(dsn, new)
    _run(dsn, old)
    execute_plan(dsn, compare_catalog(dsn, declared, ["app"]).changes)
    again = compare_catalog(dsn, declared, ["app"])
    assert [c.summary.line() for c in again.changes] == []
    return declared


def test_an_index_name_moves_to_a_new_table_whose_old_table_goes(fresh_db: str) -> None:
    old = """
        CREATE SCHEMA app;
        CREATE TABLE app.old (id integer, n serial);
        CREATE INDEX shared_idx ON app.old (id);
        ALTER SEQUENCE app.old_n_seq OWNED BY NONE;
        ALTER SEQUENCE app.old_n_seq OWNED BY app.old.n;
    """
    new = """
        CREATE SCHEMA app;
        CREATE SEQUENCE app.old_n_seq;
        CREATE TABLE app.new (id integer, n integer DEFAULT nextval('app.old_n_seq'));
        ALTER SEQUENCE app.old_n_seq OWNED BY app.new.n;
        CREATE INDEX shared_idx ON app.new (id);
    """
    converge(fresh_db, old, new)
