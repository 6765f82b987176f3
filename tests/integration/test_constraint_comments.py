"""COMMENT ON CONSTRAINT of a table's PK, UNIQUE, FK, CHECK and EXCLUDE: inspected, declared, planned."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences
from tests.integration.live_projects import converge_cli

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

LIVE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text UNIQUE);
CREATE TABLE app.t (
    id int PRIMARY KEY,
    user_id bigint REFERENCES app.users,
    owner_id bigint,
    ratio real CHECK (ratio BETWEEN 0 AND 1),
    low int,
    high int,
    room int,
    during tsrange,
    code text UNIQUE,
    CONSTRAINT t_owner_fk FOREIGN KEY (owner_id) REFERENCES app.users (id),
    CONSTRAINT t_range CHECK (low <= high),
    EXCLUDE USING gist (room WITH =, during WITH &&)
);
COMMENT ON CONSTRAINT t_pkey ON app.t IS 'the key';
COMMENT ON CONSTRAINT t_code_key ON app.t IS 'one row per code';
COMMENT ON CONSTRAINT t_user_id_fkey ON app.t IS 'who made it';
COMMENT ON CONSTRAINT t_owner_fk ON app.t IS 'who owns it';
COMMENT ON CONSTRAINT t_ratio_check ON app.t IS 'fraction';
COMMENT ON CONSTRAINT t_range ON app.t IS 'low, then high';
COMMENT ON CONSTRAINT t_room_during_excl ON app.t IS 'no double booking';
"""


@pytest.fixture
def second_db(pg_server):
    """A second empty database on the same server as ``fresh_db``."""
    from tests.conftest import _fresh

    yield from _fresh(pg_server, None)


def test_constraint_comments_round_trip(fresh_db: str, second_db: str, tmp_path: Path) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(LIVE)
    first = inspect_database(fresh_db, None, tmp_path / "a")
    assert first.omissions == []
    written = first.files["schema/app.yaml"]
    said = ("the key", "one row per code", "who made it", "who owns it", "fraction", "no double booking")
    for text in said:
        assert f"comment: {text}" in written
    compiled = compile_project(tmp_path / "a")
    assert compiled.ok, "\n".join(d.format() for d in compiled.diagnostics)
    assert "COMMENT ON CONSTRAINT t_ratio_check ON app.t IS 'fraction';" in compiled.files["schema.sql"]
    with psycopg.connect(second_db, autocommit=True) as conn:
        conn.execute(compiled.files["schema.sql"])
    second = inspect_database(second_db, None, tmp_path / "b")
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files  # inspect is a fixed point
    table = second.catalog.tables[next(n for n in second.catalog.tables if n.name == "t")]
    assert table.primary_key is not None and table.primary_key.comment == "the key"
    assert {c.name: c.comment for c in table.checks} == {
        "t_range": "low, then high",
        "t_ratio_check": "fraction",
    }


PROJECT = """\
schema: app
tables:
  users:
    columns:
      id: bigint not null
    primary_key: {columns: [id]%(pk)s}
  t:
    columns:
      id: int not null
      user_id: bigint
      ratio: real
    foreign_keys:
      - {columns: [user_id], references: users%(fk)s}
    checks:
      t_ratio_check: {expression: ratio BETWEEN 0 AND 1%(check)s}
"""


def _project(tmp_path: Path, **comments: str) -> Path:
    values = {k: f", comment: {comments[k]}" if k in comments else "" for k in ("pk", "fk", "check")}
    (tmp_path / "schema").mkdir(exist_ok=True)
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT % values)
    return tmp_path


def _comments(dsn: str) -> dict[str, str | None]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint"
            " WHERE connamespace = 'app'::regnamespace AND contype <> 'n'"
        ).fetchall()
    return dict(rows)


def test_declared_constraint_commentsconverge_cli(fresh_db: str, tmp_path: Path) -> None:
    project = _project(tmp_path)
    converge_cli(fresh_db, project)  # created without comments
    assert set(_comments(fresh_db).values()) == {None}

    _project(tmp_path, pk="the key", fk="who made it", check="fraction")  # added
    plan = converge_cli(fresh_db, project)
    assert "COMMENT ON CONSTRAINT t_ratio_check ON app.t IS 'fraction';" in plan
    assert "DROP CONSTRAINT" not in plan  # a comment changes in place
    assert _comments(fresh_db) == {
        "users_pkey": "the key",
        "t_user_id_fkey": "who made it",
        "t_ratio_check": "fraction",
    }

    _project(tmp_path, pk="the key", fk="who did it")  # changed, and one removed
    plan = converge_cli(fresh_db, project)
    assert "COMMENT ON CONSTRAINT t_ratio_check ON app.t IS NULL;" in plan
    assert "COMMENT ON CONSTRAINT users_pkey" not in plan
    assert _comments(fresh_db) == {
        "users_pkey": "the key",
        "t_user_id_fkey": "who did it",
        "t_ratio_check": None,
    }


def test_a_table_created_with_constraint_comments(fresh_db: str, tmp_path: Path) -> None:
    project = _project(tmp_path, pk="the key", fk="who made it", check="fraction")
    plan = converge_cli(fresh_db, project)
    assert "COMMENT ON CONSTRAINT t_user_id_fkey ON app.t IS 'who made it';" in plan
    assert _comments(fresh_db) == {
        "users_pkey": "the key",
        "t_user_id_fkey": "who made it",
        "t_ratio_check": "fraction",
    }
