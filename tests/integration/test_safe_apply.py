"""Safe rewrites on a populated table in a real server, while another session keeps writing."""

from __future__ import annotations

import threading
from dataclasses import replace

import psycopg
import pytest

from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import CheckConstraint, ForeignKey, Index, IndexElement, QualifiedName, UniqueConstraint
from schemagen.model.planned import Plan
from schemagen.plan import plan_changes
from schemagen.render import planned_statements

pytestmark = pytest.mark.integration

Q = QualifiedName
ROWS = 50_000
WRITES = 400

SETUP = """
CREATE SCHEMA app;
CREATE TABLE app.parent (id bigint PRIMARY KEY);
INSERT INTO app.parent SELECT g FROM generate_series(1, 100) g;
CREATE TABLE app.events (id bigint NOT NULL, parent_id bigint, note text, kind text);
INSERT INTO app.events SELECT g, 1 + g % 100, 'n' || g, 'k' FROM generate_series(1, %(rows)s) g;
CREATE INDEX events_kind_idx ON app.events (kind);
""".replace("%(rows)s", str(ROWS))


def run_plan(dsn: str, plan: Plan) -> None:
    """A minimal apply: consecutive in-transaction changes in one transaction, the others alone."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        batch: list[list[str]] = []

        def flush() -> None:
            if batch:
                with conn.transaction():
                    for statements in batch:
                        for statement in statements:
                            conn.execute(statement)
                batch.clear()

        for planned in plan:
            if planned.outside_transaction:
                flush()
                for statement in planned_statements(planned):
                    conn.execute(statement)
            else:
                batch.append(planned_statements(planned))
        flush()


class Writer(threading.Thread):
    """A second session inserting rows one by one (autocommit), a bounded number of times."""

    def __init__(self, dsn: str) -> None:
        super().__init__(daemon=True)
        self.dsn, self.done, self.errors, self.started_writing = dsn, 0, [], threading.Event()

    def run(self) -> None:
        try:
            with psycopg.connect(self.dsn, autocommit=True) as conn:
                conn.execute("SET lock_timeout = '30s'")
                for i in range(WRITES):
                    conn.execute(
                        "INSERT INTO app.events (id, parent_id, note, kind) VALUES (%s, 1, 'w', 'k')",
                        (ROWS + 1 + i,),
                    )
                    self.done += 1
                    self.started_writing.set()
        except psycopg.Error as exc:  # reported by the test
            self.errors.append(str(exc))
            self.started_writing.set()


def _live(dsn: str):
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["app"])[0]


def _declared(live):
    events = live.tables[Q("app", "events")]
    note = replace(events.column("note"), not_null=True)
    columns = tuple(note if c.name == "note" else c for c in events.columns)
    events = replace(
        events,
        columns=columns,
        foreign_keys=(ForeignKey("events_parent_id_fkey", ("parent_id",), Q("app", "parent"), ("id",)),),
        checks=(CheckConstraint("events_note_check", "length(note) > 0"),),
        uniques=(UniqueConstraint("events_id_key", ("id",)),),
    )
    new_index = Index(Q("app", "events_note_idx"), events.name, (IndexElement("note"),))
    indexes = {k: v for k, v in live.indexes.items() if k.name != "events_kind_idx"}
    return replace(
        live, tables={**live.tables, events.name: events}, indexes={**indexes, new_index.name: new_index}
    )


def test_safe_plan_runs_while_another_session_writes(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(SETUP)
    live = _live(fresh_db)
    declared = _declared(live)
    plan = plan_changes(diff_catalogs(live, declared), old=live)
    assert any(p.outside_transaction for p in plan)
    writer = Writer(fresh_db)
    writer.start()
    writer.started_writing.wait(timeout=60)
    run_plan(fresh_db, plan)
    writer.join(timeout=120)
    assert writer.errors == []
    assert writer.done == WRITES
    with psycopg.connect(fresh_db) as conn:
        invalid = conn.execute("SELECT count(*) FROM pg_index WHERE NOT indisvalid").fetchone()[0]
        constraints = dict(
            conn.execute(
                "SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'app.events'::regclass"
            ).fetchall()
        )
        not_null = conn.execute(
            "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'app.events'::regclass AND attname = 'note'"
        ).fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM app.events").fetchone()[0]
    assert invalid == 0
    assert constraints["events_parent_id_fkey"] is True  # added NOT VALID, validated after
    assert constraints["events_note_check"] is True
    assert constraints["events_id_key"] is True
    assert "events_note_not_null_check" not in constraints  # the helper check is gone
    assert not_null is True
    assert rows == ROWS + WRITES
    after = _live(fresh_db)
    assert diff_catalogs(after, declared) == []  # converged


def test_set_not_null_via_check_refuses_a_null_row(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(SETUP)
        conn.execute("UPDATE app.events SET note = NULL WHERE id = 7")
    live = _live(fresh_db)
    events = live.tables[Q("app", "events")]
    columns = tuple(replace(c, not_null=True) if c.name == "note" else c for c in events.columns)
    declared = replace(live, tables={**live.tables, events.name: replace(events, columns=columns)})
    plan = plan_changes(diff_catalogs(live, declared), old=live)
    with pytest.raises(psycopg.errors.CheckViolation):
        run_plan(fresh_db, plan)
    with psycopg.connect(fresh_db) as conn:
        not_null = conn.execute(
            "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'app.events'::regclass AND attname = 'note'"
        ).fetchone()[0]
    assert not_null is False
