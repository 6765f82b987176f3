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
