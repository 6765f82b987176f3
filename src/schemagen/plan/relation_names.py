"""The relation namespace: tables, views, sequences, indexes and composite types of one schema
share ``pg_class`` names, so a name is created only after whatever held it is dropped.

An index dropped on one table and created under the same name on another, a table
replaced by a view of its name, a primary key whose index takes the name of a dropped
index: the rule is the same for all. A change that drops a relation also frees the
names of what goes with it (the indexes of a table, those backing its keys). Declared
renames run before everything else (``order.py``) and are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from schemagen.model import deps
from schemagen.model.changes import (
    AddConstraint,
    Change,
    CreateCompositeType,
    CreateIndex,
    CreateSequence,
    CreateTable,
    DropCompositeType,
    DropConstraint,
    DropIndex,
    DropSequence,
    DropTable,
)
from schemagen.model.code_changes import CreateView, DropView
from schemagen.model.deps import ObjectRef
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ExcludeConstraint, PrimaryKey, Table, UniqueConstraint

_INDEXED = (PrimaryKey, UniqueConstraint, ExcludeConstraint)
"""Constraints whose index takes the constraint's name."""


def _names(schema: str, names: Iterable[str]) -> frozenset[ObjectRef]:
    return frozenset(deps.relation_name_ref(QualifiedName(schema, n)) for n in names)


def _table(table: Table) -> frozenset[ObjectRef]:
    keys = [*([table.primary_key] if table.primary_key else []), *table.uniques, *table.excludes]
    return _names(table.name.schema, [table.name.name, *(k.name for k in keys)])


def _constraint(table: QualifiedName, constraint: object) -> frozenset[ObjectRef]:
    if isinstance(constraint, _INDEXED):
        return _names(table.schema, [constraint.name])
    return frozenset()


def _one(name: QualifiedName) -> frozenset[ObjectRef]:
    return frozenset({deps.relation_name_ref(name)})


def _of_all(names: Iterable[QualifiedName]) -> frozenset[ObjectRef]:
    return frozenset(deps.relation_name_ref(n) for n in names)


_CREATES: dict[type[Change], Callable[[Change], frozenset[ObjectRef]]] = {
    CreateTable: lambda c: _table(c.table),
    CreateView: lambda c: _one(c.view.name),
    CreateSequence: lambda c: _one(c.sequence.name),
    CreateIndex: lambda c: _one(c.index.name),
    CreateCompositeType: lambda c: _one(c.type.name),
    AddConstraint: lambda c: _constraint(c.table, c.constraint),
}
_DROPS: dict[type[Change], Callable[[Change], frozenset[ObjectRef]]] = {
    DropTable: lambda c: _table(c.table) | _of_all(c.indexes),
    DropView: lambda c: _one(c.view.name) | _of_all(c.indexes),
    DropSequence: lambda c: _one(c.sequence.name),
    DropIndex: lambda c: _one(c.index.name).union(*(_constraint(t, k) for t, k in c.attached)),
    DropCompositeType: lambda c: _one(c.type.name),
    DropConstraint: lambda c: _constraint(c.table, c.constraint),
}


def relation_names(change: Change) -> tuple[frozenset[ObjectRef], frozenset[ObjectRef]]:
    """(names ``change`` takes, names it frees) in the relation namespace."""
    creates, drops = _CREATES.get(type(change)), _DROPS.get(type(change))
    return (
        creates(change) if creates else frozenset(),
        drops(change) if drops else frozenset(),
    )
