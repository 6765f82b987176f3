"""``inspect --schema app`` of a database whose app uses another team's schema.

The project inspect writes declares that schema external, builds without errors,
plans nothing against the database it came from, and an edit of app plans and
applies without touching the external schema (PostgreSQL 15 and 18).
"""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner
from tests.integration.live_projects import run_sql

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database
from schemagen.api.live import compare_live
from schemagen.cli import main

pytestmark = pytest.mark.integration

DATABASE = """
CREATE SCHEMA billing;
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TABLE billing.accounts (id bigint PRIMARY KEY, cur billing.currency NOT NULL);
CREATE FUNCTION billing.balance(bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT 0::numeric $$;
CREATE TABLE billing.ledger (id bigint PRIMARY KEY);
CREATE SCHEMA app;
CREATE TABLE app.orders (
    id bigint PRIMARY KEY,
    account_id bigint REFERENCES billing.accounts,
    cur billing.currency
);
CREATE INDEX ON app.orders (account_id);
CREATE VIEW app.balances AS SELECT o.id, billing.balance(o.account_id) AS balance FROM app.orders AS o;
"""


def test_another_schema_is_external_and_never_touched(fresh_db, tmp_path):
    run_sql(fresh_db, DATABASE)
    result = inspect_database(fresh_db, ["app"], tmp_path)
    assert not result.omissions
    text = result.files["schema/app.yaml"]
    assert "\nexternal:\n  schemas: [billing]\n" in text
    built = compile_project(tmp_path)
    assert built.ok, "\n".join(d.format() for d in built.diagnostics)
    assert compare_live(fresh_db, tmp_path).changes == []

    path = tmp_path / "schema" / "app.yaml"
    path.write_text(
        text.replace("      cur: billing.currency\n", "      cur: billing.currency\n      note: text\n")
    )
    changes = compare_live(fresh_db, tmp_path).changes
    assert [(c.summary.kind, c.summary.object) for c in changes] == [("column", "app.orders.note")]
    assert not any("billing" in statement for c in changes for statement in c.sql)
    args = ["apply", "--dsn", fresh_db, "--project", str(tmp_path), "--yes", "--allow-hazards"]
    applied = CliRunner().invoke(main, args)
    assert applied.exit_code == 0, applied.output
    assert compare_live(fresh_db, tmp_path).changes == []
    with psycopg.connect(fresh_db) as conn:
        billing = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'billing' AND c.relkind = 'r'"
        ).fetchone()
    assert billing == (2,)
