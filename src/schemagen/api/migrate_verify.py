"""Use case ``migrate verify``: replay every migration on a scratch database and check both directions.

The up files run in order on a scratch server of the project's target version
(``api/scratch.py``; or the empty database ``--dev-dsn`` names), the state after
each read back; the result is compared with the declared schema as ``schemagen
diff`` compares a live database. Then the down files run newest first, each
compared with the state before its up file. The database ends where it started
when everything holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from schemagen.api.inspect import connection_error
from schemagen.api.live import compare_catalog, compile_declared
from schemagen.api.migrate_files import load_migrations
from schemagen.api.migrate_run import MigrationFailed
from schemagen.api.migrate_state import read_state, replay, user_schemas
from schemagen.api.project import project_root
from schemagen.api.verify import verify_connection
from schemagen.diff import diff_catalogs
from schemagen.errors import UsageError
from schemagen.migrations import Migration
from schemagen.model import Catalog
from schemagen.render.summary import describe
from schemagen.source.project import load_settings

Step = Callable[[str], None]


@dataclass
class VerifyReport:
    """What ``migrate verify`` found: one line per check that failed, and the checks made."""

    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every check held."""
        return not self.problems


def _differences(now: Catalog, expected: Catalog) -> list[str]:
    """What would take ``now`` to ``expected``, one summary line each."""
    return [describe(change).line() for change in diff_catalogs(now, expected)]


def _require_empty(dsn: str) -> None:
    try:
        with psycopg.connect(dsn, connect_timeout=10, autocommit=True) as conn:
            schemas = user_schemas(conn)
    except psycopg.Error as exc:
        raise connection_error(exc, dsn) from None
    state = read_state(dsn)
    if schemas != ["public"] or state.tables or state.views or state.functions or state.enums:
        raise UsageError("--dev-dsn must name an empty database: migrate verify runs every migration in it")


def verify_migrations(
    project: str | Path, dev_dsn: str | None = None, step: Step | None = None
) -> VerifyReport:
    """Replay the project's migrations up then down on a scratch database; every mismatch is a problem.

    Raises ``TamperedMigrations``, ``InvalidProject``, ``DatabaseError`` (no scratch server).
    """
    migrations = list(load_migrations(project).migrations)
    declared, _ = compile_declared(project)
    settings = load_settings(project_root(project))[0]
    report = VerifyReport()
    with verify_connection(settings.postgres, dev_dsn) as dsn:
        if dev_dsn is not None:
            _require_empty(dsn)
        states = [read_state(dsn)]
        if not _ups(dsn, migrations, states, report, step):
            _left_behind(dsn, dev_dsn, states[0], report)
            return report
        changes = compare_catalog(dsn, declared, safety=settings.safety).changes
        if changes:
            lines = "".join(f"\n    {c.summary.line()}" for c in changes)
            report.problems.append(
                f"the migrations do not produce the declared schema ({len(changes)} difference(s); "
                f"`schemagen migrate new NAME` writes the missing migration):{lines}"
            )
        report.checked.append("the migrations produce the declared schema")
        _downs(dsn, migrations, states, report, step)
        _left_behind(dsn, dev_dsn, states[0], report)
    return report


def _left_behind(dsn: str, dev_dsn: str | None, empty: Catalog, report: VerifyReport) -> None:
    """Say so when a failed run leaves objects in the ``--dev-dsn`` database (a scratch one is dropped)."""
    if dev_dsn is None or report.ok or not _differences(empty, read_state(dsn)):
        return
    report.problems.append(
        "the --dev-dsn database still holds what the migrations created before the failure "
        "(migrate verify cannot undo a failed file); drop and recreate it before verifying again"
    )


def _ups(
    dsn: str, migrations: Sequence[Migration], states: list[Catalog], report: VerifyReport, step: Step | None
) -> bool:
    for migration in migrations:
        try:
            replay(dsn, [migration])
        except MigrationFailed as exc:
            report.problems.append(str(exc))
            return False
        states.append(read_state(dsn))
        report.checked.append(f"{migration.up.file} applies")
        if step is not None:
            step(f"up   {migration.up.file}")
    return True


def _downs(
    dsn: str, migrations: Sequence[Migration], states: list[Catalog], report: VerifyReport, step: Step | None
) -> None:
    for index in range(len(migrations), 0, -1):
        migration = migrations[index - 1]
        try:
            replay(dsn, [migration], "down")
        except MigrationFailed as exc:
            report.problems.append(str(exc))
            return
        differences = _differences(read_state(dsn), states[index - 1])
        if differences:
            lines = "".join(f"\n    {line}" for line in differences)
            report.problems.append(
                f"{migration.down.file} does not return the state before {migration.up.file} "
                f"(what would still have to change):{lines}"
            )
        report.checked.append(f"{migration.down.file} returns the state before {migration.up.file}")
        if step is not None:
            step(f"down {migration.down.file}")
