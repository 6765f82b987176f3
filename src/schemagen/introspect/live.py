"""Run the catalog queries against a live server, in one read-only transaction."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import psycopg
from psycopg.rows import dict_row

from schemagen.introspect.omission import Omission
from schemagen.introspect.query_files import QUERY_KINDS, load_query

if TYPE_CHECKING:
    from schemagen.model import Catalog

Progress = Callable[[str, int], None]
"""Called after each query with the object kind and the number of rows read."""

SESSION_SETTINGS = (
    "SET LOCAL search_path = pg_catalog",
    "SET LOCAL TimeZone = 'UTC'",
    "SET LOCAL DateStyle = 'ISO, YMD'",
    "SET LOCAL IntervalStyle = 'postgres'",
    "SET LOCAL extra_float_digits = 3",
    "SET LOCAL work_mem = '64MB'",
    "SET LOCAL max_parallel_workers_per_gather = 0",
)
"""Fixed session settings, so canonical text does not depend on the caller's session.

``search_path = pg_catalog`` makes ``format_type`` and the ``pg_get_*def``
functions qualify every object outside ``pg_catalog``. ``work_mem`` keeps the
sorts of large catalogs in memory; parallel workers only add start-up time here.
"""


def record_rows(
    conn: psycopg.Connection,
    schemas: list[str] | None,
    progress: Progress | None = None,
    *,
    read_only: bool = True,
    database_wide: bool = False,
) -> dict[str, list[dict]]:
    """Run every catalog query (a fixed number) and return their rows by kind.

    ``read_only=False`` reads inside a transaction that already wrote (a scratch
    database's uncommitted objects, read back and rolled back). Default privileges
    without a schema (database-wide) are read when no ``schemas`` are given, or
    with ``database_wide``.
    """
    major = conn.info.server_version // 10000
    params = {
        "schemas": sorted(set(schemas)) if schemas else None,
        "database_wide": database_wide or not schemas,
    }
    rows: dict[str, list[dict]] = {}
    with conn.transaction(), conn.cursor(row_factory=dict_row) as cursor:
        if read_only:
            cursor.execute("SET TRANSACTION READ ONLY")
        for setting in SESSION_SETTINGS:
            cursor.execute(setting)
        for kind in QUERY_KINDS:
            cursor.execute(load_query(kind, major), params)
            rows[kind] = cursor.fetchall()
            if progress is not None:
                progress(kind, len(rows[kind]))
    return rows


def introspect(
    conn: psycopg.Connection,
    schemas: list[str] | None,
    progress: Progress | None = None,
    *,
    database_wide: bool = False,
) -> tuple[Catalog, list[Omission]]:
    """Read the live catalog into the model.

    Args:
        conn: an open connection (not inside a transaction).
        schemas: schemas to read; None reads every non-system schema.
        progress: optional callback, called once per query kind.
        database_wide: also read default privileges without a schema when ``schemas`` are given.

    Returns:
        The catalog and what could not be expressed (kind, name, why).
    """
    from schemagen.introspect.reader import read_catalog  # the model: imported when first needed

    return read_catalog(record_rows(conn, schemas, progress, database_wide=database_wide))


class BackgroundRows:
    """Connect and run every catalog query on a thread, started at once.

    The queries mostly wait on the server; meanwhile the caller imports and prepares
    what turns their rows into YAML. :meth:`rows` waits for them (raising what the
    read raised: a ``psycopg.Error`` for an unreachable database). A read nobody waits
    for ends alone and closes its connection.
    """

    def __init__(self, conninfo: str, schemas: list[str] | None, progress: Progress | None = None) -> None:
        self._conninfo = conninfo
        self._schemas = schemas
        self._progress = progress
        self._rows: dict[str, list[dict]] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="schemagen-catalog-rows", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with psycopg.connect(self._conninfo, connect_timeout=10) as conn:
                self._rows = record_rows(conn, self._schemas, self._progress)
        except BaseException as exc:  # handed over by rows()
            self._error = exc

    def rows(self) -> dict[str, list[dict]]:
        """The rows of every query, by kind (see :func:`record_rows`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._rows is not None
        return self._rows
