"""The state migrations produce, found by replaying them on a scratch database; drift against it.

``migrate status`` and ``migrate baseline`` replay the up files of versions 1..N
on a scratch database (a temporary database on the target server when the role
may create one, else an embedded PostgreSQL: ``api/scratch.py``'s
``open_scratch``), read it back with the catalog queries, and compare the live
database with it through the same machinery as ``schemagen diff``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg

from schemagen.api.inspect import connection_error
from schemagen.api.live import compare_catalog
from schemagen.api.migrate_history import sql
from schemagen.api.migrate_run import run_script
from schemagen.api.scratch import open_scratch
from schemagen.introspect import introspect
from schemagen.migrations import Migration
from schemagen.model import Catalog
from schemagen.render.report import ReportChange


def user_schemas(conn: psycopg.Connection) -> list[str]:
    """Every schema but the system's and ``schemagen`` (the history's own)."""
    return [row[0] for row in conn.execute(sql("user_schemas")).fetchall()]


def read_state(dsn: str) -> Catalog:
    """The catalog of every user schema of the database at ``dsn`` (the history schema left out)."""
    try:
        with psycopg.connect(dsn, connect_timeout=10, autocommit=True) as conn:
            return introspect(conn, user_schemas(conn))[0]
    except psycopg.Error as exc:
        raise connection_error(exc, dsn) from None


def replay(dsn: str, migrations: Sequence[Migration], direction: str = "up") -> None:
    """Run the ``direction`` files of ``migrations`` in the given order, unrecorded."""
    try:
        conn = psycopg.connect(dsn, connect_timeout=10, autocommit=True)
    except psycopg.Error as exc:
        raise connection_error(exc, dsn) from None
    with conn:
        for migration in migrations:
            run_script(conn, migration, direction, dsn, recorded=False)


@contextmanager
def replayed(migrations: Sequence[Migration], target_dsn: str | None) -> Iterator[str]:
    """A scratch database holding the up files of ``migrations`` replayed; yields its DSN."""
    with open_scratch(None, target_dsn) as scratch:
        replay(scratch.dsn, migrations)
        yield scratch.dsn


def drift(dsn: str | None, applied: Sequence[Migration]) -> list[ReportChange]:
    """What would take the live database to the state ``applied`` produce (empty: no drift)."""
    with replayed(applied, dsn) as scratch_dsn:
        state = read_state(scratch_dsn)
    return compare_catalog(dsn, state).changes
