"""Run the catalog queries against a live server, in one read-only transaction."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql as psql
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
    owners: bool = False,
) -> dict[str, list[dict]]:
    """Run every catalog query (a fixed number) and return their rows by kind.

    ``read_only=False`` reads inside a transaction that already wrote (a scratch
    database's uncommitted objects, read back and rolled back). Default privileges
    without a schema (database-wide) are read when no ``schemas`` are given, or
    with ``database_wide``. Objects' owners are read only with ``owners`` (a project
    that manages them); otherwise every ``owner`` is None and never compared.
    """
    major = conn.info.server_version // 10000
    params = _params(schemas, database_wide, owners)
    rows: dict[str, list[dict]] = {}
    with conn.transaction(), conn.cursor(row_factory=dict_row) as cursor:
        _begin(cursor, read_only)
        _run(cursor, QUERY_KINDS, major, params, rows, progress)
    return rows


SECOND_CONNECTION = ("columns", "constraints")
"""The queries a second connection runs (about half of the server's work at any size)."""
FIRST_CONNECTION = tuple(kind for kind in QUERY_KINDS if kind not in SECOND_CONNECTION)


def record_rows_on_two(
    conn: psycopg.Connection,
    conninfo: str,
    schemas: list[str] | None,
    progress: Progress | None = None,
    *,
    database_wide: bool = False,
    owners: bool = False,
) -> dict[str, list[dict]]:
    """:func:`record_rows`, the queries shared between ``conn`` and a second connection.

    Both read in one snapshot (``pg_export_snapshot``, as ``pg_dump --jobs`` does), so
    the rows are those one connection would read, while the server answers on two
    cores. Where a second connection or the snapshot cannot be had (a connection
    limit, a server refusing to export), everything is read on ``conn``.
    """
    try:
        second = psycopg.connect(conninfo, connect_timeout=10)
    except psycopg.Error:
        return record_rows(conn, schemas, progress, database_wide=database_wide, owners=owners)
    with second:
        try:
            return _read_on_two(conn, second, schemas, progress, database_wide, owners)
        except psycopg.Error:
            if conn.broken or conn.closed:
                raise
    # the snapshot could not be shared: one connection reads it all (and raises a real error again)
    return record_rows(conn, schemas, progress, database_wide=database_wide, owners=owners)


def _read_on_two(
    conn: psycopg.Connection,
    second: psycopg.Connection,
    schemas: list[str] | None,
    progress: Progress | None,
    database_wide: bool,
    owners: bool,
) -> dict[str, list[dict]]:
    major = conn.info.server_version // 10000
    params = _params(schemas, database_wide, owners)
    rows: dict[str, list[dict]] = {}
    theirs: dict[str, list[dict]] = {}
    with conn.transaction(), conn.cursor(row_factory=dict_row) as cursor:
        cursor.execute(load_query("snapshot_export", major))
        cursor.nextset()
        snapshot = cursor.fetchone()["id"]
        helper = _Helper(second, snapshot, major, params, theirs)
        try:
            _begin(cursor, read_only=False)
            _run(cursor, FIRST_CONNECTION, major, params, rows, progress)
        finally:
            helper.join()
    for kind in SECOND_CONNECTION:
        rows[kind] = theirs[kind]
        if progress is not None:
            progress(kind, len(rows[kind]))
    return {kind: rows[kind] for kind in QUERY_KINDS}


class _Helper:
    """The second connection's queries, on a thread, in the snapshot ``snapshot``."""

    def __init__(self, conn: psycopg.Connection, snapshot: str, major: int, params: dict, rows: dict) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._read, args=(conn, snapshot, major, params, rows), name="schemagen-catalog-second"
        )
        self._thread.start()

    def _read(self, conn: psycopg.Connection, snapshot: str, major: int, params: dict, rows: dict) -> None:
        try:
            with conn.transaction(), conn.cursor(row_factory=dict_row) as cursor:
                text = load_query("snapshot_import", major)
                cursor.execute(psql.SQL(text).format(snapshot=psql.Literal(snapshot)))  # type: ignore[arg-type]
                _begin(cursor, read_only=False)
                _run(cursor, SECOND_CONNECTION, major, params, rows, None)
        except BaseException as exc:  # raised by join()
            self._error = exc

    def join(self) -> None:
        """Wait for the queries; raise what they raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error


def read_role_rows(conn: psycopg.Connection) -> list[dict]:
    """The rows of the roles query alone (every non-system role of the server)."""
    major = conn.info.server_version // 10000
    with conn.transaction(), conn.cursor(row_factory=dict_row) as cursor:
        _begin(cursor, read_only=True)
        cursor.execute(load_query("roles", major))
        return cursor.fetchall()


def _params(schemas: list[str] | None, database_wide: bool, owners: bool) -> dict:
    return {
        "schemas": sorted(set(schemas)) if schemas else None,
        "database_wide": database_wide or not schemas,
        "owners": owners,
    }


def _begin(cursor: psycopg.Cursor, read_only: bool) -> None:
    if read_only:
        cursor.execute("SET TRANSACTION READ ONLY")
    for setting in SESSION_SETTINGS:
        cursor.execute(setting)


def _run(
    cursor: psycopg.Cursor,
    kinds: tuple[str, ...],
    major: int,
    params: dict,
    rows: dict[str, list[dict]],
    progress: Progress | None,
) -> None:
    for kind in kinds:
        cursor.execute(load_query(kind, major), params)
        rows[kind] = cursor.fetchall()
        if progress is not None:
            progress(kind, len(rows[kind]))


def introspect(
    conn: psycopg.Connection,
    schemas: list[str] | None,
    progress: Progress | None = None,
    *,
    database_wide: bool = False,
    conninfo: str | None = None,
    owners: bool = False,
) -> tuple[Catalog, list[Omission]]:
    """Read the live catalog into the model.

    Args:
        conn: an open connection (not inside a transaction).
        schemas: schemas to read; None reads every non-system schema.
        progress: optional callback, called once per query kind.
        database_wide: also read default privileges without a schema when ``schemas`` are given.
        conninfo: how ``conn`` connected: a second connection shares the queries
            (:func:`record_rows_on_two`).
        owners: read each object's owner (``owners: managed``); None otherwise.

    Returns:
        The catalog and what could not be expressed (kind, name, why).
    """
    from schemagen.introspect.reader import read_catalog  # the model: imported when first needed

    wide = database_wide
    if conninfo is None:
        return read_catalog(record_rows(conn, schemas, progress, database_wide=wide, owners=owners))
    return read_catalog(
        record_rows_on_two(conn, conninfo, schemas, progress, database_wide=wide, owners=owners)
    )


class BackgroundRows:
    """Connect and run every catalog query on a thread, started at once.

    The queries mostly wait on the server; meanwhile the caller imports and prepares
    what turns their rows into YAML. :meth:`rows` waits for them (raising what the
    read raised: a ``psycopg.Error`` for an unreachable database). A read nobody waits
    for ends alone and closes its connection.
    """

    def __init__(
        self,
        conninfo: str,
        schemas: list[str] | None,
        progress: Progress | None = None,
        *,
        owners: bool = False,
    ) -> None:
        self._conninfo = conninfo
        self._owners = owners
        self._schemas = schemas
        self._progress = progress
        self._rows: dict[str, list[dict]] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="schemagen-catalog-rows", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with psycopg.connect(self._conninfo, connect_timeout=10) as conn:
                read = (conn, self._conninfo, self._schemas, self._progress)
                self._rows = record_rows_on_two(*read, owners=self._owners)
        except BaseException as exc:  # handed over by rows()
            self._error = exc

    def rows(self) -> dict[str, list[dict]]:
        """The rows of every query, by kind (see :func:`record_rows`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._rows is not None
        return self._rows
