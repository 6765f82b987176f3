"""An ordered plan of changes with the hazards each one carries."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from schemagen.model.changes import Change


class Lock(enum.Enum):
    """The strongest table-level lock a statement takes (PostgreSQL's names), weakest first."""

    SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE"
    """Reads and writes go on; blocks other schema changes and VACUUM."""
    SHARE = "SHARE"
    """Reads go on; writes (INSERT, UPDATE, DELETE) wait."""
    SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE"
    """Reads go on; writes wait (taken on both tables of a foreign key)."""
    ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE"
    """Everything waits, reads included."""


class Hazard(enum.Enum):
    """A risk of running a change on a live database (a closed list).

    ``value`` says what it risks; ``lock`` the lock a statement with this hazard
    typically holds while the risk lasts (the planned change has its exact lock).
    """

    DELETES_DATA = "deletes data"
    TABLE_REWRITE = "rewrites the whole table"
    ACCESS_EXCLUSIVE_LOCK = "takes an ACCESS EXCLUSIVE lock"
    INDEX_BUILD_BLOCKS_WRITES = "builds an index while blocking writes"
    VALIDATES_ROWS = "scans the table to validate existing rows"
    ENUM_REBUILD = "rebuilds an enum type and converts the columns using it"
    RANGE_REBUILD = "rebuilds a range type and converts the columns using it"
    IRREVERSIBLE = "cannot be undone by PostgreSQL (e.g. an added enum value)"
    USABLE_AFTER_COMMIT = "the new enum value cannot be used until the transaction commits"
    NEEDS_POSTGRES_17 = "needs PostgreSQL 17 or newer"
    RENAMES_IN_USE = "renames an object clients may still use by its old name"
    CHANGES_VISIBILITY = "changes which rows roles can see or modify"
    BLOCKS_WRITES = "blocks writes to the table (and the referenced table) while it runs; reads go on"
    VALIDATES_ROWS_ONLINE = "scans the whole table to validate existing rows while reads and writes go on"
    INDEX_BUILD = (
        "builds an index concurrently: slow on a large table; a failed build leaves an INVALID index"
    )
    RUNS_OUTSIDE_TRANSACTION = "runs outside a transaction: a failure is not rolled back with the rest"

    @property
    def risk(self) -> str:
        """What the hazard risks, in words."""
        return self.value

    @property
    def lock(self) -> Lock | None:
        """The lock held while the risk lasts, or None when the hazard is not about locking."""
        return HAZARD_LOCKS.get(self)


HAZARD_LOCKS: dict[Hazard, Lock] = {
    Hazard.DELETES_DATA: Lock.ACCESS_EXCLUSIVE,
    Hazard.TABLE_REWRITE: Lock.ACCESS_EXCLUSIVE,
    Hazard.ACCESS_EXCLUSIVE_LOCK: Lock.ACCESS_EXCLUSIVE,
    Hazard.INDEX_BUILD_BLOCKS_WRITES: Lock.SHARE,
    Hazard.VALIDATES_ROWS: Lock.ACCESS_EXCLUSIVE,
    Hazard.ENUM_REBUILD: Lock.ACCESS_EXCLUSIVE,
    Hazard.RANGE_REBUILD: Lock.ACCESS_EXCLUSIVE,
    Hazard.RENAMES_IN_USE: Lock.ACCESS_EXCLUSIVE,
    Hazard.CHANGES_VISIBILITY: Lock.ACCESS_EXCLUSIVE,
    Hazard.INDEX_BUILD: Lock.SHARE_UPDATE_EXCLUSIVE,
    Hazard.BLOCKS_WRITES: Lock.SHARE_ROW_EXCLUSIVE,
    Hazard.VALIDATES_ROWS_ONLINE: Lock.SHARE_UPDATE_EXCLUSIVE,
}
"""The lock each locking hazard holds (the others take none of their own)."""


@dataclass(frozen=True)
class PlannedChange:
    """One change in its place in a plan, with its hazards (sorted by name).

    ``outside_transaction``: the statement cannot run (or must not wait) inside a
    transaction block — ``CREATE/DROP INDEX CONCURRENTLY``, a separate ``VALIDATE``,
    ``ALTER TYPE … ADD VALUE`` — so the apply engine commits what precedes it and
    runs it on its own. ``lock`` is the strongest lock it takes on an existing
    table (None on objects the plan creates). ``lock_timeout`` / ``statement_timeout``
    are set before the statement when not None: in a plan against a live database, the
    first change sets both and a later one only when its value differs (a ``SET`` lasts
    for the session), so every statement runs under the timeouts the settings give it.
    """

    change: Change
    hazards: tuple[Hazard, ...] = ()
    outside_transaction: bool = False
    lock: Lock | None = None
    lock_timeout: str | None = None
    statement_timeout: str | None = None


@dataclass(frozen=True)
class Plan:
    """Changes in an order PostgreSQL accepts; the same input gives the same order."""

    changes: tuple[PlannedChange, ...] = ()

    def __iter__(self):
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    @property
    def hazards(self) -> frozenset[Hazard]:
        """Every hazard of every change."""
        return frozenset(h for planned in self.changes for h in planned.hazards)
