"""generated/schema.sql as a script: one transaction, search_path pinned, time partitions brought
up to the day it is applied (here: the day in ``schemagen.maintenance_at``, never the clock)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import psycopg

from schemagen.api import build_project

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
PARTITIONS = GOLDEN / "build" / "partitions" / "expected" / "schema.sql"


def _psql(dsn: str, script: Path, options: str) -> subprocess.CompletedProcess[str]:
    psql = shutil.which("psql")
    assert psql
    env = {**os.environ, "PGOPTIONS": options}
    return subprocess.run(
        [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", str(script)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def _children(dsn: str, parent: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        found = conn.execute(
            "SELECT c.relname::text FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid "
            "WHERE h.inhparent = %s::regclass ORDER BY 1",
            (parent,),
        ).fetchall()
    return [name for (name,) in found]


def test_time_partitions_reach_the_day_the_script_runs(fresh_db: str):
    result = _psql(fresh_db, PARTITIONS, "-c schemagen.maintenance_at=2027-06-15T12:00:00+00")
    assert result.returncode == 0, result.stderr
    children = _children(fresh_db, "demo.readings")
    assert {"readings_2027_06", "readings_2027_07", "readings_2027_08", "readings_2027_09"} <= set(children)
    assert "readings_2026_01" not in children, "12 months' retention drops January 2026"


def test_a_failing_script_leaves_nothing_behind(fresh_db: str, tmp_path: Path):
    project = tmp_path / "p"
    shutil.copytree(GOLDEN / "defects_verify" / "verify_check_type_mismatch", project)
    assert build_project(project).ok  # no static check sees it; PostgreSQL refuses it
    result = _psql(fresh_db, project / "generated" / "schema.sql", "-c search_path=nowhere")
    assert result.returncode != 0 and "operator does not exist: text > integer" in result.stderr
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'app'").fetchone() == (0,)


def test_the_callers_search_path_does_not_matter(fresh_db: str):
    result = _psql(fresh_db, PARTITIONS, "-c search_path=nowhere -c schemagen.maintenance_at=2026-01-01")
    assert result.returncode == 0, result.stderr
    assert "readings_2026_01" in _children(fresh_db, "demo.readings")
