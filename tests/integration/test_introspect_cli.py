"""``schemagen inspect`` end to end with click's CliRunner: files, exit codes, masking."""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner
from psycopg.conninfo import conninfo_to_dict

from schemagen.cli import main

pytestmark = pytest.mark.integration


def _apply(dsn: str, sql: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


def test_writes_one_file_per_schema_and_exits_0(fresh_db, tmp_path):
    _apply(
        fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id bigint PRIMARY KEY, name varchar(20) NOT NULL);"
    )
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == ["app.yaml"]
    text = (tmp_path / "schema" / "app.yaml").read_text()
    assert "      name: varchar(20) not null\n" in text
    assert "    primary_key: [id]\n" in text


def test_omissions_are_listed_and_exit_3(fresh_db, tmp_path):
    renamed_apart = "CREATE TYPE r AS RANGE (subtype = int4); ALTER TYPE r RENAME TO s;"
    _apply(fresh_db, "CREATE TABLE t (id int); " + renamed_apart)
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path)])
    assert result.exit_code == 3
    assert "omitted: range type public.s: a constructor function named other than its type" in result.output
    assert (tmp_path / "schema" / "public.yaml").exists()


def test_an_invalid_index_is_written_with_a_warning_and_exit_0(fresh_db, tmp_path):
    _apply(
        fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (code text); INSERT INTO app.t VALUES ('a'), ('a');"
    )
    with pytest.raises(psycopg.errors.UniqueViolation):
        _apply(fresh_db, "CREATE UNIQUE INDEX CONCURRENTLY t_code ON app.t (code)")
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "warning: index app.t_code on app.t is INVALID in the database" in result.stderr
    assert "{name: t_code, columns: [code], unique: true}" in (tmp_path / "schema" / "app.yaml").read_text()


def test_a_valid_index_gives_no_warning(fresh_db, tmp_path):
    _apply(
        fresh_db,
        "CREATE SCHEMA app; CREATE TABLE app.t (code text); CREATE UNIQUE INDEX t_code ON app.t (code);",
    )
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def test_schema_option_limits_what_is_written(fresh_db, tmp_path):
    _apply(fresh_db, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.u (y int);")
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--schema", "b", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == ["b.yaml"]


def test_libpq_environment_is_used_without_dsn(fresh_db, tmp_path, monkeypatch):
    params = conninfo_to_dict(fresh_db)
    for key, env in (("host", "PGHOST"), ("port", "PGPORT"), ("user", "PGUSER"), ("dbname", "PGDATABASE")):
        if params.get(key):
            monkeypatch.setenv(env, str(params[key]))
    _apply(fresh_db, "CREATE SCHEMA envtest;")
    result = CliRunner().invoke(main, ["inspect", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "schema" / "envtest.yaml").exists()


def test_connection_error_exits_1_and_masks_the_password(tmp_path):
    dsn = "postgresql://someone:hunter2secret@127.0.0.1:1/nothing"
    result = CliRunner().invoke(main, ["inspect", "--dsn", dsn, "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "hunter2secret" not in result.output
    assert "postgresql://someone:***@127.0.0.1:1/nothing" in result.output
    assert "Traceback" not in result.output


def test_malformed_dsn_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        main, ["inspect", "--dsn", "host=x password=abc9 nonsense", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "abc9" not in result.output


def test_out_holding_a_project_is_refused_without_force(fresh_db, tmp_path):
    _apply(fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id int);")
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text("schema: app  # hand-written\n")
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "already holds a project" in result.output and "--force" in result.output
    assert (tmp_path / "schema" / "app.yaml").read_text() == "schema: app  # hand-written\n"


def test_force_replaces_the_project_and_removes_yaml_not_written_again(fresh_db, tmp_path):
    _apply(fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id int);")
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text("schema: app\n")
    (tmp_path / "schema" / "gone.yaml").write_text("schema: gone\n")
    (tmp_path / "schema" / "notes.txt").write_text("kept: not YAML\n")
    result = CliRunner().invoke(main, ["inspect", "--dsn", fresh_db, "--out", str(tmp_path), "--force"])
    assert result.exit_code == 0, result.output
    assert "removed schema/gone.yaml" in result.output
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == ["app.yaml", "notes.txt"]
    assert "t:" in (tmp_path / "schema" / "app.yaml").read_text()


def test_schema_that_does_not_exist_is_an_error(fresh_db, tmp_path):
    _apply(fresh_db, "CREATE SCHEMA app;")
    result = CliRunner().invoke(
        main, ["inspect", "--dsn", fresh_db, "--schema", "app", "--schema", "nope", "--out", str(tmp_path)]
    )
    assert result.exit_code == 1, result.output
    assert "no schema named 'nope'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "schema").exists()
