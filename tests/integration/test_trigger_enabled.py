"""A trigger's firing mode (``enabled:``, pg_trigger.tgenabled): declared, planned in place, applied."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from tests.integration.live_projects import converge_cli

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database
from schemagen.cli import main

pytestmark = pytest.mark.integration

PROJECT = """\
schema: app
tables:
  t:
    columns:
      id: int not null
    primary_key: [id]
    triggers:
      t_insert: {function: note, timing: after, events: [insert], for_each: row%(t_insert)s}
      t_update: {function: note, timing: after, events: [update], for_each: row%(t_update)s}
  events:
    columns:
      at: date not null
    partition_by:
      range: [at]
      partitions:
        events_2026: {values: {from: '2026-01-01', to: '2027-01-01'}}
    triggers:
      events_insert: {function: note, timing: after, events: [insert], for_each: row%(events_insert)s}
functions:
  note:
    returns: trigger
    language: plpgsql
    body: BEGIN RETURN NULL; END
"""


def _project(tmp_path: Path, **enabled: str) -> Path:
    values = {
        k: f", enabled: {enabled[k]}" if k in enabled else ""
        for k in ("t_insert", "t_update", "events_insert")
    }
    (tmp_path / "schema").mkdir(exist_ok=True)
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT % values)
    return tmp_path


def _modes(dsn: str) -> dict[tuple[str, str], str]:
    """(table, trigger) → tgenabled, clones on partitions included."""
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT tgrelid::regclass::text, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchall()
    return {(table, name): mode for table, name, mode in rows}


def test_declared_firing_modesconverge_cli(fresh_db: str, tmp_path: Path) -> None:
    project = _project(tmp_path, t_update="replica", events_insert="disabled")  # created in their modes
    plan = converge_cli(fresh_db, project)
    assert "ALTER TABLE app.t ENABLE REPLICA TRIGGER t_update;" in plan
    assert "ALTER TABLE app.events DISABLE TRIGGER events_insert;" in plan
    assert _modes(fresh_db) == {
        ("app.t", "t_insert"): "O",
        ("app.t", "t_update"): "R",
        ("app.events", "events_insert"): "D",
        ("app.events_2026", "events_insert"): "D",  # the partition's clone follows its parent
    }

    _project(tmp_path, t_insert="disabled", t_update="always")  # changed in place
    plan = converge_cli(fresh_db, project)
    assert "ALTER TABLE app.t DISABLE TRIGGER t_insert;" in plan
    assert "ALTER TABLE app.t ENABLE ALWAYS TRIGGER t_update;" in plan
    assert "ALTER TABLE app.events ENABLE TRIGGER events_insert;" in plan
    assert "DROP TRIGGER" not in plan and "CREATE TRIGGER" not in plan
    assert _modes(fresh_db) == {
        ("app.t", "t_insert"): "D",
        ("app.t", "t_update"): "A",
        ("app.events", "events_insert"): "O",
        ("app.events_2026", "events_insert"): "O",
    }


def test_plan_summarises_the_mode_change(fresh_db: str, tmp_path: Path) -> None:
    project = _project(tmp_path)
    converge_cli(fresh_db, project)
    _project(tmp_path, t_insert="disabled")
    plan = CliRunner().invoke(main, ["plan", "--dsn", fresh_db, "--project", str(project)])
    assert plan.exit_code == 0, plan.output
    assert "-- ~ trigger app.t.t_insert: enabled: origin → disabled\n" in plan.stdout
    assert "ALTER TABLE app.t DISABLE TRIGGER t_insert;" in plan.stdout


def test_a_mode_set_on_a_partitions_copy_is_an_omission(fresh_db: str, tmp_path: Path) -> None:
    """The copy a partition gets of its parent's trigger is not read: a mode of its own is reported."""
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA app;"
            "CREATE FUNCTION app.note() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;"
            "CREATE TABLE app.p (a int) PARTITION BY RANGE (a);"
            "CREATE TABLE app.p1 PARTITION OF app.p FOR VALUES FROM (0) TO (10);"
            "CREATE TABLE app.p2 PARTITION OF app.p FOR VALUES FROM (10) TO (20);"
            "CREATE TRIGGER pt AFTER INSERT ON app.p FOR EACH ROW EXECUTE FUNCTION app.note();"
            "ALTER TABLE app.p DISABLE TRIGGER pt;"  # the copies follow: no omission for them
        )
    assert inspect_database(fresh_db, None, tmp_path / "a").omissions == []
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE app.p1 ENABLE TRIGGER pt")
    omissions = inspect_database(fresh_db, None, tmp_path / "b").omissions
    assert [(o.kind, o.name) for o in omissions] == [("trigger", "app.p1.pt")]
    assert "firing mode" in omissions[0].why


