"""What the runner checks before it runs anything: the history against the files on disk.

(The files against ``schemagen.sum`` are checked by ``schemagen.migrations``.) An
applied file that was edited, an applied version whose file is gone, and a
pending version below an applied one each refuse the run, naming the version.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemagen.api.migrate_history import HistoryRow, applied_rows
from schemagen.errors import SchemagenError, UsageError
from schemagen.migrations import Migration


class MigrationsRefused(SchemagenError):
    """The migrations or the history are inconsistent; nothing was run."""

    def __init__(self, problems: Sequence[str], verb: str = "migrate"):
        self.problems = list(problems)
        super().__init__(
            f"refusing to {verb} (nothing was run):\n" + "\n".join(f"  - {p}" for p in self.problems)
        )


def history_problems(migrations: Sequence[Migration], history: list[HistoryRow]) -> list[str]:
    """Applied versions whose up file was edited after it ran or is missing from disk."""
    by_version = {m.version: m for m in migrations}
    problems = []
    for version, row in sorted(applied_rows(history).items()):
        migration = by_version.get(version)
        if migration is None:
            problems.append(
                f"migration {version:04d} ({row.name}) is applied (schemagen.migration_history) "
                "but generated/migrations/ has no file for it"
            )
        elif migration.up.checksum != row.checksum:
            problems.append(
                f"migration {version:04d} ({migration.up.file}) was edited after it was applied: "
                f"checksum recorded {row.checksum[:12]}…, file now {migration.up.checksum[:12]}…; "
                "an applied migration must not change: restore it and add a new migration"
            )
    return problems


def out_of_order(migrations: Sequence[Migration], history: list[HistoryRow]) -> list[str]:
    """Pending versions below the highest applied one (a migration merged in behind others)."""
    applied = applied_rows(history)
    if not applied:
        return []
    top = max(applied)
    return [
        f"migration {m.id} is not applied but the later {top:04d} is: revert to "
        f"{m.version - 1:04d} first (schemagen migrate revert --to {m.version - 1}) or renumber it"
        for m in migrations
        if m.version not in applied and m.version < top
    ]


def check_target(migrations: Sequence[Migration], to: int | None, *, zero: bool = False) -> None:
    """``--to N`` names a known version (0 too, when ``zero``); ``UsageError`` otherwise."""
    if to is None or (zero and to == 0):
        return
    if to not in {m.version for m in migrations}:
        known = ", ".join(f"{m.version}" for m in migrations) or "none"
        raise UsageError(f"--to {to}: no such migration (versions: {known})")
