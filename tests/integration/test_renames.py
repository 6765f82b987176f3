"""Declared renames of indexes, constraints and enum values: renamed in place, data kept."""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner

from schemagen.cli import main

pytestmark = pytest.mark.integration

LIVE = """
CREATE SCHEMA app;
CREATE TYPE app.status AS ENUM ('open', 'finished');
CREATE TABLE app.parent (id bigint CONSTRAINT parent_old_pk PRIMARY KEY);
CREATE TABLE app.t (
    id bigint NOT NULL,
    parent_id bigint CONSTRAINT t_old_fk REFERENCES app.parent,
    code text CONSTRAINT t_old_key UNIQUE,
    status app.status NOT NULL,
    CONSTRAINT t_old_check CHECK (length(code) > 0)
);
CREATE INDEX t_old_idx ON app.t (status);
INSERT INTO app.parent VALUES (1);
INSERT INTO app.t VALUES (1, 1, 'a', 'finished'), (2, 1, 'b', 'open');
"""

PROJECT = """\
schema: app
enums:
  status:
    values: [open, done]
    values_renamed_from: {done: finished}
tables:
  parent:
    columns:
      id: bigint not null
    primary_key: {name: parent_pkey, columns: [id], renamed_from: parent_old_pk}
  t:
    columns:
      id: bigint not null
      parent_id: bigint
      code: text
      status: status not null
    unique:
      - {name: t_code_key, columns: [code], renamed_from: t_old_key}
    foreign_keys:
      - {name: t_parent_id_fkey, columns: [parent_id], references: parent, renamed_from: t_old_fk}
    checks:
      t_code_check: {expression: length(code) > 0, renamed_from: t_old_check}
    indexes:
      - {name: t_status_idx, columns: [status], renamed_from: t_old_idx}
"""


def test_declared_renames_are_renamed_in_place(fresh_db: str, tmp_path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT)
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(LIVE)
    plan = CliRunner().invoke(main, ["plan", "--dsn", fresh_db, "--project", str(tmp_path)])
    assert plan.exit_code == 0, plan.output
    for statement in (
        "ALTER TYPE app.status RENAME VALUE 'finished' TO 'done';",
        "ALTER INDEX app.t_old_idx RENAME TO t_status_idx;",
        "ALTER TABLE app.t RENAME CONSTRAINT t_old_key TO t_code_key;",
        "ALTER TABLE app.t RENAME CONSTRAINT t_old_fk TO t_parent_id_fkey;",
        "ALTER TABLE app.t RENAME CONSTRAINT t_old_check TO t_code_check;",
        "ALTER TABLE app.parent RENAME CONSTRAINT parent_old_pk TO parent_pkey;",
    ):
        assert statement in plan.stdout
    for word in ("DROP INDEX", "DROP CONSTRAINT", "DROP TYPE", "CREATE TYPE"):
        assert word not in plan.stdout
    args = ["apply", "--dsn", fresh_db, "--project", str(tmp_path), "--yes", "--allow-hazards"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    diff = CliRunner().invoke(main, ["diff", "--dsn", fresh_db, "--project", str(tmp_path), "--exit-code"])
    assert diff.exit_code == 0, diff.output
    with psycopg.connect(fresh_db) as conn:
        rows = conn.execute("SELECT id, status::text FROM app.t ORDER BY id").fetchall()
    assert rows == [(1, "done"), (2, "open")]


OBJECTS_LIVE = """
CREATE SCHEMA app;
CREATE SCHEMA old;
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
CREATE TYPE app.pair AS (a integer, b text);
CREATE DOMAIN old.positive AS integer CHECK (VALUE > 0);
CREATE SEQUENCE app.ticket_seq;
CREATE TABLE app.t (id bigint PRIMARY KEY, mood app.mood, p app.pair, n old.positive,
                    ticket bigint DEFAULT nextval('app.ticket_seq'));
CREATE VIEW app.happy AS SELECT id FROM app.t WHERE mood = 'happy';
CREATE FUNCTION app.bump(n integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT n + 1';
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();
INSERT INTO app.t (id, mood, p, n) VALUES (1, 'happy', ROW(1, 'x'), 5);
"""

OBJECTS_PROJECT = """\
schema: app
enums:
  feeling: {values: [sad, happy], renamed_from: mood}
composite_types:
  couple: {attributes: {a: integer, b: text}, renamed_from: pair}
domains:
  positive_int: {type: integer, checks: {positive_check: VALUE > 0}, renamed_from: old.positive}
sequences:
  order_seq: {renamed_from: ticket_seq}
tables:
  t:
    columns:
      id: bigint not null
      mood: feeling
      p: couple
      n: positive_int
      ticket: bigint default nextval('app.order_seq'::regclass)
    primary_key: [id]
    triggers:
      t_touch: {function: stamp, timing: before, events: [update], for_each: row}
views:
  glad:
    query: SELECT id FROM app.t WHERE mood = 'happy'::app.feeling
    renamed_from: happy
functions:
  increment:
    arguments: {n: integer}
    returns: integer
    volatility: immutable
    body: SELECT n + 1
    renamed_from: bump
  stamp:
    returns: trigger
    language: plpgsql
    body: BEGIN RETURN NEW; END
    renamed_from: touch
"""


def test_types_domains_sequences_views_and_functions_are_renamed_in_place(fresh_db: str, tmp_path) -> None:
    """``renamed_from`` on the other kinds: ALTER … RENAME (and SET SCHEMA), never a drop and a create."""
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(OBJECTS_PROJECT)
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(OBJECTS_LIVE)
        oids = conn.execute("SELECT 'app.mood'::regtype::oid, 'app.bump(integer)'::regprocedure::oid")
        oids = oids.fetchone()
    scope = ["--dsn", fresh_db, "--project", str(tmp_path), "--schema", "old"]
    plan = CliRunner().invoke(main, ["plan", *scope])
    assert plan.exit_code == 0, plan.output
    for statement in (
        "ALTER TYPE app.mood RENAME TO feeling;",
        "ALTER TYPE app.pair RENAME TO couple;",
        "ALTER DOMAIN old.positive SET SCHEMA app;",
        "ALTER DOMAIN app.positive RENAME TO positive_int;",
        "ALTER SEQUENCE app.ticket_seq RENAME TO order_seq;",
        "ALTER VIEW app.happy RENAME TO glad;",
        "ALTER FUNCTION app.bump(integer) RENAME TO increment;",
        "ALTER FUNCTION app.touch() RENAME TO stamp;",
    ):
        assert statement in plan.stdout
    # the view is re-created: its query names the enum, whose text changes with the rename
    for word in ("DROP TYPE", "DROP DOMAIN", "DROP SEQUENCE", "DROP FUNCTION", "DROP TABLE", "CREATE TYPE"):
        assert word not in plan.stdout
    result = CliRunner().invoke(main, ["apply", *scope, "--yes", "--allow-hazards"])
    assert result.exit_code == 0, result.output
    diff = CliRunner().invoke(main, ["diff", *scope, "--exit-code"])
    assert diff.exit_code == 0, diff.output
    with psycopg.connect(fresh_db) as conn:
        assert (
            conn.execute(
                "SELECT 'app.feeling'::regtype::oid, 'app.increment(integer)'::regprocedure::oid"
            ).fetchone()
            == oids
        )
        assert conn.execute("SELECT mood::text, (p).b, n FROM app.t").fetchone() == ("happy", "x", 5)
