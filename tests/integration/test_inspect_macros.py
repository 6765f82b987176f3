"""Inspect gives back ``updated_at:`` and ``notify:`` where the macros made the objects.

A project using the macros → build → database A → inspect: the tables carry the
macro keys again, and neither the triggers nor the support functions are written
(else they would collide with the macro). Building that project gives B with the
same catalog, and inspecting B gives the same YAML. Where a function of the same
name is not the macro's, or one trigger calling it is not the macro's, nothing of
that macro is folded in that schema.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database, read_database

pytestmark = pytest.mark.integration

PROJECT = """\
schema: shop
tables:
  orders:
    columns:
      order_id:   bigint generated always as identity primary key
      status:     text not null
      changed:    timestamptz not null default now()
    updated_at: changed
    notify: {channel: order_events, events: [insert, update]}
  items:
    columns:
      item_id:    bigint primary key
      sku:        text not null
      updated_at: timestamptz not null default now()
    updated_at: updated_at
    notify: {channel: item_events, payload_columns: [item_id, sku]}
"""

HAND_WRITTEN = """
CREATE SCHEMA crm;
CREATE TABLE crm.people (id bigint PRIMARY KEY, touched timestamptz);
CREATE FUNCTION crm.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.touched := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER people_set_updated_at BEFORE UPDATE ON crm.people
    FOR EACH ROW WHEN (OLD IS DISTINCT FROM NEW) EXECUTE FUNCTION crm.set_updated_at('touched');
"""


def _built(tmp_path: Path, text: str) -> str:
    (tmp_path / "schema").mkdir(parents=True)
    (tmp_path / "schema" / "shop.yaml").write_text(text, encoding="utf-8")
    result = compile_project(tmp_path)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.files["schema.sql"]


def test_macro_tables_come_back_as_their_macros(fresh_db, tmp_path):
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT))
    run_sql(fresh_db, HAND_WRITTEN)
    first = inspect_database(fresh_db, None, tmp_path / "a")
    assert not first.omissions
    shop = first.files["schema/shop.yaml"]
    assert "    updated_at: changed\n" in shop
    assert "    notify:\n      channel: order_events\n      events: [insert, update]\n" in shop
    assert "    notify:\n      channel: item_events\n" in shop and "payload_columns: [item_id, sku]" in shop
    assert "triggers:" not in shop and "functions:" not in shop
    crm = first.files["schema/crm.yaml"]  # not the macro's function: kept as written
    assert (
        "people_set_updated_at:" in crm
        and "set_updated_at:" in crm
        and "updated_at:" not in crm.split("triggers:")[0].split("columns:")[1]
    )

    rebuilt = compile_project(tmp_path / "a")
    assert rebuilt.ok, "\n".join(d.format() for d in rebuilt.diagnostics)
    with scratch_database(fresh_db, "macros_b") as target:
        run_sql(target, rebuilt.files["schema.sql"])
        live_a, _ = read_database(fresh_db, None)
        live_b, _ = read_database(target, None)
        assert differences(live_a, live_b) == []
        second = inspect_database(target, None, tmp_path / "b")
        assert second.files == first.files
        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("INSERT INTO shop.items VALUES (1, 'a', '2000-01-01')")
            conn.execute("UPDATE shop.items SET sku = 'b'")
            stamped = conn.execute("SELECT updated_at > '2000-01-01' FROM shop.items").fetchone()
        assert stamped == (True,)


def test_a_trigger_the_macro_would_not_make_keeps_the_schema_unfolded(fresh_db, tmp_path):
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT))
    run_sql(
        fresh_db,
        "CREATE TRIGGER late_stamp BEFORE INSERT ON shop.orders FOR EACH ROW "
        "EXECUTE FUNCTION shop.set_updated_at('changed')",
    )
    shop = inspect_database(fresh_db, ["shop"], tmp_path / "a").files["schema/shop.yaml"]
    assert "\n    updated_at:" not in shop  # the function stays, so no table may use the macro
    assert "late_stamp:" in shop and "orders_set_updated_at:" in shop and "  set_updated_at:" in shop
    assert "    notify:\n      channel: order_events" in shop  # notify_change is still the macro's
    assert compile_project(tmp_path / "a").ok
