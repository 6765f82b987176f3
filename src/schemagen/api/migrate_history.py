"""The history table ``schemagen.migration_history`` and the advisory lock of a migrate run.

Every migration file run (up or down, succeeded or failed) is one row; the row of
a file that succeeds is written in the file's own transaction, the row of a file
that fails after its transaction rolled back (so it survives). A version is
*applied* when its latest successful row is ``up``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import psycopg

from schemagen.render.environment import environment

LOCK_KEY = 7_013_266_502_147_388_101
"""The advisory lock every writing ``schemagen migrate`` run holds (per database)."""


def sql(name: str, **values: object) -> str:
    """The text of ``templates/migrations/NAME.sql.j2``."""
    return environment().get_template(f"migrations/{name}.sql.j2").render(**values).strip()


@dataclass(frozen=True)
class HistoryRow:
    """One row of ``schemagen.migration_history``."""

    id: int
    version: int
    name: str
    direction: str
    checksum: str
    applied_at: datetime
    applied_by: str
    execution_ms: int
    success: bool
    error: str | None

    def as_json(self) -> dict:
        """The row as JSON values (``applied_at`` in ISO 8601)."""
        return {
            "version": self.version,
            "name": self.name,
            "direction": self.direction,
            "checksum": self.checksum,
            "applied_at": self.applied_at.isoformat(),
            "applied_by": self.applied_by,
            "execution_ms": self.execution_ms,
            "success": self.success,
            "error": self.error,
        }


def ensure_history(conn: psycopg.Connection) -> None:
    """Create the schema and table if missing (call with the lock held)."""
    with conn.transaction():
        conn.execute(sql("create_history"))


def read_history(conn: psycopg.Connection) -> list[HistoryRow]:
    """Every row in order; none when the table does not exist (a database never migrated)."""
    with conn.transaction():
        exists = conn.execute(sql("history_exists")).fetchone()
        if not exists or not exists[0]:
            return []
        return [HistoryRow(*row) for row in conn.execute(sql("read_history")).fetchall()]


def record(
    conn: psycopg.Connection,
    version: int,
    name: str,
    direction: str,
    checksum: str,
    execution_ms: int,
    error: str | None = None,
) -> None:
    """Write one row (``error`` None: the run succeeded) in the connection's current transaction."""
    conn.execute(
        sql("record_history"),
        {
            "version": version,
            "name": name,
            "direction": direction,
            "checksum": checksum,
            "execution_ms": execution_ms,
            "success": error is None,
            "error": error,
        },
    )


def applied_rows(history: list[HistoryRow]) -> dict[int, HistoryRow]:
    """Version → its latest successful ``up`` row, for the versions that are applied now."""
    latest: dict[int, HistoryRow] = {}
    for row in history:
        if row.success:
            latest[row.version] = row
    return {version: row for version, row in latest.items() if row.direction == "up"}


def failed_rows(history: list[HistoryRow]) -> dict[int, HistoryRow]:
    """Version → its latest row, for the versions whose latest run failed."""
    latest: dict[int, HistoryRow] = {}
    for row in history:
        latest[row.version] = row
    return {version: row for version, row in latest.items() if not row.success}


POLL_SECONDS = 0.2


@contextmanager
def migrate_lock(conn: psycopg.Connection, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the advisory lock for the block; ``waiting`` is called once if another run holds it.

    A waiting run polls with ``pg_try_advisory_lock`` instead of blocking in
    ``pg_advisory_lock``: a blocked statement keeps its snapshot, and a
    ``CREATE INDEX CONCURRENTLY`` of the run holding the lock waits for every
    older snapshot to end, a deadlock PostgreSQL resolves by cancelling one of them.
    """
    told = False
    while not conn.execute(sql("try_lock", key=LOCK_KEY)).fetchone()[0]:  # type: ignore[index]
        if waiting is not None and not told:
            waiting()
            told = True
        time.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        if not conn.closed:
            conn.execute(sql("unlock", key=LOCK_KEY))
