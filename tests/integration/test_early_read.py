"""The live catalog read that starts before the project compiles (``api/early_read.py``).

Its result is used only for the scope the compiled project has; a wrong guess is read
again, an abandoned read closes its connection, and its errors reach the caller.
"""

from __future__ import annotations

import time

import psycopg
import pytest
from tests.integration.live_projects import project_from_sql, run_sql

from schemagen.api.early_read import EarlyRead
from schemagen.api.live import compare_catalog, compare_live, compile_declared, read_live
from schemagen.errors import DatabaseError, InvalidProject

pytestmark = pytest.mark.integration

LIVE = """
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text);
CREATE TABLE public.other (id int);
"""


def _backends(dsn: str) -> int:
    """Other sessions connected to the database of ``dsn``, once closed ones have left.

    A backend leaves pg_stat_activity shortly after its client closes: polled a bounded
    number of times.
    """
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    with psycopg.connect(dsn, autocommit=True) as conn:
        for _ in range(100):
            count = conn.execute(query).fetchone()[0]
            if count == 0:
                break
            time.sleep(0.05)
    return count


def test_a_read_of_the_right_scope_is_used_and_its_connection_closed(fresh_db) -> None:
    run_sql(fresh_db, LIVE)
    early = EarlyRead(fresh_db, ("app",))
    live = read_live(fresh_db, ("app",), early=early)
    assert live == read_live(fresh_db, ("app",))
    assert [str(t) for t in live.catalog.tables] == ["app.users"]
    assert _backends(fresh_db) == 0


def test_a_read_of_another_scope_is_discarded_and_the_scope_read_again(fresh_db) -> None:
    run_sql(fresh_db, LIVE)
    early = EarlyRead(fresh_db, ("app",))
    live = read_live(fresh_db, ("app", "public"), early=early)
    assert sorted(str(t) for t in live.catalog.tables) == ["app.users", "public.other"]
    early._thread.join()
    assert _backends(fresh_db) == 0


def test_an_abandoned_read_closes_its_connection(fresh_db) -> None:
    run_sql(fresh_db, LIVE)
    early = EarlyRead(fresh_db, ("app",))
    early.abandon()
    early._thread.join()
    assert _backends(fresh_db) == 0


def test_an_unreachable_database_is_reported_by_the_read_that_needs_it(tmp_path) -> None:
    dsn = f"host={tmp_path} port=1 dbname=nothing"
    with pytest.raises(psycopg.Error):
        EarlyRead(dsn, ("app",)).take(("app",))
    with pytest.raises(DatabaseError, match="cannot read"):
        read_live(dsn, ("app",), early=EarlyRead(dsn, ("app",)))


def test_plan_with_the_early_read_equals_plan_without(fresh_db, tmp_path) -> None:
    run_sql(fresh_db, LIVE)
    project = project_from_sql(
        fresh_db,
        "CREATE SCHEMA app; CREATE TABLE app.users (id bigint PRIMARY KEY, email varchar(320));",
        tmp_path,
    )
    declared, _ = compile_declared(project)
    assert compare_live(fresh_db, project).changes == compare_catalog(fresh_db, declared).changes
    assert (
        compare_live(fresh_db, project, ["public"]).changes
        == compare_catalog(fresh_db, declared, ["public"]).changes
    )
    assert _backends(fresh_db) == 0


def test_an_invalid_project_is_reported_before_the_database(tmp_path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text("schema: app\ntables: {t: {columns: {a: textt}}}\n")
    with pytest.raises(InvalidProject):
        compare_live(f"host={tmp_path} port=1 dbname=nothing", tmp_path)


def _tables(n: int, offset: int = 0) -> str:
    return "".join(
        f"CREATE TABLE app.t{i} (id int PRIMARY KEY, ref int REFERENCES app.t{i}(id),"
        f" note text CHECK (note <> ''));"
        f"CREATE INDEX ON app.t{i} (note);"
        for i in range(offset, offset + n)
    )


def test_plan_sends_as_many_statements_to_5_tables_as_to_50(fresh_db, tmp_path, monkeypatch) -> None:
    """The live side of plan is a fixed number of set-based queries (counted, not timed)."""
    from schemagen.api.inspect import inspect_database

    counted = {"n": 0}
    execute = psycopg.Cursor.execute

    def counting(self, *args, **kwargs):
        counted["n"] += 1
        return execute(self, *args, **kwargs)

    def statements(tables: int) -> int:
        project = tmp_path / f"p{tables}"
        inspect_database(fresh_db, ["app"], project)
        counted["n"] = 0
        with monkeypatch.context() as patch:
            patch.setattr(psycopg.Cursor, "execute", counting)
            comparison = compare_live(fresh_db, project)
        assert not comparison.changes
        assert len(comparison.live.catalog.tables) == tables
        return counted["n"]

    run_sql(fresh_db, "CREATE SCHEMA app;" + _tables(5))
    five = statements(5)
    run_sql(fresh_db, _tables(45, offset=5))
    assert statements(50) == five
