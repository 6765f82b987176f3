"""Comparators for tables: columns, constraints, partitions and their comments.

Foreign keys are always separate ``AddConstraint`` changes, even for a new
table, so reference cycles and table order never matter.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.comments import comment_changes
from schemagen.diff.expressions import same_expression
from schemagen.diff.keyed import by_name, split_keys
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    AddColumn,
    AddConstraint,
    AlterColumn,
    Change,
    ColumnChange,
    Constraint,
    CreateIndex,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropIndex,
    DropTable,
    SetClusterOn,
    SetColumnCompression,
    SetColumnOptions,
    SetColumnStatistics,
    SetColumnStorage,
    SetIndexStatistics,
    SetIndexStorage,
    SetReplicaIdentity,
    SetTableLogged,
    SetTableStorage,
)
from schemagen.model.code_changes import SetRowLevelSecurity
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CheckConstraint,
    Column,
    ExcludeConstraint,
    PrimaryKey,
    Table,
    UniqueConstraint,
)
from schemagen.model.pg.types import default_storage


def constraints_of(table: Table) -> dict[str, Constraint]:
    """Every constraint of a table by name (PK, UNIQUE, FK, CHECK, EXCLUDE)."""
    found: list[Constraint] = [
        *([table.primary_key] if table.primary_key else []),
        *table.uniques,
        *table.foreign_keys,
        *table.checks,
        *table.excludes,
    ]
    return {c.name: c for c in sorted(found, key=lambda c: c.name)}


def same_constraint(old: Constraint, new: Constraint) -> bool:
    """Equal constraints, comparing expressions through ``same_expression``; comments aside."""
    if type(old) is not type(new):
        return False
    if isinstance(old, CheckConstraint) and isinstance(new, CheckConstraint):
        if not same_expression(old.expression, new.expression):
            return False
        old, new = replace(old, expression=""), replace(new, expression="")
    if isinstance(old, ExcludeConstraint) and isinstance(new, ExcludeConstraint):
        if not same_expression(old.where, new.where):
            return False
        old, new = replace(old, where=None), replace(new, where=None)
    return _bare(old) == _bare(new)


def _bare(constraint: Constraint) -> Constraint:
    """Without its comment and its index's storage parameters (both changed in place)."""
    if isinstance(constraint, ExcludeConstraint):
        elements = tuple(replace(e, statistics=None) for e in constraint.elements)
        return replace(constraint, comment=None, storage_parameters=(), elements=elements)
    if isinstance(constraint, PrimaryKey | UniqueConstraint):
        return replace(constraint, comment=None, storage_parameters=())
    return replace(constraint, comment=None)


def exclude_statistics(table: QualifiedName, new: Constraint, old: Constraint | None = None) -> list[Change]:
    """``SET STATISTICS`` of an EXCLUDE constraint's expression keys (from the default when new)."""
    if not isinstance(new, ExcludeConstraint):
        return []
    before = old.elements if isinstance(old, ExcludeConstraint) else ()
    index = QualifiedName(table.schema, new.name)
    changes: list[Change] = []
    for position, element in enumerate(new.elements, start=1):
        previous = before[position - 1].statistics if position <= len(before) else None
        if element.statistics != previous:
            changes.append(SetIndexStatistics(index, position, element.statistics, previous, table))
    return changes


def _index_storage(table: QualifiedName, old: Constraint, new: Constraint) -> list[Change]:
    """``ALTER INDEX … SET/RESET (…)`` where a kept key constraint's index parameters differ."""
    before = getattr(old, "storage_parameters", ())
    after = getattr(new, "storage_parameters", ())
    if before == after:
        return []
    return [SetIndexStorage(table, new.name, after, before)]


def _column_comments(table: QualifiedName, columns: list[Column], old: dict[str, Column]) -> list[Change]:
    changes: list[Change] = []
    for column in columns:
        before = old.get(column.name)
        changes += comment_changes(
            "column", table, before.comment if before else None, column.comment, member=column.name
        )
    return changes


