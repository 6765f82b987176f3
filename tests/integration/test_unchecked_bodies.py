"""Bodies PostgreSQL accepted with ``check_function_bodies = off`` (as every pg_dump loads them).

``inspect`` brings them back, ``build`` warns (C369) instead of refusing the project,
and both ``generated/schema.sql`` and ``apply`` create them unchecked, as pg_dump does.
"""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database
from schemagen.cli import main

pytestmark = pytest.mark.integration

LIVE = """
CREATE SCHEMA app;
SET check_function_bodies = off;
CREATE FUNCTION app.broken() RETURNS integer LANGUAGE plpgsql AS $$BEGIN RETURN 42 END$$;
CREATE FUNCTION app.fine() RETURNS integer LANGUAGE sql AS $$SELECT 1$$;
"""


def _functions(dsn: str) -> list[tuple[str, str]]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(
            "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = 'app'::regnamespace ORDER BY 1"
        ).fetchall()


def test_an_unparsable_body_is_inspected_built_with_a_warning_and_applied(pg_server, tmp_path) -> None:
    names = [f"unchecked_{i}_{pg_server.version}" for i in (1, 2, 3)]
    admin = pg_server.dsn("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        source, fresh, planned = (pg_server.dsn(name) for name in names)
        with psycopg.connect(source, autocommit=True) as conn:
            conn.execute(LIVE)
        inspected = inspect_database(source, None, tmp_path)
        assert not inspected.omissions
        compiled = compile_project(tmp_path)
        assert compiled.ok
        [warning] = [d for d in compiled.diagnostics if d.code == "C369"]
        assert "app.broken()" in warning.message and "check_function_bodies = off" in warning.message
        script = compiled.files["schema.sql"]
        assert "SET LOCAL check_function_bodies = off;" in script
        with psycopg.connect(fresh, autocommit=True) as conn:
            conn.execute(script)
        assert _functions(fresh) == _functions(source)
        scope = ["--dsn", planned, "--project", str(tmp_path)]
        result = CliRunner().invoke(main, ["apply", *scope, "--yes", "--allow-hazards"])
        assert result.exit_code == 0, result.output
        assert _functions(planned) == _functions(source)
        diff = CliRunner().invoke(main, ["diff", *scope, "--exit-code"])
        assert diff.exit_code == 0, diff.output
        with psycopg.connect(planned) as conn, pytest.raises(psycopg.errors.SyntaxError):
            conn.execute("SELECT app.broken()")  # fails when called, as it did in the source
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
