"""What each change creates, drops and needs: the vertices' edges of the plan graph.

``needs_new`` must exist before the change runs (created earlier in the plan
when they are new); ``needs_old`` are objects of the old catalog the change
still uses, so it runs before they are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from schemagen.model import deps
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
    Constraint,
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
from schemagen.model.deps import ObjectRef
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Domain, ExcludeConstraint, ForeignKey, Index, PrimaryKey, UniqueConstraint
from schemagen.model.rename_changes import RenameColumn, RenameTable
from schemagen.plan.code_refs import CODE_RULES
from schemagen.plan.refs_base import Refs, paired_rules, refs


def _constraint_provides(table: QualifiedName, constraint: Constraint) -> set[ObjectRef]:
    provided = {deps.constraint_ref(table, constraint.name)}
    if isinstance(constraint, PrimaryKey | UniqueConstraint):
        provided.add(deps.key_ref(table, constraint.columns))
    return provided


def _constraint_needs(table: QualifiedName, constraint: Constraint) -> set[ObjectRef]:
    if isinstance(constraint, ForeignKey):
        return deps.foreign_key_needs(table, constraint)
    needs = {deps.table_ref(table)}
    if isinstance(constraint, PrimaryKey | UniqueConstraint):
        needs |= {deps.column_ref(table, c) for c in (*constraint.columns, *constraint.include)}
    if isinstance(constraint, ExcludeConstraint):
        needs |= {deps.column_ref(table, c) for c in constraint.include}
    return needs


def _index_provides(index: Index) -> set[ObjectRef]:
    provided = {deps.index_ref(index.name)}
    if index.unique and index.where is None and all(e.column for e in index.elements):
        provided.add(deps.key_ref(index.table, tuple(e.column or "" for e in index.elements)))
    return provided


def _comment_target(change: SetComment) -> ObjectRef:
    name, member = change.name, change.member or ""
    by_kind = {
        "schema": lambda: deps.schema_ref(name.name),
        "extension": lambda: deps.extension_ref(name.name),
        "type": lambda: deps.type_ref(name),
        "domain": lambda: deps.type_ref(name),
        "domain constraint": lambda: deps.constraint_ref(name, member),
        "sequence": lambda: deps.sequence_ref(name),
        "table": lambda: deps.table_ref(name),
        "column": lambda: deps.column_ref(name, member),
        "constraint": lambda: deps.constraint_ref(name, member),
        "index": lambda: deps.index_ref(name),
        "function": lambda: deps.function_ref(name),
        "procedure": lambda: deps.function_ref(name),
        "view": lambda: deps.table_ref(name),
        "materialized view": lambda: deps.table_ref(name),
        "trigger": lambda: deps.trigger_ref(name, member),
        "policy": lambda: deps.policy_ref(name, member),
        "role": lambda: deps.role_ref(name.name),
    }
    if change.kind in by_kind:
        return by_kind[change.kind]()
    return ObjectRef(change.kind, name.schema, name.name, member)


def _domain_provides(domain: Domain) -> set[ObjectRef]:
    return {deps.type_ref(domain.name), *(deps.constraint_ref(domain.name, c.name) for c in domain.checks)}


def _ownerrefs(owner: tuple[QualifiedName, str] | None) -> set[ObjectRef]:
    if owner is None:
        return set()
    return {deps.table_ref(owner[0]), deps.column_ref(owner[0], owner[1])}


def _schema_of(name: str | None) -> set[ObjectRef]:
    return {deps.schema_ref(name)} if name else set()


_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    CreateSchema: lambda c: refs(
        creates={deps.schema_ref(c.schema.name)},
        needs_new={deps.role_ref(c.schema.owner)} if c.schema.owner else (),
    ),
    DropSchema: lambda c: refs(drops={deps.schema_ref(c.schema.name)}),
    **paired_rules(
        CreateExtension,
        DropExtension,
        lambda c: {deps.extension_ref(c.extension.name)},
        lambda c: _schema_of(c.extension.schema),
    ),
    **paired_rules(
        CreateEnum,
        DropEnum,
        lambda c: {deps.type_ref(c.enum.name)},
        lambda c: {deps.schema_ref(c.enum.name.schema)},
    ),
    AddEnumValue: lambda c: refs(
        creates={deps.enum_value_ref(c.enum, c.label)},
        needs_new={
            deps.type_ref(c.enum),
            *(deps.enum_value_ref(c.enum, x) for x in (c.before, c.after) if x is not None),
        },
    ),
    RebuildEnum: lambda c: refs(
        needs_new={
            deps.type_ref(c.new.name),
            *(deps.column_ref(table, column.name) for table, column in c.columns),
        }
    ),
    **paired_rules(
        CreateDomain, DropDomain, lambda c: _domain_provides(c.domain), lambda c: deps.domain_needs(c.domain)
    ),
    AlterDomain: lambda c: refs(needs_new={deps.type_ref(c.new.name)}),
    **paired_rules(
        AddDomainConstraint,
        DropDomainConstraint,
        lambda c: {deps.constraint_ref(c.domain, c.check.name)},
        lambda c: {deps.type_ref(c.domain)},
    ),
    **paired_rules(
        CreateCompositeType,
        DropCompositeType,
        lambda c: {deps.type_ref(c.type.name)},
        lambda c: deps.composite_needs(c.type),
    ),
    **paired_rules(
        CreateSequence,
        DropSequence,
        lambda c: {deps.sequence_ref(c.sequence.name)},
        lambda c: deps.sequence_needs(c.sequence),
    ),
    AlterSequence: lambda c: refs(needs_new={deps.sequence_ref(c.new.name)}),
    AlterSequenceOwnedBy: lambda c: refs(
        needs_new={deps.sequence_ref(c.sequence), *_ownerrefs(c.new)},
        needs_old={deps.sequence_ref(c.sequence), *_ownerrefs(c.old)},
    ),
    **paired_rules(
        CreateTable, DropTable, lambda c: deps.table_provides(c.table), lambda c: deps.table_needs(c.table)
    ),
    **paired_rules(
        AddColumn,
        DropColumn,
        lambda c: {deps.column_ref(c.table, c.column.name)},
        lambda c: {deps.table_ref(c.table), *deps.column_needs(c.table, c.column)},
    ),
    AlterColumn: lambda c: refs(
        needs_new={
            deps.table_ref(c.table),
            deps.column_ref(c.table, c.new.name),
            *deps.column_needs(c.table, c.new),
        },
        needs_old=deps.column_needs(c.table, c.old),
    ),
    SetTableLogged: lambda c: refs(needs_new={deps.table_ref(c.table)}),
    **paired_rules(
        AddConstraint,
        DropConstraint,
        lambda c: _constraint_provides(c.table, c.constraint),
        lambda c: _constraint_needs(c.table, c.constraint),
    ),
    **paired_rules(
        CreateIndex, DropIndex, lambda c: _index_provides(c.index), lambda c: deps.index_needs(c.index)
    ),
    SetComment: lambda c: refs(needs_new={_comment_target(c)}),
    RenameTable: lambda c: refs(
        creates=deps.table_provides(c.table),
        drops=deps.table_provides(replace(c.table, name=c.old_name)),
        needs_new={deps.schema_ref(c.table.name.schema)},
    ),
    RenameColumn: lambda c: refs(
        creates={deps.column_ref(c.table, c.new_name)}, needs_new={deps.table_ref(c.table)}
    ),
    **CODE_RULES,
}


def refs_of(change: Change) -> Refs:
    """The refs of one change; every change class must have a rule."""
    try:
        rule = _RULES[type(change)]
    except KeyError:
        raise TypeError(f"no dependency rule for {type(change).__name__}") from None
    return rule(change)


def classes_with_rules() -> frozenset[type[Change]]:
    """Change classes the planner knows (a test checks this covers every class)."""
    return frozenset(_RULES)
