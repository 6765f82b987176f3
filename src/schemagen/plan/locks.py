"""The table lock each change takes on an existing table (PostgreSQL's documented lock levels)."""

from __future__ import annotations

from schemagen.model.changes import (
    AddColumn,
    AddConstraint,
    AlterColumn,
    Change,
    CreateIndex,
    DropColumn,
    DropConstraint,
    DropIndex,
    DropTable,
    RebuildEnum,
    SetClusterOn,
    SetColumnCompression,
    SetColumnOptions,
    SetColumnStatistics,
    SetColumnStorage,
    SetReplicaIdentity,
    SetTableLogged,
    SetTableStorage,
)
from schemagen.model.code_changes import (
    CreatePolicy,
    CreateTrigger,
    DropPolicy,
    DropTrigger,
    SetRowLevelSecurity,
    SetTriggerEnabled,
)
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ForeignKey
from schemagen.model.planned import Lock
from schemagen.model.ranges import RebuildRangeType
from schemagen.model.rename_changes import RenameColumn, RenameConstraint, RenameIndex, RenameTable
from schemagen.model.safe_changes import (
    AddKeyUsingIndex,
    AddNotNullCheck,
    DropNotNullCheck,
    ValidateConstraint,
)
from schemagen.model.support_changes import SetRuleEnabled

_ACCESS_EXCLUSIVE = (
    SetRuleEnabled,
    AddColumn,
    DropColumn,
    AlterColumn,
    DropConstraint,
    DropTable,
    SetTableLogged,
    SetReplicaIdentity,
    SetColumnStorage,
    SetColumnCompression,
    RenameTable,
    RenameColumn,
    RenameConstraint,
    SetRowLevelSecurity,
    CreatePolicy,
    DropPolicy,
    AddKeyUsingIndex,
    AddNotNullCheck,
    DropNotNullCheck,
)


def locked_tables(change: Change) -> tuple[QualifiedName, ...]:
    """The tables a change locks (after renames: by their new names)."""
    if isinstance(change, CreateIndex | DropIndex):
        return (change.index.table,)
    if isinstance(change, CreateTrigger | DropTrigger | SetTriggerEnabled):
        return (change.trigger.table,)
    if isinstance(change, CreatePolicy | DropPolicy):
        return (change.policy.table,)
    if isinstance(change, SetRuleEnabled):
        return (change.rule.table,)
    if isinstance(change, DropTable | RenameTable):
        return (change.table.name,)
    if isinstance(change, RebuildEnum | RebuildRangeType):
        return tuple(table for table, _ in change.columns)
    table = getattr(change, "table", None)
    return (table,) if isinstance(table, QualifiedName) else ()


def lock_of(change: Change) -> Lock | None:
    """The strongest lock ``change`` takes on its table, or None for changes that lock no table.

    >>> from schemagen.model.safe_changes import ValidateConstraint
    >>> lock_of(ValidateConstraint(QualifiedName("app", "t"), "t_check")).value
    'SHARE UPDATE EXCLUSIVE'
    """
    if isinstance(change, CreateIndex | DropIndex):
        if change.concurrently:
            return Lock.SHARE_UPDATE_EXCLUSIVE
        return Lock.SHARE if isinstance(change, CreateIndex) else Lock.ACCESS_EXCLUSIVE
    if isinstance(
        change,
        ValidateConstraint
        | RenameIndex
        | SetTableStorage
        | SetClusterOn
        | SetColumnStatistics
        | SetColumnOptions,
    ):
        # SET/RESET of fillfactor, autovacuum_* and toast_* parameters (the ones tables take)
        return Lock.SHARE_UPDATE_EXCLUSIVE
    if isinstance(change, AddConstraint):
        return (
            Lock.SHARE_ROW_EXCLUSIVE if isinstance(change.constraint, ForeignKey) else Lock.ACCESS_EXCLUSIVE
        )
    if isinstance(change, CreateTrigger | DropTrigger | SetTriggerEnabled):
        return Lock.SHARE_ROW_EXCLUSIVE
    if isinstance(change, (*_ACCESS_EXCLUSIVE, RebuildEnum, RebuildRangeType)):
        return Lock.ACCESS_EXCLUSIVE
    return None
