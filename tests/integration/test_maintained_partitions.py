"""Partition maintenance is not drift: a plan neither drops the periods it created nor
recreates those it dropped past retention (PostgreSQL 15 and 18).

The rule starts in 2020 with two months' retention, so applying ``generated/schema.sql``
(which runs the maintenance once) drops the declared 2020 periods and creates the ones
around today. Right after, and after more maintenance runs, the plan is empty.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.live_projects import run_sql

from schemagen.api import compile_project
from schemagen.api.live import compare_live

pytestmark = pytest.mark.integration

PROJECT = """\
schema: app
tables:
  events:
    columns:
      id: bigint generated always as identity
      at: timestamptz not null
      note: text default 'x'
    primary_key: [id, at]
    partition_by: {range: [at], interval: 1 month, start: 2020-01-01, ahead: 1, retention: 2 months,
                   default: true}
  orders:
    columns:
      id: bigint primary key
    audit: true
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT, encoding="utf-8")
    return tmp_path


def _children(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT c.relname FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid "
            "WHERE h.inhparent = 'app.events'::regclass ORDER BY 1"
        ).fetchall()
    return [name for (name,) in rows]


def test_maintained_periods_are_not_drift(fresh_db, tmp_path):
    project = _project(tmp_path)
    built = compile_project(project)
    assert built.ok, "\n".join(d.format() for d in built.diagnostics)
    run_sql(fresh_db, built.files["schema.sql"])
    children = _children(fresh_db)
    assert "events_2020_01" not in children and "events_default" in children  # retention dropped it
    assert len(children) == 3  # this month, the next, the default
    assert compare_live(fresh_db, project).changes == []

    run_sql(fresh_db, "INSERT INTO app.events (at) VALUES (now()); SELECT partitions.run_maintenance();")
    assert compare_live(fresh_db, project).changes == []


def test_a_maintained_period_dropped_by_hand_is_left_to_maintenance(fresh_db, tmp_path):
    project = _project(tmp_path)
    run_sql(fresh_db, compile_project(project).files["schema.sql"])
    [current] = [c for c in _children(fresh_db) if c != "events_default"][:1]
    run_sql(fresh_db, f"DROP TABLE app.{current}")
    # not a declared period (those are from 2020): maintenance owns it, the plan leaves it to it
    assert compare_live(fresh_db, project).changes == []


def test_a_declared_period_inside_retention_dropped_by_hand_is_recreated(fresh_db, tmp_path):
    project = _project(tmp_path)
    path = project / "schema" / "app.yaml"
    path.write_text(
        path.read_text()
        .replace("start: 2020-01-01", "start: 2026-01-01")
        .replace(" retention: 2 months,", "")
    )
    run_sql(fresh_db, compile_project(project).files["schema.sql"])
    run_sql(fresh_db, "DROP TABLE app.events_2026_01")
    changes = compare_live(fresh_db, project).changes
    assert [(c.summary.action, c.summary.object) for c in changes] == [("created", "app.events_2026_01")]
