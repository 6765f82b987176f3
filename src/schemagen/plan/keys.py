"""Tie-break keys: where the graph leaves a choice, output reads schema by schema, table by table.

Drops come first; then roles, schemas, extensions, types, functions, sequences,
each table with its indexes, security and triggers, foreign keys, views,
sequence ownership, grants and reference rows.
"""

from __future__ import annotations

from collections.abc import Callable

from schemagen.model.changes import (
    AddColumn,
    AddConstraint,
    AddDomainConstraint,
    AddEnumValue,
    AlterColumn,
    AlterDomain,
    AlterSequence,
    AlterSequenceOwnedBy,
    Change,
    CreateCompositeType,
    CreateDomain,
    CreateEnum,
    CreateExtension,
    CreateIndex,
    CreateSchema,
    CreateSequence,
    CreateTable,
    DropColumn,
    DropCompositeType,
    DropConstraint,
    DropDomain,
    DropDomainConstraint,
    DropEnum,
    DropExtension,
    DropIndex,
    DropSchema,
    DropSequence,
    DropTable,
    RebuildEnum,
    SetComment,
    SetTableLogged,
)
from schemagen.model.code_changes import (
    AlterRole,
    CreateFunction,
    CreatePolicy,
    CreateRole,
    CreateTrigger,
    CreateView,
    DeleteReferenceRows,
    DropFunction,
    DropPolicy,
    DropTrigger,
    DropView,
    GrantDefaultPrivileges,
    GrantPrivileges,
    ReplaceFunction,
    RevokeDefaultPrivileges,
    RevokePrivileges,
    SetRowLevelSecurity,
    UpsertReferenceRows,
)
from schemagen.model.identity import ObjectKind
from schemagen.model.kinds import comment_kind, descriptor
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ForeignKey
from schemagen.model.rename_changes import RenameColumn, RenameTable

_DROP_ORDER: dict[type[Change], int] = {
    RevokePrivileges: 0,
    RevokeDefaultPrivileges: 0,
    DeleteReferenceRows: 0,
    DropPolicy: 0,
    DropTrigger: 0,
    DropView: 0,
    DropConstraint: 0,
    DropDomainConstraint: 0,
    DropIndex: 1,
    DropColumn: 2,
    DropTable: 3,
    DropSequence: 4,
    DropFunction: 4,
    DropDomain: 5,
    DropCompositeType: 5,
    DropEnum: 5,
    DropExtension: 6,
    DropSchema: 7,
}

K = ObjectKind

RENAME_PHASE = 1
"""Declared renames, before every change using the new names."""
FOREIGN_KEY_PHASE = 15
"""Foreign keys: after every table and its keys, before views."""


def phase(kind: ObjectKind) -> int:
    """The plan phase a kind is created in (from its descriptor)."""
    return descriptor(kind).phase


def _in(name: QualifiedName) -> tuple[str, str]:
    return (name.schema, name.name)


def _comment(c: SetComment) -> tuple:
    group = (c.name.name,) if not c.name.schema else _in(c.name)
    return (phase(comment_kind(c.kind)), group, 5, c.member or "")


def _constraint(c: AddConstraint) -> tuple:
    if isinstance(c.constraint, ForeignKey):
        return (FOREIGN_KEY_PHASE, _in(c.table), 0)
    return (phase(K.CONSTRAINT), _in(c.table), 4)


_KEYS: dict[type[Change], Callable[..., tuple]] = {
    RenameTable: lambda c: (RENAME_PHASE, _in(c.old_name), 0),
    RenameColumn: lambda c: (RENAME_PHASE, _in(c.table), 1, c.old_name),
    CreateRole: lambda c: (phase(K.ROLE), (c.role.name,), 0),
    AlterRole: lambda c: (phase(K.ROLE), (c.new.name,), 0),
    CreateSchema: lambda c: (phase(K.SCHEMA), (c.schema.name,), 0),
    CreateExtension: lambda c: (phase(K.EXTENSION), (c.extension.name,), 0),
    CreateEnum: lambda c: (phase(K.ENUM), _in(c.enum.name), 0),
    CreateDomain: lambda c: (phase(K.DOMAIN), _in(c.domain.name), 0),
    CreateCompositeType: lambda c: (phase(K.COMPOSITE_TYPE), _in(c.type.name), 0),
    AddEnumValue: lambda c: (phase(K.ENUM), _in(c.enum), 1),
    AlterDomain: lambda c: (phase(K.DOMAIN), _in(c.new.name), 1),
    AddDomainConstraint: lambda c: (phase(K.DOMAIN_CONSTRAINT), _in(c.domain), 2),
    CreateFunction: lambda c: (
        phase(K.FUNCTION),
        _in(c.function.name),
        5,
        ", ".join(c.function.identity_types),
    ),
    ReplaceFunction: lambda c: (phase(K.FUNCTION), _in(c.new.name), 5, ", ".join(c.new.identity_types)),
    CreateSequence: lambda c: (phase(K.SEQUENCE), _in(c.sequence.name), 0),
    AlterSequence: lambda c: (phase(K.SEQUENCE), _in(c.new.name), 0),
    CreateTable: lambda c: (phase(K.TABLE), _in(c.table.name), 0),
    SetTableLogged: lambda c: (phase(K.TABLE), _in(c.table), 1),
    AddColumn: lambda c: (phase(K.COLUMN), _in(c.table), 2),
    AlterColumn: lambda c: (phase(K.COLUMN), _in(c.table), 3),
    AddConstraint: _constraint,
    CreateIndex: lambda c: (phase(K.INDEX), _in(c.index.table), 8, c.index.name.name),
    RebuildEnum: lambda c: (phase(K.TABLE), _in(c.new.name), 9),
    SetRowLevelSecurity: lambda c: (phase(K.TABLE), _in(c.table), 10),
    CreatePolicy: lambda c: (phase(K.POLICY), _in(c.policy.table), 11, c.policy.name),
    CreateTrigger: lambda c: (phase(K.TRIGGER), _in(c.trigger.table), 12, c.trigger.name),
    CreateView: lambda c: (phase(K.VIEW), _in(c.view.name), 0),
    AlterSequenceOwnedBy: lambda c: (phase(K.VIEW), _in(c.sequence), 1),
    SetComment: _comment,
    GrantPrivileges: lambda c: (phase(K.GRANT), (c.grant.object_kind, c.grant.target), 0, c.grant.grantee),
    GrantDefaultPrivileges: lambda c: (
        phase(K.DEFAULT_PRIVILEGE),
        (c.privilege.schema, c.privilege.object_kind),
        1,
        c.privilege.grantee,
    ),
    UpsertReferenceRows: lambda c: (phase(K.REFERENCE_ROWS), _in(c.rows.table), 0),
}


def is_rename(change: Change) -> bool:
    """Whether a change renames (renames run before every change that uses the names)."""
    return isinstance(change, RenameTable | RenameColumn)


def is_drop(change: Change) -> bool:
    """Whether a change removes something (drops run first, in reverse dependency order)."""
    return type(change) in _DROP_ORDER


def sort_key(change: Change) -> tuple:
    """(phase, group, sub-order, name), padded to four parts."""
    kind = type(change)
    if kind in _DROP_ORDER:
        key: tuple = (0, (), _DROP_ORDER[kind])
    else:
        key = _KEYS.get(kind, lambda c: (20, (), 0))(change)
    return key + ("",) * (4 - len(key))
