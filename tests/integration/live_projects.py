"""Helpers for the diff/plan/apply tests: run SQL, and make a declared project from SQL.

A project is made by applying SQL to a scratch database on the same server and
inspecting it, so its expressions are already in PostgreSQL's canonical form.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql as psql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from schemagen.api.inspect import inspect_database


def run_sql(dsn: str, text: str) -> None:
    """Execute ``text`` (one or more statements) in autocommit."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(text)


def dsn_with(dsn: str, dbname: str) -> str:
    """``dsn`` pointing at another database of the same server."""
    return make_conninfo(**{**conninfo_to_dict(dsn), "dbname": dbname})


@contextlib.contextmanager
def scratch_database(dsn: str, suffix: str) -> Iterator[str]:
    """A new empty database beside the one of ``dsn``, dropped on exit."""
    name = f"{conninfo_to_dict(dsn)['dbname']}_{suffix}"[:63]
    admin = dsn_with(dsn, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name)))
        conn.execute(psql.SQL("CREATE DATABASE {}").format(psql.Identifier(name)))
    try:
        yield dsn_with(dsn, name)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name)))


def project_from_sql(dsn: str, text: str, out: Path, schemas: list[str] | None = None) -> Path:
    """A project under ``out`` declaring what ``text`` creates (inspected from a scratch database)."""
    with scratch_database(dsn, "decl") as scratch:
        run_sql(scratch, text)
        inspect_database(scratch, schemas, out)
    return out


def converge_cli(dsn: str, project: Path) -> str:
    """``schemagen plan`` → ``apply --yes --allow-hazards`` → ``diff --exit-code`` of ``project``
    against ``dsn``: nothing left to change; returns the plan's text."""
    from click.testing import CliRunner

    from schemagen.cli import main

    plan = CliRunner().invoke(main, ["plan", "--dsn", dsn, "--project", str(project)])
    assert plan.exit_code == 0, plan.output
    args = ["apply", "--dsn", dsn, "--project", str(project), "--yes", "--allow-hazards"]
    applied = CliRunner().invoke(main, args)
    assert applied.exit_code == 0, applied.output
    diff = CliRunner().invoke(main, ["diff", "--dsn", dsn, "--project", str(project), "--exit-code"])
    assert diff.exit_code == 0, diff.output
    return plan.stdout