def _column_attributes(table: QualifiedName, columns: list[Column], old: dict[str, Column]) -> list[Change]:
    """``SET STATISTICS``, ``STORAGE``, ``COMPRESSION`` and attribute options where a column's
    differ from the old one's (new columns: from the defaults)."""
    changes: list[Change] = []
    for column in columns:
        before = old.get(column.name) or Column(column.name, column.type)
        name = column.name
        if column.statistics != before.statistics:
            changes.append(SetColumnStatistics(table, name, column.statistics, before.statistics))
        if column.storage != before.storage:
            default = default_storage(column.type)
            changes.append(SetColumnStorage(table, name, column.storage, before.storage, default))
        if column.compression != before.compression:
            changes.append(SetColumnCompression(table, name, column.compression, before.compression))
        if column.options != before.options:
            changes.append(SetColumnOptions(table, name, column.options, before.options))
    return changes


def _constraint_comments(
    table: QualifiedName, constraints: list[Constraint], old: dict[str, Constraint]
) -> list[Change]:
    changes: list[Change] = []
    for constraint in constraints:
        before = old.get(constraint.name)
        changes += comment_changes(
            "constraint",
            table,
            before.comment if before else None,
            constraint.comment,
            member=constraint.name,
        )
    return changes


def create_table(table: Table) -> list[Change]:
    """CREATE TABLE, then its foreign keys and every comment."""
    create = CreateTable(table)
    changes: list[Change] = [create]
    changes += [AddConstraint(table.name, fk) for fk in sorted(table.foreign_keys, key=lambda c: c.name)]
    changes += [AddConstraint(table.name, c) for c in table.checks if c.not_valid]  # see inline_constraints
    if table.rls_enabled or table.rls_forced:
        changes.append(SetRowLevelSecurity(table.name, table.rls_enabled, table.rls_forced))
    if table.cluster_on:
        changes.append(cluster_on(table))
    if table.replica_identity != "default":
        changes.append(replica_identity(table))
    changes += comment_changes("table", table.name, None, table.comment)
    changes += _column_attributes(table.name, list(table.columns), {})
    for exclude in table.excludes:
        changes += exclude_statistics(table.name, exclude)
    changes += _column_comments(table.name, list(table.columns), {})
    not_valid = [c for c in table.checks if c.not_valid]
    changes += _constraint_comments(
        table.name, [*create.inline_constraints, *not_valid, *table.foreign_keys], {}
    )
    return changes


def drop_table(table: Table, dropped: set[QualifiedName]) -> list[Change]:
    """Drop a table; its foreign keys to other dropped tables go first, so cycles resolve."""
    changes: list[Change] = [
        DropConstraint(table.name, fk)
        for fk in sorted(table.foreign_keys, key=lambda c: c.name)
        if fk.ref_table in dropped and fk.ref_table != table.name
    ]
    return [*changes, DropTable(table)]


def column_changes(old: Column, new: Column) -> ColumnChange:
    """The flag of everything that differs between two versions of a column."""
    flags = ColumnChange.NONE
    if old.type != new.type:
        flags |= ColumnChange.TYPE
    if old.collation != new.collation:
        flags |= ColumnChange.COLLATION
    if not same_expression(old.default, new.default):
        flags |= ColumnChange.DEFAULT
    if old.not_null != new.not_null:
        flags |= ColumnChange.NOT_NULL
    if old.identity != new.identity:
        flags |= ColumnChange.IDENTITY
    if not same_expression(old.generated, new.generated):
        flags |= ColumnChange.GENERATED
    return flags


def own_not_null(table: Table, catalog: Catalog) -> list[Change]:
    """A new partition's own NOT NULL columns (CREATE TABLE … PARTITION OF takes the parent's)."""
    bound = table.partition_of
    parent = catalog.tables.get(bound.parent) if bound is not None else None
    if parent is None:
        return []
    keyed = set(table.primary_key.columns) if table.primary_key else set()
    return [
        AlterColumn(table.name, replace(c, not_null=False), c, ColumnChange.NOT_NULL)
        for c in table.columns
        if c.not_null and c.name not in keyed and (p := parent.column(c.name)) is not None and not p.not_null
    ]


