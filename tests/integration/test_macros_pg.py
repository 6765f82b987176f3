"""The macro expansions work on a real PostgreSQL: audit log, updated_at, notify, maintenance."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from schemagen.api import compile_project

pytestmark = pytest.mark.integration

SCHEMA = """\
schema: demo
tables:
  tickets:
    columns:
      ticket_id:  bigint not null
      title:      text not null
      token:      text
      updated_at: timestamptz not null default now()
    primary_key: [ticket_id]
    audit: {exclude_columns: [token]}
    updated_at: updated_at
    notify: {channel: ticket_events, events: [insert]}
  readings:
    columns:
      sensor_id: bigint not null
      taken_at:  timestamptz not null
    primary_key: [sensor_id, taken_at]
    partition_by: {range: [taken_at], interval: 1 month, start: 2026-01-01, ahead: 1, retention: 2 months,
                   default: true}
"""


@pytest.fixture
def applied(tmp_path: Path, fresh_db: str) -> str:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "demo.yaml").write_text(SCHEMA, encoding="utf-8")
    result = compile_project(tmp_path)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(result.files["schema.sql"])
    return fresh_db


def test_audit_updated_at_and_notify(applied: str) -> None:
    with psycopg.connect(applied, autocommit=True) as conn:
        conn.execute("LISTEN ticket_events")
        conn.execute("INSERT INTO demo.tickets VALUES (1, 'a', 's', '2000-01-01')")
        conn.execute("UPDATE demo.tickets SET title = 'b' WHERE ticket_id = 1")
        conn.execute("DELETE FROM demo.tickets WHERE ticket_id = 1")
        rows = conn.execute("SELECT operation, old_data, new_data, changed_fields FROM audit.change_log")
        rows = rows.fetchall()
        notifications = list(conn.notifies(timeout=1, stop_after=1))
    operations = sorted(r[0] for r in rows)
    assert operations == ["DELETE", "INSERT", "UPDATE"]
    update = next(r for r in rows if r[0] == "UPDATE")
    assert update[2]["title"] == "b" and "token" not in update[2]
    assert update[3]["title"] == "b"
    assert update[1]["updated_at"] != update[2]["updated_at"]  # set_updated_at moved it on
    assert notifications and '"op": "INSERT"' in notifications[0].payload


def test_partition_maintenance_creates_and_drops(applied: str) -> None:
    maintain = "SELECT * FROM partitions.run_maintenance('2026-05-15 00:00:00+00')"
    with psycopg.connect(applied, autocommit=True) as conn:
        conn.execute("INSERT INTO demo.readings VALUES (1, '2026-05-10 00:00:00+00')")
        actions = {a for a in conn.execute(maintain).fetchall() if a[1].startswith("demo.")}
        moved = conn.execute("SELECT count(*) FROM demo.readings_2026_05").fetchone()[0]
        again = conn.execute(maintain).fetchall()
    assert actions == {
        ("created", "demo.readings_2026_05"),
        ("created", "demo.readings_2026_06"),
        ("dropped", "demo.readings_2026_01"),
        ("dropped", "demo.readings_2026_02"),
    }
    assert moved == 1  # the row left the default partition for its new child
    # the audit change log has a rule too (monthly, 3 ahead): its children were created as well
    assert again == []
