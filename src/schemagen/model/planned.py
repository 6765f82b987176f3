"""An ordered plan of changes with the hazards each one carries."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from schemagen.model.changes import Change


class Hazard(enum.Enum):
    """A risk of running a change on a live database (a closed list)."""

    DELETES_DATA = "deletes data"
    TABLE_REWRITE = "rewrites the whole table"
    ACCESS_EXCLUSIVE_LOCK = "takes an ACCESS EXCLUSIVE lock"
    INDEX_BUILD_BLOCKS_WRITES = "builds an index while blocking writes"
    VALIDATES_ROWS = "scans the table to validate existing rows"
    ENUM_REBUILD = "rebuilds an enum type and converts the columns using it"
    IRREVERSIBLE = "cannot be undone by PostgreSQL (e.g. an added enum value)"
    USABLE_AFTER_COMMIT = "the new enum value cannot be used until the transaction commits"
    NEEDS_POSTGRES_17 = "needs PostgreSQL 17 or newer"
    RENAMES_IN_USE = "renames an object clients may still use by its old name"
    CHANGES_VISIBILITY = "changes which rows roles can see or modify"


@dataclass(frozen=True)
class PlannedChange:
    """One change in its place in a plan, with its hazards (sorted by name).

    ``outside_transaction``: the change must run on its own, outside a transaction
    block (``CREATE INDEX CONCURRENTLY``, ``ALTER TYPE … ADD VALUE`` used later);
    ``apply`` runs every other run of consecutive changes in one transaction.
    """

    change: Change
    hazards: tuple[Hazard, ...] = ()
    outside_transaction: bool = False


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