EVENT_PROJECT = """\
schema: app
functions:
  log_ddl:
    returns: event_trigger
    language: plpgsql
    body: BEGIN END
event_triggers:
  app_log_ddl: {event: ddl_command_end, function: log_ddl%s}
"""


def _changes_in_place(dsn: str, root: Path, project: str, mode_of: str, steps, dropped: str) -> None:
    """Each (enabled:, statement, catalog mode) step plans just the statement (no drop) and converges."""
    (root / "schema").mkdir()
    app = root / "schema" / "app.yaml"
    app.write_text(project % "")
    converge_cli(dsn, root)
    for enabled, sql, mode in steps:
        app.write_text(project % f", enabled: {enabled}")
        plan = converge_cli(dsn, root)
        assert sql in plan and dropped not in plan
        with psycopg.connect(dsn) as conn:
            assert conn.execute(mode_of).fetchone() == (mode,)


def test_event_trigger_firing_mode_changes_in_place(fresh_db: str, tmp_path: Path) -> None:
    steps = (
        ("disabled", "ALTER EVENT TRIGGER app_log_ddl DISABLE;", "D"),
        ("replica", "ALTER EVENT TRIGGER app_log_ddl ENABLE REPLICA;", "R"),
        ("origin", "ALTER EVENT TRIGGER app_log_ddl ENABLE;", "O"),
    )
    mode_of = "SELECT evtenabled FROM pg_event_trigger WHERE evtname = 'app_log_ddl'"
    _changes_in_place(fresh_db, tmp_path, EVENT_PROJECT, mode_of, steps, "DROP EVENT TRIGGER")


MACRO_PROJECT = """\
schema: shop
tables:
  orders:
    columns:
      order_id: bigint primary key
      changed:  timestamptz not null default now()
    updated_at: changed
"""


def test_a_disabled_macro_trigger_comes_back_as_a_trigger(fresh_db: str, tmp_path: Path) -> None:
    """updated_at: makes an enabled trigger: a disabled one is written as the trigger it is, not folded."""
    (tmp_path / "declared" / "schema").mkdir(parents=True)
    (tmp_path / "declared" / "schema" / "shop.yaml").write_text(MACRO_PROJECT)
    built = compile_project(tmp_path / "declared")
    assert built.ok, "\n".join(d.format() for d in built.diagnostics)
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(built.files["schema.sql"])
        conn.execute("ALTER TABLE shop.orders DISABLE TRIGGER orders_set_updated_at")
    first = inspect_database(fresh_db, ["shop"], tmp_path / "a")
    assert first.omissions == []
    shop = first.files["schema/shop.yaml"]
    assert "\n    updated_at:" not in shop
    assert "orders_set_updated_at:" in shop and "enabled: disabled" in shop and "  set_updated_at:" in shop
    rebuilt = compile_project(tmp_path / "a")
    assert rebuilt.ok, "\n".join(d.format() for d in rebuilt.diagnostics)
    assert "ALTER TABLE shop.orders DISABLE TRIGGER orders_set_updated_at;" in rebuilt.files["schema.sql"]


RULE_PROJECT = """\
schema: app
tables:
  t:
    columns:
      id: int not null
    primary_key: [id]
rules:
  t:
    t_keep: {event: delete, instead: true%s}
"""


def test_rule_firing_mode_changes_in_place(fresh_db: str, tmp_path: Path) -> None:
    steps = (
        ("disabled", "ALTER TABLE app.t DISABLE RULE t_keep;", "D"),
        ("always", "ALTER TABLE app.t ENABLE ALWAYS RULE t_keep;", "A"),
        ("origin", "ALTER TABLE app.t ENABLE RULE t_keep;", "O"),
    )
    mode_of = "SELECT ev_enabled FROM pg_rewrite WHERE rulename = 't_keep'"
    _changes_in_place(fresh_db, tmp_path, RULE_PROJECT, mode_of, steps, "DROP RULE")
