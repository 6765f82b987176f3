"""Use cases ``migrate apply`` and ``migrate revert``: run migration files under the advisory lock.

Both take the lock for the whole run, create the history table if missing, check
the history against the files (``migrate_checks``), gate hazards like ``apply``
(``--allow-hazard NAME`` / ``--allow-hazards``) before anything runs, then run the
files one by one, each recorded in ``schemagen.migration_history``. A second run
started at the same time waits for the lock, then finds nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg

from schemagen.api.apply import HazardsRefused, refused_steps
from schemagen.api.inspect import connection_error
from schemagen.api.migrate_checks import MigrationsRefused, check_target, history_problems, out_of_order
from schemagen.api.migrate_history import applied_rows, ensure_history, migrate_lock, read_history
from schemagen.api.migrate_run import run_script
from schemagen.migrations import Migration, Script

Progress = Callable[[Migration, Script, int], None]


@dataclass(frozen=True)
class RunResult:
    """What a run did: the files run (with their milliseconds), and the versions left pending."""

    ran: list[tuple[Migration, Script, int]] = field(default_factory=list)
    pending: list[Migration] = field(default_factory=list)
    """apply: versions still not applied after the run (beyond ``--to``)."""

    def as_json(self) -> dict:
        """The ``--format json`` document of ``migrate apply`` / ``revert``."""
        return {
            "ran": [
                {
                    "version": m.version,
                    "name": m.name,
                    "direction": s.direction,
                    "file": s.file,
                    "execution_ms": ms,
                }
                for m, s, ms in self.ran
            ],
            "pending": [{"version": m.version, "name": m.name} for m in self.pending],
        }


@contextmanager
def connect(dsn: str | None) -> Iterator[psycopg.Connection]:
    """An autocommit connection (``dsn`` None: the libpq environment) for the block.

    A database error outside a migration file (the connection, the history table, the
    lock) becomes a ``DatabaseError``; the password never appears in it.
    """
    conninfo = dsn or ""
    try:
        with psycopg.connect(conninfo, connect_timeout=10, autocommit=True) as conn:
            yield conn
    except psycopg.Error as exc:
        raise connection_error(exc, conninfo) from None


@contextmanager
def locked(dsn: str | None, waiting: Callable[[], None] | None = None) -> Iterator[psycopg.Connection]:
    """A connection holding the migrate lock, with the history table created if missing."""
    with connect(dsn) as conn, migrate_lock(conn, waiting):
        ensure_history(conn)
        yield conn


def _gate(scripts: Sequence[Script], allowed: Collection[str] | None, verb: str) -> None:
    refused = refused_steps([(s.file, sorted(s.hazard_names)) for s in scripts], allowed)
    if refused:
        raise HazardsRefused(refused, verb)


def _run(
    conn: psycopg.Connection,
    conninfo: str,
    steps: Sequence[tuple[Migration, str]],
    progress: Progress | None,
) -> list[tuple[Migration, Script, int]]:
    ran: list[tuple[Migration, Script, int]] = []
    for migration, direction in steps:
        script = migration.up if direction == "up" else migration.down
        ms = run_script(conn, migration, direction, conninfo, recorded=True, done=[s.file for _, s, _ in ran])
        ran.append((migration, script, ms))
        if progress is not None:
            progress(migration, script, ms)
    return ran


def apply_migrations(
    dsn: str | None,
    migrations: Sequence[Migration],
    to: int | None = None,
    allowed: Collection[str] | None = (),
    progress: Progress | None = None,
    waiting: Callable[[], None] | None = None,
) -> RunResult:
    """Apply every pending migration (up to version ``to``) in order, each recorded.

    ``allowed``: hazard names allowed (None: all). Raises ``MigrationsRefused``,
    ``HazardsRefused`` (nothing run) or ``MigrationFailed`` (the files before it stay applied).
    """
    check_target(migrations, to)
    with locked(dsn, waiting) as conn:
        history = read_history(conn)
        problems = history_problems(migrations, history) + out_of_order(migrations, history)
        if problems:
            raise MigrationsRefused(problems, "apply")
        applied = applied_rows(history)
        pending = [m for m in migrations if m.version not in applied]
        wanted = [m for m in pending if to is None or m.version <= to]
        _gate([m.up for m in wanted], allowed, "apply")
        ran = _run(conn, dsn or "", [(m, "up") for m in wanted], progress)
    return RunResult(ran, [m for m in pending if m not in wanted])


def revert_migrations(
    dsn: str | None,
    migrations: Sequence[Migration],
    to: int | None = None,
    allowed: Collection[str] | None = (),
    progress: Progress | None = None,
    waiting: Callable[[], None] | None = None,
) -> RunResult:
    """Run the down files of the applied versions above ``to`` (None: the latest one only), newest first.

    Raises ``MigrationsRefused`` (history problems), ``HazardsRefused`` (a down file
    loses data and that was not allowed) or ``MigrationFailed``.
    """
    check_target(migrations, to, zero=True)
    with locked(dsn, waiting) as conn:
        history = read_history(conn)
        problems = history_problems(migrations, history)
        if problems:
            raise MigrationsRefused(problems, "revert")
        applied = sorted(applied_rows(history), reverse=True)
        versions = applied[:1] if to is None else [v for v in applied if v > to]
        by_version = {m.version: m for m in migrations}
        targets = [by_version[v] for v in versions]
        _gate([m.down for m in targets], allowed, "revert")
        ran = _run(conn, dsn or "", [(m, "down") for m in targets], progress)
    return RunResult(ran)
