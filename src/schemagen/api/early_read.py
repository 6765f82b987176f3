"""Read the live catalog in the background while the declared project compiles.

``diff``/``plan``/``apply`` need both the compiled project and the live catalog of the
project's schemas. The catalog queries mostly wait on the server (which runs on
another core), so they start at once on a thread, for the schemas the project's files
name (their ``schema:`` lines); compiling proceeds meanwhile. The read is used only if
that guess equals the scope the compiled project really has; otherwise it is discarded
and the scope is read again, so the result never depends on the guess.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg

from schemagen.api.project import project_root
from schemagen.introspect import Omission, introspect
from schemagen.source.project import SCHEMA_DIR, SETTINGS_FILE, schema_named_in

if TYPE_CHECKING:
    from schemagen.model import Catalog


def start_live_read(dsn: str | None, project: str | Path, named: Iterable[str] = ()) -> EarlyRead:
    """Start reading the schemas the project's files name (a guess, see :class:`EarlyRead`).

    Called before the rest of ``diff``/``plan``/``apply`` is even imported, so the
    server works while the process loads.
    """
    root = project_root(project)
    return EarlyRead(dsn or "", guessed_scope(root, named), owners=guessed_owners(root))


def guessed_owners(root: Path) -> bool:
    """Whether the project's schemagen.yaml has the line ``owners: managed`` (a guess, from its text)."""
    try:
        text = (root / SETTINGS_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    lines = (line.split("#")[0].replace('"', "").replace("'", "").split() for line in text.splitlines())
    return ["owners:", "managed"] in lines


def guessed_scope(root: Path, named: Iterable[str] = ()) -> tuple[str, ...]:
    """The schemas the project's files name on their ``schema:`` line, plus ``named``, sorted.

    ``public`` is added when a file declares extensions (an extension without a
    schema lives there). A guess: only what :func:`declared_scope` computes from the
    compiled project decides what is compared.
    """
    schemas = set(named)
    folder = root / SCHEMA_DIR
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")) if folder.is_dir() else []
    for path in files:
        schema = schema_named_in(path)
        if schema is not None:
            schemas.add(schema)
        if _declares_extensions(path):
            schemas.add("public")
    return tuple(sorted(schemas))


def _declares_extensions(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return any(line.startswith("extensions:") for line in handle)
    except OSError:
        return False


@dataclass
class LiveRead:
    """What the background read produced: an open connection, the catalog and its omissions."""

    conn: psycopg.Connection
    server_major: int
    catalog: Catalog
    omissions: list[Omission]


class EarlyRead:
    """Introspect ``scope`` on a thread; :meth:`take` hands the result over if the scope matches."""

    def __init__(self, conninfo: str, scope: tuple[str, ...], *, owners: bool = False) -> None:
        self.scope = scope
        self.owners = owners
        self._conninfo = conninfo
        self._result: LiveRead | None = None
        self._error: BaseException | None = None
        self._abandoned = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="schemagen-early-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = psycopg.connect(self._conninfo, connect_timeout=10)
            try:
                major = conn.info.server_version // 10000
                catalog, omissions = introspect(
                    conn, list(self.scope), database_wide=True, conninfo=self._conninfo, owners=self.owners
                )
            except BaseException:
                conn.close()
                raise
            result = LiveRead(conn, major, catalog, omissions)
        except BaseException as exc:  # handed to the caller by take()
            self._error = exc
            return
        with self._lock:
            if self._abandoned.is_set():
                result.conn.close()
            else:
                self._result = result

    def take(self, scope: tuple[str, ...], owners: bool = False) -> LiveRead | None:
        """The read if it was of ``scope`` and ``owners`` (the caller closes its connection), else None.

        Raises whatever the read raised (a ``psycopg.Error`` for an unreachable database).
        """
        self._thread.join()
        if scope != self.scope or owners != self.owners:
            self.abandon()
            return None
        if self._error is not None:
            raise self._error
        result, self._result = self._result, None
        return result

    def abandon(self) -> None:
        """Discard the read without waiting for it (its connection is closed when it ends)."""
        with self._lock:
            self._abandoned.set()
            if self._result is not None:
                self._result.conn.close()
                self._result = None