def needs_recreate(old: Table, new: Table) -> bool:
    """Whether ``old`` must be dropped and created again (its partitioning changed)."""
    return (
        old.partition_by != new.partition_by
        or old.partition_of != new.partition_of
        or old.inherits != new.inherits
    )


def alter_table(old: Table, new: Table, vanishing: frozenset[QualifiedName] = frozenset()) -> list[Change]:
    """Changes that take ``old`` to ``new`` in place; a new partitioning recreates the table.

    ``vanishing`` are the tables dropped or recreated by the same diff.
    """
    if needs_recreate(old, new):
        return [*drop_table(old, set(vanishing)), *create_table(new)]
    name = new.name
    changes: list[Change] = []
    if old.unlogged != new.unlogged:
        changes.append(SetTableLogged(name, new.unlogged))
    if old.storage_parameters != new.storage_parameters:
        changes.append(SetTableStorage(name, new.storage_parameters, old.storage_parameters))
    if old.cluster_on != new.cluster_on:
        changes.append(cluster_on(new, old))
    if (old.replica_identity, old.replica_identity_index) != (
        new.replica_identity,
        new.replica_identity_index,
    ):
        changes.append(replica_identity(new, old))
    if (old.rls_enabled, old.rls_forced) != (new.rls_enabled, new.rls_forced):
        changes.append(
            SetRowLevelSecurity(name, new.rls_enabled, new.rls_forced, old.rls_enabled, old.rls_forced)
        )
    changes += _alter_columns(old, new)
    changes += _alter_constraints(old, new)
    changes += comment_changes("table", name, old.comment, new.comment)
    return changes


_INHERITED = ColumnChange.TYPE | ColumnChange.COLLATION | ColumnChange.GENERATED | ColumnChange.IDENTITY
"""What a partition's column takes from its parent. Identity too: PostgreSQL 17 and later
show the parent's on each partition, 15 and 16 none (inserts go through the parent's)."""


def _alter_columns(old: Table, new: Table) -> list[Change]:
    """Column changes; a partition's columns come from its parent, so only its own defaults
    and NOT NULL are compared there."""
    old_columns, new_columns = by_name(old.columns), by_name(new.columns)
    keys = split_keys(old_columns, new_columns)
    partition = new.partition_of is not None
    added = set() if partition else set(keys.added)
    # columns from INHERITS parents come and go with the parents' (ALTER TABLE recurses)
    changes: list[Change] = [
        AddColumn(new.name, c) for c in new.columns if c.name in added and not c.inherited
    ]
    if not partition:
        changes += [
            DropColumn(new.name, old_columns[k]) for k in keys.removed if not old_columns[k].inherited
        ]
    for key in keys.common:
        before, after = old_columns[key], new_columns[key]
        flags = column_changes(before, after)
        if partition or after.inherited:
            flags &= ~_INHERITED
        if (before.generated is None and after.generated is not None) or before.virtual != after.virtual:
            # PostgreSQL cannot turn a stored column into a generated one (the values are computed
            # anyway), nor a virtual generated column into a stored one or back
            changes += [DropColumn(new.name, before), AddColumn(new.name, after)]
        elif flags:
            changes.append(AlterColumn(new.name, before, after, flags))
    readded = {c.column.name for c in changes if isinstance(c, DropColumn)}
    kept = {k: v for k, v in old_columns.items() if k not in readded}
    for key in keys.common:  # ALTER COLUMN … TYPE gives the column its new type's storage
        if key in kept and kept[key].type != new_columns[key].type:
            kept[key] = replace(kept[key], storage=None, compression=None)
    changes += _column_attributes(new.name, list(new.columns), kept)
    return changes + _column_comments(new.name, list(new.columns), old_columns)


