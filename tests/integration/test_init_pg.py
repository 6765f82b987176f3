"""``schemagen init`` on real servers: the example applies, and ``--from-dsn`` starts from a database."""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner

from schemagen.cli import main

pytestmark = pytest.mark.integration


def test_init_build_and_the_sql_applies(fresh_db, pg_server, tmp_path):
    assert (
        CliRunner().invoke(main, ["init", str(tmp_path), "--postgres", str(pg_server.version)]).exit_code == 0
    )
    built = CliRunner().invoke(main, ["build", "--project", str(tmp_path)])
    assert built.exit_code == 0, built.output
    sql = (tmp_path / "generated" / "schema.sql").read_text()
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(sql)
        conn.execute("INSERT INTO app.users (email) VALUES ('a@example.com')")
        assert conn.execute("SELECT count(*) FROM app.notes").fetchone() == (0,)


def test_init_from_dsn_reads_the_database_and_builds(fresh_db, tmp_path):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            "CREATE SCHEMA shop; CREATE TABLE shop.items (id bigint PRIMARY KEY, name text NOT NULL)"
        )
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--from-dsn", fresh_db])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "schema" / "shop.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../.schemagen/schema.json\n")
    assert "name: text not null" in text
    assert not (tmp_path / "schema" / "example.yaml").exists()
    built = CliRunner().invoke(main, ["build", "--project", str(tmp_path)])
    assert built.exit_code == 0, built.output
    assert "CREATE TABLE shop.items" in (tmp_path / "generated" / "schema.sql").read_text()


def test_init_from_an_unreachable_dsn_exits_1(tmp_path):
    result = CliRunner().invoke(
        main,
        ["init", str(tmp_path / "p"), "--from-dsn", "host=/nonexistent port=1 dbname=x connect_timeout=1"],
    )
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
