"""The whole declared or live database: every object, keyed by identity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from schemagen.model.foreign import ForeignDataWrapper, ForeignServer, ForeignTable, UserMapping
from schemagen.model.identity import ObjectId
from schemagen.model.kinds import CATALOG_KINDS, OWNED_KINDS, ObjectKind
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CompositeType,
    Domain,
    EnumType,
    Extension,
    Index,
    Schema,
    Sequence,
    Table,
)
from schemagen.model.opclasses import OperatorClass, OperatorFamily
from schemagen.model.ranges import RangeType
from schemagen.model.routines import (
    DefaultPrivilege,
    Function,
    Grant,
    Policy,
    ReferenceRows,
    Role,
    Trigger,
    View,
)
from schemagen.model.support import (
    Aggregate,
    Collation,
    EventTrigger,
    Operator,
    Publication,
    Rule,
    Statistics,
    TextSearchConfiguration,
    TextSearchDictionary,
)


@dataclass(frozen=True)
class Catalog:
    """Every object of a database, each mapping sorted by key.

    Build one with ``Catalog.of(...)`` so the mappings are sorted and the
    iteration order (and therefore every output) is deterministic.
    """

    extensions: dict[str, Extension] = field(default_factory=dict)
    foreign_data_wrappers: dict[str, ForeignDataWrapper] = field(default_factory=dict)
    foreign_servers: dict[str, ForeignServer] = field(default_factory=dict)
    user_mappings: dict[tuple[str, str], UserMapping] = field(default_factory=dict)
    schemas: dict[str, Schema] = field(default_factory=dict)
    collations: dict[QualifiedName, Collation] = field(default_factory=dict)
    enums: dict[QualifiedName, EnumType] = field(default_factory=dict)
    domains: dict[QualifiedName, Domain] = field(default_factory=dict)
    composite_types: dict[QualifiedName, CompositeType] = field(default_factory=dict)
    range_types: dict[QualifiedName, RangeType] = field(default_factory=dict)
    sequences: dict[QualifiedName, Sequence] = field(default_factory=dict)
    tables: dict[QualifiedName, Table] = field(default_factory=dict)
    foreign_tables: dict[QualifiedName, ForeignTable] = field(default_factory=dict)
    indexes: dict[QualifiedName, Index] = field(default_factory=dict)
    statistics: dict[QualifiedName, Statistics] = field(default_factory=dict)
    functions: dict[QualifiedName, Function] = field(default_factory=dict)
    operators: dict[ObjectId, Operator] = field(default_factory=dict)
    operator_families: dict[tuple[QualifiedName, str], OperatorFamily] = field(default_factory=dict)
    operator_classes: dict[tuple[QualifiedName, str], OperatorClass] = field(default_factory=dict)
    aggregates: dict[ObjectId, Aggregate] = field(default_factory=dict)
    text_search_dictionaries: dict[QualifiedName, TextSearchDictionary] = field(default_factory=dict)
    text_search_configurations: dict[QualifiedName, TextSearchConfiguration] = field(default_factory=dict)
    triggers: dict[tuple[QualifiedName, str], Trigger] = field(default_factory=dict)
    views: dict[QualifiedName, View] = field(default_factory=dict)
    event_triggers: dict[str, EventTrigger] = field(default_factory=dict)
    rules: dict[tuple[QualifiedName, str], Rule] = field(default_factory=dict)
    publications: dict[str, Publication] = field(default_factory=dict)
    policies: dict[tuple[QualifiedName, str], Policy] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    grants: dict[tuple, Grant] = field(default_factory=dict)
    default_privileges: dict[tuple, DefaultPrivilege] = field(default_factory=dict)
    reference_rows: dict[QualifiedName, ReferenceRows] = field(default_factory=dict)

    @classmethod
    def of(cls, **objects: Iterable[Any]) -> Catalog:
        """Build a catalog from lists of objects (by catalog attribute), each sorted by its key.

        The attributes and keys come from the kind descriptors (``model/kinds.py``).

        >>> from schemagen.model import Schema
        >>> list(Catalog.of(schemas=[Schema("b"), Schema("a")]).schemas)
        ['a', 'b']
        """
        unknown = sorted(objects.keys() - {d.attribute for d in CATALOG_KINDS})
        if unknown:
            raise TypeError(f"Catalog.of() got unknown kinds: {', '.join(unknown)}")
        return cls(**{d.attribute: _keyed(objects.get(d.attribute, ()), d.key) for d in CATALOG_KINDS})

    def owned(self) -> Iterable[tuple[ObjectKind, Any]]:
        """(kind, object) of every object with an owner of its own, in diff order."""
        for d in CATALOG_KINDS:
            if d.kind in OWNED_KINDS:
                for obj in getattr(self, d.attribute).values():
                    yield d.kind, obj

    def owner_roles(self) -> set[str]:
        """The roles that own objects (empty when owners are not managed or not read)."""
        return {obj.owner for _, obj in self.owned() if obj.owner is not None}

    def indexes_of(self, table: QualifiedName) -> list[Index]:
        """Indexes declared on ``table``, sorted by name."""
        return list(self._indexes_by_table.get(table, ()))

    def partitions_of(self, parent: QualifiedName) -> list[Table]:
        """Direct partitions of ``parent``, sorted by name."""
        return list(self._partitions_by_parent.get(parent, ()))

    def ancestors_of(self, table: Table) -> list[Table]:
        """The declared tables ``table`` is a partition of: its parent, the parent's parent, ….

        Stops at a parent that is not declared, and before a table met again (a cycle).
        """
        chain, seen = [], {table.name}
        current = table
        while current.partition_of is not None and current.partition_of.parent not in seen:
            parent = self.tables.get(current.partition_of.parent)
            if parent is None:
                break
            chain.append(parent)
            seen.add(parent.name)
            current = parent
        return chain

    def functions_named(self, name: str) -> list[Function]:
        """Declared functions (every schema, every overload) whose bare name is ``name``, in key order."""
        return list(self._functions_by_name.get(name, ()))

    # Lookups by table, parent or name, computed once on first use. A catalog is never mutated
    # after construction, so the cache (kept in the instance ``__dict__``, which
    # a frozen dataclass allows; not a field, so equality and repr ignore it)
    # cannot go stale.

    @cached_property
    def _indexes_by_table(self) -> dict[QualifiedName, tuple[Index, ...]]:
        return _grouped(self.indexes.values(), lambda index: index.table)

    @cached_property
    def _functions_by_name(self) -> dict[str, tuple[Function, ...]]:
        return _grouped(self.functions.values(), lambda function: function.name.name)

    @cached_property
    def _partitions_by_parent(self) -> dict[QualifiedName, tuple[Table, ...]]:
        partitions = (t for t in self.tables.values() if t.partition_of is not None)
        return _grouped(partitions, lambda t: t.partition_of.parent)


def _keyed(objects, key) -> dict:
    pairs = [(key(o), o) for o in objects]
    pairs.sort(key=_order)
    return dict(pairs)


def _order(pair: tuple[Any, Any]) -> Any:
    """A key's sort order; a QualifiedName's is its (schema, name) tuple, compared in C."""
    key = pair[0]
    return (key.schema, key.name) if key.__class__ is QualifiedName else key


def _grouped(objects, key) -> dict:
    """``objects`` grouped by ``key``, each group in the input order."""
    groups: dict = {}
    for o in objects:
        groups.setdefault(key(o), []).append(o)
    return {k: tuple(v) for k, v in groups.items()}
