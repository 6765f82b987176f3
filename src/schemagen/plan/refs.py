"""What each change creates, drops and needs: the vertices' edges of the plan graph.

``needs_new`` must exist before the change runs (created earlier in the plan
when they are new); ``needs_old`` are objects of the old catalog the change
still uses, so it runs before they are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from schemagen.model import deps, foreign_deps, support_deps
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
    ColumnChange,
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
    SetClusterOn,
    SetColumnCompression,
    SetColumnOptions,
    SetColumnStatistics,
    SetColumnStorage,
    SetComment,
    SetIndexStatistics,
    SetIndexStorage,
    SetOwner,
    SetReplicaIdentity,
    SetTableLogged,
    SetTableStorage,
    UpdateExtension,
)
from schemagen.model.deps import ObjectRef
from schemagen.model.kinds import ObjectKind, comment_kind
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CheckConstraint,
    Column,
    Domain,
    ExcludeConstraint,
    ForeignKey,
    Index,
    PrimaryKey,
    UniqueConstraint,
)
from schemagen.model.rename_changes import (
    RenameColumn,
    RenameConstraint,
    RenameEnumValue,
    RenameIndex,
    RenameObject,
    RenameTable,
)
from schemagen.plan.code_refs import CODE_RULES
from schemagen.plan.foreign_refs import FOREIGN_RULES
from schemagen.plan.refs_base import Refs, paired_rules, refs
from schemagen.plan.relation_names import relation_names
from schemagen.plan.safe_refs import SAFE_RULES
from schemagen.plan.support_refs import SUPPORT_RULES


def _constraint_provides(table: QualifiedName, constraint: Constraint) -> set[ObjectRef]:
    provided = {deps.constraint_ref(table, constraint.name)}
    if isinstance(constraint, PrimaryKey | UniqueConstraint):
        provided.add(deps.key_ref(table, constraint.columns))
    return provided


def _constraint_needs(table: QualifiedName, constraint: Constraint) -> set[ObjectRef]:
    if isinstance(constraint, ForeignKey):
        return deps.foreign_key_needs(table, constraint)
    needs = {deps.table_ref(table)}
    if isinstance(constraint, CheckConstraint):
        needs |= deps.expression_needs(constraint.expression, table)
    if isinstance(constraint, PrimaryKey | UniqueConstraint):
        needs |= {deps.column_ref(table, c) for c in (*constraint.columns, *constraint.include)}
    if isinstance(constraint, ExcludeConstraint):
        needs |= {deps.column_ref(table, c) for c in constraint.include}
    return needs


def _cluster_index(change: SetClusterOn) -> set[ObjectRef]:
    if change.index is None:
        return set()
    if change.constraint:
        return {deps.constraint_ref(change.table, change.index)}
    return {deps.index_ref(QualifiedName(change.table.schema, change.index))}


def _replica_index(change: SetReplicaIdentity) -> set[ObjectRef]:
    if change.identity != "index" or change.index is None:
        return set()
    if change.constraint:
        return {deps.constraint_ref(change.table, change.index)}
    return {deps.index_ref(QualifiedName(change.table.schema, change.index))}


def _index_provides(index: Index) -> set[ObjectRef]:
    provided = {deps.index_ref(index.name)}
    if index.unique and index.where is None and all(e.column for e in index.elements):
        provided.add(deps.key_ref(index.table, tuple(e.column or "" for e in index.elements)))
    return provided


_COMMENT_TARGETS: dict[ObjectKind, Callable[[QualifiedName, str], ObjectRef]] = {
    ObjectKind.SCHEMA: lambda name, _: deps.schema_ref(name.name),
    ObjectKind.EXTENSION: lambda name, _: deps.extension_ref(name.name),
    ObjectKind.FOREIGN_DATA_WRAPPER: lambda name, _: foreign_deps.wrapper_ref(name.name),
    ObjectKind.FOREIGN_SERVER: lambda name, _: foreign_deps.server_ref(name.name),
    ObjectKind.ENUM: lambda name, _: deps.type_ref(name),
    ObjectKind.DOMAIN: lambda name, _: deps.type_ref(name),
    ObjectKind.DOMAIN_CONSTRAINT: deps.constraint_ref,
    ObjectKind.SEQUENCE: lambda name, _: deps.sequence_ref(name),
    ObjectKind.TABLE: lambda name, _: deps.table_ref(name),
    ObjectKind.FOREIGN_TABLE: lambda name, _: deps.table_ref(name),
    ObjectKind.COLUMN: deps.column_ref,
    ObjectKind.CONSTRAINT: deps.constraint_ref,
    ObjectKind.INDEX: lambda name, _: deps.index_ref(name),
    ObjectKind.FUNCTION: lambda name, _: deps.function_ref(name),
    ObjectKind.VIEW: lambda name, _: deps.table_ref(name),
    ObjectKind.TRIGGER: deps.trigger_ref,
    ObjectKind.POLICY: deps.policy_ref,
    ObjectKind.ROLE: lambda name, _: deps.role_ref(name.name),
    ObjectKind.COLLATION: lambda name, _: deps.collation_ref(name),
    ObjectKind.STATISTICS: lambda name, _: support_deps.statistics_ref(name),
    ObjectKind.RULE: support_deps.rule_ref,
    ObjectKind.PUBLICATION: lambda name, _: support_deps.publication_ref(name.name),
    ObjectKind.EVENT_TRIGGER: lambda name, _: support_deps.event_trigger_ref(name.name),
    ObjectKind.OPERATOR: lambda name, _: support_deps.operator_ref(name),
    ObjectKind.OPERATOR_FAMILY: lambda name, _: support_deps.opfamily_ref(name),
    ObjectKind.OPERATOR_CLASS: lambda name, _: support_deps.opclass_ref(name),
    ObjectKind.AGGREGATE: lambda name, _: deps.function_ref(name),
    ObjectKind.TEXT_SEARCH_DICTIONARY: lambda name, _: support_deps.text_search_ref(name, "dictionary"),
    ObjectKind.TEXT_SEARCH_CONFIGURATION: lambda name, _: support_deps.text_search_ref(name, "configuration"),
}
"""What a ``COMMENT ON`` of each kind needs: (name, member) → the commented object."""


def _comment_target(change: SetComment) -> ObjectRef:
    return _COMMENT_TARGETS[comment_kind(change.kind)](change.name, change.member or "")


def _owned_target(change: SetOwner) -> ObjectRef:
    """The object an ``ALTER … OWNER TO`` names (found as its comment would be)."""
    return _COMMENT_TARGETS[comment_kind(change.kind)](change.name, "")


def commented_kinds() -> frozenset[ObjectKind]:
    """Kinds whose comments the planner can order (a test checks every commentable kind)."""
    return frozenset(_COMMENT_TARGETS)


def _domain_provides(domain: Domain) -> set[ObjectRef]:
    return {deps.type_ref(domain.name), *(deps.constraint_ref(domain.name, c.name) for c in domain.checks)}


def _ownerrefs(owner: tuple[QualifiedName, str] | None) -> set[ObjectRef]:
    if owner is None:
        return set()
    return {deps.table_ref(owner[0]), deps.column_ref(owner[0], owner[1])}


def _schema_of(name: str | None) -> set[ObjectRef]:
    return {deps.schema_ref(name)} if name else set()


def _retyped_column(change: AlterColumn) -> dict[str, set[ObjectRef]]:
    """A new type or collation replaces the column for what uses it: drop those first, create them after."""
    if not change.changes & (ColumnChange.TYPE | ColumnChange.COLLATION):
        return {}
    column = {deps.column_ref(change.table, change.old.name)}
    return {"drops": column, "creates": column}


def _expressions_needs(table: QualifiedName, column: Column) -> set[ObjectRef]:
    return set(deps.expression_needs(column.default, table) | deps.expression_needs(column.generated, table))


def _alter_column(change: AlterColumn) -> Refs:
    """The new column and what it uses; of the old, its type only when the type changes.

    A change that only takes a default off needs nothing new but the table (so it can run
    before what its default used is dropped, and before the column's type is swapped).
    """
    table = change.table
    if change.changes == ColumnChange.DEFAULT and change.new.default is None:
        needs_new = {deps.table_ref(table)}
    else:
        needs_new = {deps.table_ref(table), deps.column_ref(table, change.new.name)}
        needs_new |= deps.column_needs(table, change.new)
    retyped = bool(change.changes & (ColumnChange.TYPE | ColumnChange.COLLATION))
    needs_old = deps.column_needs(table, change.old) if retyped else _expressions_needs(table, change.old)
    return refs(needs_new=needs_new, needs_old=needs_old, **_retyped_column(change))


_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    CreateSchema: lambda c: refs(creates={deps.schema_ref(c.schema.name)}),
    DropSchema: lambda c: refs(drops={deps.schema_ref(c.schema.name)}),
    UpdateExtension: lambda c: refs(needs_new={deps.extension_ref(c.name)}),
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
        # like a column type change, it drops and creates its columns: dependents go before, come after
        # (the columns are those the old catalog had; columns added with the type come after)
        creates={
            deps.type_ref(c.new.name),
            *(deps.column_ref(table, column.name) for table, column in c.columns),
        },
        # the old type is renamed away: what is typed with it goes before, comes back after
        drops={
            deps.type_ref(c.new.name),
            *(deps.column_ref(table, column.name) for table, column in c.columns),
        },
        needs_new={
            deps.type_ref(c.new.name),
            *(deps.column_ref(table, column.name) for table, column in c.columns),
        },
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
        needs_new={deps.sequence_ref(c.sequence), *_ownerrefs(c.new)}
        | ({deps.role_ref(c.owner)} if c.owner else set()),
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
    AlterColumn: _alter_column,
    SetTableLogged: lambda c: refs(needs_new={deps.table_ref(c.table)}),
    SetTableStorage: lambda c: refs(needs_new={deps.table_ref(c.table)}),
    SetClusterOn: lambda c: refs(needs_new={deps.table_ref(c.table), *_cluster_index(c)}),
    SetIndexStatistics: lambda c: refs(
        needs_new={
            deps.constraint_ref(c.constraint_of, c.index.name)
            if c.constraint_of is not None
            else deps.index_ref(c.index)
        }
    ),
    SetIndexStorage: lambda c: refs(needs_new={deps.constraint_ref(c.table, c.constraint)}),
    SetColumnStatistics: lambda c: refs(needs_new={deps.column_ref(c.table, c.column)}),
    SetColumnStorage: lambda c: refs(needs_new={deps.column_ref(c.table, c.column)}),
    SetColumnCompression: lambda c: refs(needs_new={deps.column_ref(c.table, c.column)}),
    SetColumnOptions: lambda c: refs(needs_new={deps.column_ref(c.table, c.column)}),
    SetReplicaIdentity: lambda c: refs(needs_new={deps.table_ref(c.table), *_replica_index(c)}),
    **paired_rules(
        AddConstraint,
        DropConstraint,
        lambda c: _constraint_provides(c.table, c.constraint),
        lambda c: _constraint_needs(c.table, c.constraint),
    ),
    **paired_rules(
        CreateIndex, DropIndex, lambda c: _index_provides(c.index), lambda c: deps.index_needs(c.index)
    ),
    DropIndex: lambda c: refs(
        drops=_index_provides(c.index).union(*(_constraint_provides(t, k) for t, k in c.attached)),
        needs_old=deps.index_needs(c.index).union(*(_constraint_needs(t, k) for t, k in c.attached)),
    ),
    SetComment: lambda c: refs(needs_new={_comment_target(c)}),
    SetOwner: lambda c: refs(needs_new={_owned_target(c), deps.role_ref(c.owner)}),
    RenameTable: lambda c: refs(
        creates=deps.table_provides(c.table),
        drops=deps.table_provides(replace(c.table, name=c.old_name)),
        needs_new={deps.schema_ref(c.table.name.schema)},
    ),
    RenameColumn: lambda c: refs(
        creates={deps.column_ref(c.table, c.new_name)}, needs_new={deps.table_ref(c.table)}
    ),
    RenameIndex: lambda c: refs(
        creates={deps.index_ref(c.new_name)}, needs_new={deps.schema_ref(c.new_name.schema)}
    ),
    RenameConstraint: lambda c: refs(
        creates={deps.constraint_ref(c.table, c.new_name)}, needs_new={deps.table_ref(c.table)}
    ),
    # the object stays (what uses it follows by OID); renames run before every other change
    RenameObject: lambda c: refs(needs_new={deps.schema_ref(c.new_name.schema)}),
    RenameEnumValue: lambda c: refs(
        creates={deps.enum_value_ref(c.enum, c.new_label)}, needs_new={deps.type_ref(c.enum)}
    ),
    **CODE_RULES,
    **SAFE_RULES,
    **SUPPORT_RULES,
    **FOREIGN_RULES,
}


def refs_of(change: Change) -> Refs:
    """The refs of one change; every change class must have a rule."""
    try:
        rule = _RULES[type(change)]
    except KeyError:
        raise TypeError(f"no dependency rule for {type(change).__name__}") from None
    found = rule(change)
    takes, frees = relation_names(change)
    if not takes and not frees:
        return found
    return replace(found, creates=found.creates | takes, drops=found.drops | frees)


def classes_with_rules() -> frozenset[type[Change]]:
    """Change classes the planner knows (a test checks this covers every class)."""
    return frozenset(_RULES)
