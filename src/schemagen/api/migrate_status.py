"""Use cases ``migrate status`` (read-only) and ``migrate baseline`` (adopt an existing database)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from schemagen.api.migrate import connect, locked
from schemagen.api.migrate_checks import MigrationsRefused, check_target, history_problems
from schemagen.api.migrate_history import (
    HistoryRow,
    applied_rows,
    failed_rows,
    read_history,
    record,
)
from schemagen.api.migrate_state import drift
from schemagen.diagnostics import Diagnostic, Severity
from schemagen.errors import DatabaseError, SchemagenError
from schemagen.migrations import Migration, MigrationSet
from schemagen.render.report import ReportChange


@dataclass(frozen=True)
class MigrationStatus:
    """Applied, pending and failed versions; what is wrong; drift from the applied state."""

    applied: list[HistoryRow]
    """The latest successful up row of each applied version, in version order."""
    pending: list[Migration]
    failed: list[HistoryRow]
    """The latest row of each version whose latest run failed."""
    problems: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """What is wrong with the files (``M6xx``: tampering)."""
    drift: list[ReportChange] | None = None
    """What would take the live database to the applied state; None: not computed (``drift_error``)."""
    drift_error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the files and the history agree (``apply`` would not refuse)."""
        return not self.problems and not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def as_json(self) -> dict:
        """The ``--format json`` document of ``migrate status``."""
        return {
            "applied": [row.as_json() for row in self.applied],
            "pending": [{"version": m.version, "name": m.name, "file": m.up.file} for m in self.pending],
            "failed": [row.as_json() for row in self.failed],
            "problems": self.problems + [d.format() for d in self.diagnostics],
            "drift": None
            if self.drift is None
            else [
                {
                    "kind": c.summary.kind,
                    "object": c.summary.object,
                    "sql": list(c.sql),
                    "hazards": list(c.hazards),
                }
                for c in self.drift
            ],
            "drift_error": self.drift_error,
        }


def migration_status(dsn: str | None, found: MigrationSet, with_drift: bool = True) -> MigrationStatus:
    """Where the database stands against the migrations; writes nothing (not even the history table)."""
    migrations = list(found.migrations)
    with connect(dsn) as conn:
        history = read_history(conn)
    applied = applied_rows(history)
    failed = failed_rows(history)
    by_version = {m.version: m for m in migrations}
    status = MigrationStatus(
        applied=[applied[v] for v in sorted(applied)],
        pending=[m for m in migrations if m.version not in applied],
        failed=[failed[v] for v in sorted(failed)],
        problems=history_problems(migrations, history),
        diagnostics=list(found.diagnostics),
    )
    if not with_drift or not status.ok:
        return status
    try:
        changes = drift(dsn, [by_version[v] for v in sorted(applied)])
    except SchemagenError as exc:
        return replace(status, drift_error=str(exc))
    return replace(status, drift=changes)


class BaselineDiffers(DatabaseError):
    """The live schema is not the state the migrations produce up to the baseline version."""

    def __init__(self, version: int, changes: Sequence[ReportChange]):
        self.changes = list(changes)
        lines = [f"  {c.summary.line()}" for c in self.changes]
        super().__init__(
            f"refusing to baseline at {version:04d}: the database differs from the state migrations "
            f"1..{version} produce ({len(lines)} difference(s); what would make it equal):\n"
            + "\n".join(lines)
            + "\nnothing was recorded"
        )


def baseline(dsn: str | None, migrations: Sequence[Migration], version: int) -> list[Migration]:
    """Record versions 1..``version`` as applied once the live schema is their state; those versions.

    Raises ``MigrationsRefused`` (the database already has applied migrations) or ``BaselineDiffers``.
    """
    check_target(migrations, version)
    adopted = [m for m in migrations if m.version <= version]
    with locked(dsn) as conn:
        applied = applied_rows(read_history(conn))
        if applied:
            versions = ", ".join(f"{v:04d}" for v in sorted(applied))
            raise MigrationsRefused(
                [
                    f"the database already has applied migrations ({versions}): baseline adopts a database "
                    "that was never migrated; use `schemagen migrate apply`"
                ],
                "baseline",
            )
        changes = drift(dsn, adopted)
        if changes:
            raise BaselineDiffers(version, changes)
        with conn.transaction():
            for migration in adopted:
                record(conn, migration.version, migration.name, "up", migration.up.checksum, 0)
    return adopted
