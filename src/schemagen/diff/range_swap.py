"""Range types: created, dropped, and recreated when their definition changes.

A range type whose definition changed (subtype, operator class, collation,
difference function, multirange name) is dropped and created again, unless kept
columns use it (the range, its multirange, an array of either): ``DROP TYPE`` would
refuse, so it is swapped under its columns instead (``RebuildRangeType``).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import replace

from schemagen.diff.comments import comment_changes
from schemagen.diff.simple import DiffFunctions, simple
from schemagen.model.catalog import Catalog
from schemagen.model.changes import AlterColumn, Change, ColumnChange
from schemagen.model.deps import type_reference
from schemagen.model.kinds import ObjectKind
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column
from schemagen.model.ranges import CreateRangeType, DropRangeType, RangeType, RebuildRangeType


def range_functions(old: Catalog, new: Catalog, gone_tables: Set[QualifiedName]) -> DiffFunctions:
    """(create, drop, alter) of range types; ``gone_tables`` are dropped or recreated with their columns."""
    created, dropped, recreated = simple(ObjectKind.RANGE_TYPE, CreateRangeType, DropRangeType)

    def altered(before: RangeType, after: RangeType) -> list[Change]:
        if replace(before, comment=None) == replace(after, comment=None):
            return recreated(before, after)  # only the comment differs
        users = kept_users(old, new, before, after, gone_tables)
        if not users:
            return recreated(before, after)
        return [
            RebuildRangeType(before, after, users),
            *comment_changes("type", after.name, None, after.comment),
        ]

    return created, dropped, altered


def kept_users(
    old: Catalog, new: Catalog, before: RangeType, after: RangeType, gone_tables: Set[QualifiedName]
) -> tuple[tuple[QualifiedName, Column], ...]:
    """The (table, new column) pairs typed with ``after`` (its range or multirange, arrays too)
    whose column ``old`` has, typed with ``before``, on a table that is kept.

    Partitions are left out: converting a partitioned table's column converts theirs.
    """
    old_types = {before.name, before.multirange_name}
    new_types = {after.name, after.multirange_name}
    users: list[tuple[QualifiedName, Column]] = []
    for name, table in new.tables.items():
        kept = old.tables.get(name)
        if kept is None or name in gone_tables or table.partition_of is not None:
            continue
        for column in table.columns:
            was = kept.column(column.name)
            if (
                was is not None
                and type_reference(was.type) in old_types
                and type_reference(column.type) in new_types
            ):
                users.append((name, column))
    return tuple(users)


def without_retyping(changes: list[Change]) -> list[Change]:
    """``changes`` without the ``ALTER COLUMN … TYPE`` of a column a range swap converts.

    A column typed with the multirange whose name changes (``multirange_type_name``) differs
    in type text too; the swap gives it the new type, so its ``AlterColumn`` keeps only its
    other aspects (a default, NOT NULL), or goes.
    """
    converted = {
        (table, column.name)
        for change in changes
        if isinstance(change, RebuildRangeType)
        for table, column in change.columns
    }
    if not converted:
        return changes
    kept: list[Change] = []
    for change in changes:
        if isinstance(change, AlterColumn) and (change.table, change.old.name) in converted:
            rest = change.changes & ~ColumnChange.TYPE
            if rest == change.changes:
                kept.append(change)
            elif rest:
                kept.append(replace(change, old=replace(change.old, type=change.new.type), changes=rest))
            continue
        kept.append(change)
    return kept