def _alter_constraints(old: Table, new: Table) -> list[Change]:
    old_constraints, new_constraints = constraints_of(old), constraints_of(new)
    keys = split_keys(old_constraints, new_constraints)
    changed = [k for k in keys.common if not same_constraint(old_constraints[k], new_constraints[k])]
    changes: list[Change] = [
        DropConstraint(new.name, old_constraints[k]) for k in sorted([*keys.removed, *changed])
    ]
    changes += [AddConstraint(new.name, new_constraints[k]) for k in sorted([*keys.added, *changed])]
    kept = {k: v for k, v in old_constraints.items() if k not in changed}
    for key in sorted([*keys.added, *changed]):
        changes += exclude_statistics(new.name, new_constraints[key])
    for key in keys.common:
        if key not in changed:
            changes += _index_storage(new.name, old_constraints[key], new_constraints[key])
            changes += exclude_statistics(new.name, new_constraints[key], old_constraints[key])
    return changes + _constraint_comments(new.name, list(new_constraints.values()), kept)


def _is_key(table: Table | None, name: str | None) -> bool:
    if table is None or name is None:
        return False
    keys = [*([table.primary_key] if table.primary_key else []), *table.uniques, *table.excludes]
    return any(k.name == name for k in keys)


def cluster_on(new: Table, old: Table | None = None) -> SetClusterOn:
    """``CLUSTER ON`` the new table's index (a key constraint's, or an index of its schema)."""
    return SetClusterOn(
        new.name,
        new.cluster_on,
        old.cluster_on if old else None,
        _is_key(new, new.cluster_on),
        _is_key(old, old.cluster_on if old else None),
    )


def replica_identity(new: Table, old: Table | None = None) -> SetReplicaIdentity:
    """``REPLICA IDENTITY`` of the new table (``USING INDEX``: a key constraint's or an index's)."""
    return SetReplicaIdentity(
        new.name,
        new.replica_identity,
        new.replica_identity_index,
        old.replica_identity if old else "default",
        old.replica_identity_index if old else None,
        _is_key(new, new.replica_identity_index),
        _is_key(old, old.replica_identity_index if old else None),
    )


def marks_on_recreated_indexes(new: Catalog, changes: list[Change]) -> list[Change]:
    """``CLUSTER ON`` and ``REPLICA IDENTITY USING INDEX`` again where their index is dropped and
    created by ``changes`` (PostgreSQL forgets both marks with the dropped index)."""
    recreated: dict[QualifiedName, set[str]] = {}
    dropped = {(c.index.table, c.index.name.name) for c in changes if isinstance(c, DropIndex)}
    dropped |= {(c.table, c.constraint.name) for c in changes if isinstance(c, DropConstraint)}
    for change in changes:
        if isinstance(change, CreateIndex):
            table, name = change.index.table, change.index.name.name
        elif isinstance(change, AddConstraint):
            table, name = change.table, change.constraint.name
        else:
            continue
        if (table, name) in dropped:
            recreated.setdefault(table, set()).add(name)
    marked = {(type(c), c.table) for c in changes if isinstance(c, SetClusterOn | SetReplicaIdentity)}
    extra: list[Change] = []
    for name in sorted(recreated):
        table = new.tables.get(name)
        if table is None:
            continue
        if table.cluster_on in recreated[name] and (SetClusterOn, name) not in marked:
            extra.append(cluster_on(table))
        if table.replica_identity_index in recreated[name] and (SetReplicaIdentity, name) not in marked:
            extra.append(replica_identity(table))
    return extra


def kept_by_children(old: Catalog, new: Catalog, changes: list[Change]) -> list[Change]:
    """``changes`` with ``DROP COLUMN`` made ``ONLY`` where an INHERITS child keeps the column as
    its own (without ONLY PostgreSQL drops the child's inherited copy with the parent's)."""
    result: list[Change] = []
    for change in changes:
        if isinstance(change, DropColumn) and _kept_by_a_child(old, new, change.table, change.column.name):
            change = replace(change, only=True)
        result.append(change)
    return result


def _kept_by_a_child(old: Catalog, new: Catalog, parent: QualifiedName, column: str) -> bool:
    for name, table in old.tables.items():
        if parent not in table.inherits or name not in new.tables:
            continue
        after = new.tables[name].column(column)
        if after is not None and not after.inherited:
            return True
    return False
