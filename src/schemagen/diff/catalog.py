"""``diff_catalogs``: every change that takes one catalog to another, kind by kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from schemagen.diff import indexes, tables, types
from schemagen.diff.keyed import split_keys
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    Change,
    DropCompositeType,
    DropDomain,
    DropEnum,
    DropExtension,
    DropIndex,
)
from schemagen.model.deps import type_reference
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column


def diff_catalogs(old: Catalog, new: Catalog) -> list[Change]:
    """The changes from ``old`` to ``new``, unordered but deterministic (``plan`` orders them).

    >>> from schemagen.model import Catalog, Schema
    >>> diff_catalogs(Catalog(), Catalog.of(schemas=[Schema("app")]))
    [CreateSchema(schema=Schema(name='app', comment=None, owner=None))]
    """
    dropped_tables = {k for k in old.tables if k not in new.tables}
    recreated_tables = {
        k for k in old.tables if k in new.tables and tables.needs_recreate(old.tables[k], new.tables[k])
    }
    changes: list[Change] = []
    changes += _kind(old.schemas, new.schemas, types.create_schema, types.drop_schema, types.alter_schema)
    changes += _kind(
        old.extensions,
        new.extensions,
        types.create_extension,
        lambda e: [DropExtension(e)],
        types.alter_extension,
    )
    changes += _kind(
        old.enums,
        new.enums,
        types.create_enum,
        lambda e: [DropEnum(e)],
        lambda o, n: types.alter_enum(o, n, _columns_using(new, n.name)),
    )
    changes += _kind(
        old.domains, new.domains, types.create_domain, lambda d: [DropDomain(d)], types.alter_domain
    )
    changes += _kind(
        old.composite_types,
        new.composite_types,
        types.create_composite,
        lambda c: [DropCompositeType(c)],
        types.alter_composite,
    )
    changes += _kind(
        old.sequences, new.sequences, types.create_sequence, types.drop_sequence, types.alter_sequence
    )
    changes += _kind(
        old.tables,
        new.tables,
        tables.create_table,
        lambda t: tables.drop_table(t, dropped_tables),
        tables.alter_table,
    )
    changes += _kind(
        {k: v for k, v in old.indexes.items() if v.table not in dropped_tables | recreated_tables},
        new.indexes,
        indexes.create_index,
        lambda i: [DropIndex(i)],
        indexes.alter_index,
    )
    return changes


def _kind(
    old: Mapping[Any, Any],
    new: Mapping[Any, Any],
    create: Callable[[Any], list[Change]],
    drop: Callable[[Any], list[Change]],
    alter: Callable[[Any, Any], list[Change]],
) -> list[Change]:
    keys = split_keys(old, new)
    changes: list[Change] = []
    for key in keys.removed:
        changes += drop(old[key])
    for key in keys.added:
        changes += create(new[key])
    for key in keys.common:
        if old[key] != new[key]:
            changes += alter(old[key], new[key])
    return changes


def _columns_using(catalog: Catalog, type_name: QualifiedName) -> tuple[tuple[QualifiedName, Column], ...]:
    return tuple(
        (table.name, column)
        for table in catalog.tables.values()
        if table.partition_of is None
        for column in table.columns
        if type_reference(column.type) == type_name
    )
