"""Hazards: one lookup table from change class (and, for columns, the flag) to risks."""

from __future__ import annotations

from schemagen.model.changes import (
    AddColumn,
    AddConstraint,
    AddDomainConstraint,
    AddEnumValue,
    AlterColumn,
    Change,
    ColumnChange,
    CreateIndex,
    DropColumn,
    DropExtension,
    DropIndex,
    DropSchema,
    DropSequence,
    DropTable,
    RebuildEnum,
    SetTableLogged,
)
from schemagen.model.code_changes import DeleteReferenceRows, SetRowLevelSecurity
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ForeignKey
from schemagen.model.planned import Hazard
from schemagen.model.rename_changes import RenameColumn, RenameTable
from schemagen.model.safe_changes import (
    AddKeyUsingIndex,
    AddNotNullCheck,
    DropNotNullCheck,
    ValidateConstraint,
)

H = Hazard

CHANGE_HAZARDS: dict[type[Change], frozenset[Hazard]] = {
    DropTable: frozenset({H.DELETES_DATA, H.ACCESS_EXCLUSIVE_LOCK}),
    DropColumn: frozenset({H.DELETES_DATA, H.ACCESS_EXCLUSIVE_LOCK}),
    DropSequence: frozenset({H.DELETES_DATA}),
    DropSchema: frozenset({H.DELETES_DATA}),
    DropExtension: frozenset({H.DELETES_DATA}),
    DropIndex: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
    AddColumn: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
    AddConstraint: frozenset({H.VALIDATES_ROWS, H.ACCESS_EXCLUSIVE_LOCK}),
    AddDomainConstraint: frozenset({H.VALIDATES_ROWS}),
    CreateIndex: frozenset({H.INDEX_BUILD_BLOCKS_WRITES}),
    AddEnumValue: frozenset({H.IRREVERSIBLE, H.USABLE_AFTER_COMMIT}),
    RebuildEnum: frozenset({H.ENUM_REBUILD, H.TABLE_REWRITE, H.ACCESS_EXCLUSIVE_LOCK}),
    SetTableLogged: frozenset({H.TABLE_REWRITE, H.ACCESS_EXCLUSIVE_LOCK}),
    AlterColumn: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
    RenameTable: frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.RENAMES_IN_USE}),
    RenameColumn: frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.RENAMES_IN_USE}),
    DeleteReferenceRows: frozenset({H.DELETES_DATA}),
    SetRowLevelSecurity: frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.CHANGES_VISIBILITY}),
    ValidateConstraint: frozenset({H.VALIDATES_ROWS_ONLINE}),
    AddKeyUsingIndex: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
    AddNotNullCheck: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
    DropNotNullCheck: frozenset({H.ACCESS_EXCLUSIVE_LOCK}),
}
"""Hazards every change of a class carries."""

COLUMN_HAZARDS: dict[ColumnChange, frozenset[Hazard]] = {
    ColumnChange.TYPE: frozenset({H.TABLE_REWRITE}),
    ColumnChange.COLLATION: frozenset({H.TABLE_REWRITE}),
    ColumnChange.NOT_NULL: frozenset({H.VALIDATES_ROWS}),
    ColumnChange.GENERATED: frozenset({H.TABLE_REWRITE, H.NEEDS_POSTGRES_17}),
    ColumnChange.IDENTITY: frozenset(),
    ColumnChange.DEFAULT: frozenset(),
}
"""Extra hazards of an ``AlterColumn`` by what changed."""


ON_EXISTING_ROWS: frozenset[Hazard] = frozenset(
    {
        H.ACCESS_EXCLUSIVE_LOCK,
        H.TABLE_REWRITE,
        H.VALIDATES_ROWS,
        H.INDEX_BUILD_BLOCKS_WRITES,
        H.INDEX_BUILD,
        H.VALIDATES_ROWS_ONLINE,
        H.BLOCKS_WRITES,
    }
)
"""Hazards that only matter for a table that already holds rows (not one this plan creates)."""


def subject_table(change: Change) -> QualifiedName | None:
    """The table a table-level change works on, or None."""
    if isinstance(change, CreateIndex):
        return change.index.table
    table = getattr(change, "table", None)
    return table if isinstance(table, QualifiedName) else None


def hazards_of(change: Change, new_tables: frozenset[QualifiedName] = frozenset()) -> tuple[Hazard, ...]:
    """The hazards of one change, sorted by name.

    ``new_tables`` are tables the same plan creates: changes on them lose the
    hazards of ``ON_EXISTING_ROWS`` (an empty table is not locked for long).
    """
    found = set(CHANGE_HAZARDS.get(type(change), frozenset()))
    if isinstance(change, AlterColumn):
        for flag, hazards in COLUMN_HAZARDS.items():
            if flag in change.changes:
                found |= hazards
    found = _written_safely(change, found)
    if subject_table(change) in new_tables:
        found -= ON_EXISTING_ROWS
    return tuple(sorted(found, key=lambda h: h.name))


def _written_safely(change: Change, found: set[Hazard]) -> set[Hazard]:
    """The hazards a safe rewrite (``plan/safety.py``) replaces, by the change's own values."""
    if isinstance(change, CreateIndex) and change.concurrently:
        return (found - {H.INDEX_BUILD_BLOCKS_WRITES}) | {H.INDEX_BUILD}
    if isinstance(change, DropIndex) and change.concurrently:
        return found - {H.ACCESS_EXCLUSIVE_LOCK}
    if isinstance(change, AddConstraint) and isinstance(change.constraint, ForeignKey):
        found = (found - {H.ACCESS_EXCLUSIVE_LOCK}) | {H.BLOCKS_WRITES}  # SHARE ROW EXCLUSIVE on both
    if isinstance(change, AddConstraint) and getattr(change.constraint, "not_valid", False):
        return found - {H.VALIDATES_ROWS}
    if isinstance(change, AlterColumn) and change.not_null_checked:
        return found - {H.VALIDATES_ROWS}
    return found
