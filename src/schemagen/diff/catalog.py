"""``diff_catalogs``: every change that takes one catalog to another, kind by kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from typing import Any

from schemagen.diff import indexes, routines, tables, types
from schemagen.diff.cascade import cascade_recreations
from schemagen.diff.keyed import split_keys
from schemagen.diff.renames import apply_renames
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    Change,
    DropCompositeType,
    DropDomain,
    DropEnum,
    DropExtension,
    DropIndex,
)
from schemagen.model.code_changes import DropPolicy, DropTrigger, DropView
from schemagen.model.deps import type_reference
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column


def diff_catalogs(old: Catalog, new: Catalog) -> list[Change]:
    """The changes from ``old`` to ``new``, unordered but deterministic (``plan`` orders them).

    >>> from schemagen.model import Catalog, Schema
    >>> diff_catalogs(Catalog(), Catalog.of(schemas=[Schema("app")]))
    [CreateSchema(schema=Schema(name='app', comment=None, owner=None))]
    """
    old, renames = apply_renames(old, new)
    dropped_tables = {k for k in old.tables if k not in new.tables}
    recreated_tables = {
        k for k in old.tables if k in new.tables and tables.needs_recreate(old.tables[k], new.tables[k])
    }
    gone_tables = dropped_tables | recreated_tables
    changes: list[Change] = list(renames)
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
        lambda t: tables.drop_table(t, gone_tables),
        lambda o, n: tables.alter_table(o, n, frozenset(gone_tables)),
    )
    changes += _kind(
        _not_on(old.indexes, gone_tables | (old.views.keys() - new.views.keys())),
        new.indexes,
        indexes.create_index,
        lambda i: [DropIndex(i)],
        indexes.alter_index,
    )
    changes += _kind(
        old.functions,
        new.functions,
        routines.create_function,
        routines.drop_function,
        routines.alter_function,
    )
    changes += _kind(old.views, new.views, routines.create_view, lambda v: [DropView(v)], routines.alter_view)
    changes += _kind(
        _not_on(old.triggers, recreated_tables),
        new.triggers,
        routines.create_trigger,
        lambda t: [DropTrigger(t)],
        routines.alter_trigger,
    )
    changes += _kind(
        _not_on(old.policies, recreated_tables),
        new.policies,
        routines.create_policy,
        lambda p: [DropPolicy(p)],
        routines.alter_policy,
    )
    changes += _kind(old.roles, new.roles, routines.create_role, routines.drop_role, routines.alter_role)
    gone = _vanishing_targets(old, new, recreated_tables)
    changes += _kind(
        {k: v for k, v in old.grants.items() if (v.object_kind.lower(), v.target) not in gone},
        new.grants,
        routines.create_grant,
        routines.drop_grant,
        routines.alter_grant,
    )
    changes += _kind(
        old.default_privileges,
        new.default_privileges,
        routines.create_default_privilege,
        routines.drop_default_privilege,
        routines.alter_default_privilege,
    )
    changes += _kind(
        old.reference_rows, new.reference_rows, routines.create_rows, routines.drop_rows, routines.alter_rows
    )
    return changes + cascade_recreations(old, new, changes)


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


def _not_on(objects: Mapping[Any, Any], tables: Set[QualifiedName]) -> dict[Any, Any]:
    """The indexes, triggers or policies of ``objects`` whose table is not in ``tables``."""
    return {k: v for k, v in objects.items() if v.table not in tables}


def _vanishing_targets(old: Catalog, new: Catalog, recreated: set[QualifiedName]) -> set[tuple[str, str]]:
    """(grant object kind, target) of objects that are dropped, so their grants go with them."""

    def removed(mapping_old, mapping_new) -> set[str]:
        return {str(k) for k in mapping_old if k not in mapping_new}

    relations = removed(old.tables, new.tables) | removed(old.views, new.views) | {str(t) for t in recreated}
    types = removed(old.enums, new.enums) | removed(old.domains, new.domains)
    types |= removed(old.composite_types, new.composite_types)
    return {
        *(("schema", s) for s in removed(old.schemas, new.schemas)),
        *((kind, r) for r in relations for kind in ("table", "column")),
        *(("sequence", s) for s in removed(old.sequences, new.sequences)),
        *((kind, f) for f in removed(old.functions, new.functions) for kind in ("function", "procedure")),
        *(("type", t) for t in types),
    }


def _columns_using(catalog: Catalog, type_name: QualifiedName) -> tuple[tuple[QualifiedName, Column], ...]:
    return tuple(
        (table.name, column)
        for table in catalog.tables.values()
        if table.partition_of is None
        for column in table.columns
        if type_reference(column.type) == type_name
    )
