"""Bodies PostgreSQL accepted with ``check_function_bodies = off`` come back as
``check_body: false``: the project builds (warnings), applies as pg_dump's would, plans
nothing, and inspects back to the same YAML (PostgreSQL 15 and 18)."""

from __future__ import annotations

import pytest
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database
from schemagen.api.live import compare_live

pytestmark = pytest.mark.integration

DATABASE = """
CREATE SCHEMA mb;
SET search_path = mb;
CREATE TABLE mb.artist (id int PRIMARY KEY, name text);
SET check_function_bodies = off;
CREATE FUNCTION mb.artist_name(int) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT name FROM artist WHERE id = $1 $$;
CREATE FUNCTION mb.checked(int) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT name FROM mb.artist WHERE id = $1 $$;
"""


def test_unchecked_bodies_round_trip(fresh_db, tmp_path):
    run_sql(fresh_db, DATABASE)
    first = inspect_database(fresh_db, ["mb"], tmp_path / "a")
    text = first.files["schema/mb.yaml"]
    assert text.count("check_body: false") == 1  # artist_name only: mb.checked passes the checks
    built = compile_project(tmp_path / "a")
    assert built.ok, "\n".join(d.format() for d in built.diagnostics)
    assert [d.code for d in built.diagnostics if d.code == "C375"] == ["C375"]
    with scratch_database(fresh_db, "unchecked_b") as target:
        run_sql(target, built.files["schema.sql"])
        assert compare_live(target, tmp_path / "a").changes == []
        assert inspect_database(target, ["mb"], tmp_path / "b").files == first.files
