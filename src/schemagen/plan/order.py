"""Ordering: a dependency graph over changes, sorted with a stable tie-break key."""

from __future__ import annotations

import graphlib
import heapq
from collections import defaultdict

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
from schemagen.model.objects import ForeignKey
from schemagen.plan.refs import refs_of


class PlanCycleError(ValueError):
    """The changes depend on each other in a circle (a bug in diff or in the rules)."""


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

_TABLE_SUB: dict[type[Change], int] = {
    CreateTable: 0,
    SetTableLogged: 1,
    AddColumn: 2,
    AlterColumn: 3,
    AddConstraint: 4,
    CreateIndex: 8,
}


def sort_key(change: Change) -> tuple:
    """(phase, group, sub-order, name): readable output where the graph leaves a choice.

    Drops come first; then schemas, extensions, types, sequences, each table
    with its comments and indexes, foreign keys, sequence ownership.
    """
    kind = type(change)
    if kind in _DROP_ORDER:
        return (0, (), _DROP_ORDER[kind])
    code = _code_key(change)
    if code is not None:
        return code
    if isinstance(change, CreateSchema):
        return (10, (change.schema.name,), 0)
    if isinstance(change, CreateExtension):
        return (11, (change.extension.name,), 0)
    if isinstance(change, CreateEnum | CreateDomain | CreateCompositeType):
        name = (
            change.enum.name
            if isinstance(change, CreateEnum)
            else (change.domain.name if isinstance(change, CreateDomain) else change.type.name)
        )
        return (12, (name.schema, name.name), 0)
    if isinstance(change, AddEnumValue):
        return (12, (change.enum.schema, change.enum.name), 1)
    if isinstance(change, AlterDomain):
        return (12, (change.new.name.schema, change.new.name.name), 1)
    if isinstance(change, AddDomainConstraint):
        return (12, (change.domain.schema, change.domain.name), 2)
    if isinstance(change, CreateSequence | AlterSequence):
        name = change.sequence.name if isinstance(change, CreateSequence) else change.new.name
        return (13, (name.schema, name.name), 0)
    if isinstance(change, AddConstraint) and isinstance(change.constraint, ForeignKey):
        return (15, (change.table.schema, change.table.name), 0)
    if isinstance(change, CreateIndex):
        table = change.index.table
        return (14, (table.schema, table.name), 8, change.index.name.name)
    if kind in _TABLE_SUB:
        table = change.table.name if isinstance(change, CreateTable) else change.table  # type: ignore[attr-defined]
        return (14, (table.schema, table.name), _TABLE_SUB[kind])
    if isinstance(change, RebuildEnum):
        return (14, (change.new.name.schema, change.new.name.name), 9)
    if isinstance(change, AlterSequenceOwnedBy):
        return (16, (change.sequence.schema, change.sequence.name), 0)
    if isinstance(change, SetComment):
        return _comment_key(change)
    return (20, (), 0)


def _code_key(change: Change) -> tuple | None:
    """Keys of functions, views, triggers, security, grants and rows."""
    if isinstance(change, CreateRole | AlterRole):
        role = change.role if isinstance(change, CreateRole) else change.new
        return (9, (role.name,), 0)
    if isinstance(change, CreateFunction | ReplaceFunction):
        function = change.function if isinstance(change, CreateFunction) else change.new
        return (13, (function.name.schema, function.name.name), 5, ", ".join(function.identity_types))
    if isinstance(change, SetRowLevelSecurity):
        return (14, (change.table.schema, change.table.name), 10)
    if isinstance(change, CreatePolicy):
        return (14, (change.policy.table.schema, change.policy.table.name), 11, change.policy.name)
    if isinstance(change, CreateTrigger):
        return (14, (change.trigger.table.schema, change.trigger.table.name), 12, change.trigger.name)
    if isinstance(change, CreateView):
        return (16, (change.view.name.schema, change.view.name.name), 0)
    if isinstance(change, GrantPrivileges):
        return (18, (change.grant.object_kind, change.grant.target), 0, change.grant.grantee)
    if isinstance(change, GrantDefaultPrivileges):
        return (18, (change.privilege.schema, change.privilege.object_kind), 1, change.privilege.grantee)
    if isinstance(change, UpsertReferenceRows):
        return (19, (change.rows.table.schema, change.rows.table.name), 0)
    return None


_COMMENT_PHASE = {
    "schema": 10,
    "extension": 11,
    "type": 12,
    "domain": 12,
    "domain constraint": 12,
    "sequence": 13,
    "table": 14,
    "column": 14,
    "constraint": 14,
    "index": 14,
    "role": 9,
    "function": 13,
    "procedure": 13,
    "view": 16,
    "materialized view": 16,
    "trigger": 14,
    "policy": 14,
}


def _comment_key(change: SetComment) -> tuple:
    """A comment on an object that already exists; a new object's comment follows the object."""
    name = change.name
    group = (name.name,) if not name.schema else (name.schema, name.name)
    return (_COMMENT_PHASE.get(change.kind, 17), group, 5, change.member or "")


def order_changes(changes: list[Change]) -> list[Change]:
    """Topologically sort ``changes``; among ready changes the smallest key goes first."""
    refs = [refs_of(change) for change in changes]
    creators: dict[object, list[int]] = defaultdict(list)
    droppers: dict[object, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        for ref in r.creates:
            creators[ref].append(i)
        for ref in r.drops:
            droppers[ref].append(i)
    graph: dict[int, set[int]] = {i: set() for i in range(len(changes))}  # node -> predecessors
    for i, r in enumerate(refs):
        for ref in r.needs_new:
            graph[i].update(p for p in creators.get(ref, ()) if p != i)
        for ref in r.needs_old:
            for d in droppers.get(ref, ()):
                if d != i:
                    graph[d].add(i)
    for ref, dropping in droppers.items():
        for d in dropping:
            for p in creators.get(ref, ()):
                if p != d:
                    graph[p].add(d)
    _extension_edges(changes, graph)
    keys = [(*_padded(sort_key(c)), 0, i) for i, c in enumerate(changes)]
    for i, change in enumerate(changes):
        if isinstance(change, SetComment):
            makers = sorted(p for ref in refs[i].needs_new for p in creators.get(ref, ()))
            if makers:
                keys[i] = (*keys[makers[0]][:4], 1, i)
    return [changes[i] for i in _stable_toposort(graph, keys)]


def _padded(key: tuple) -> tuple:
    return key + ("",) * (4 - len(key))


def _extension_edges(changes: list[Change], graph: dict[int, set[int]]) -> None:
    """Extensions may provide any type or function: create them before, drop them after, the rest."""
    creates = [i for i, c in enumerate(changes) if isinstance(c, CreateExtension)]
    drops = [i for i, c in enumerate(changes) if isinstance(c, DropExtension)]
    for i, change in enumerate(changes):
        if isinstance(change, CreateSchema | CreateExtension | DropExtension | DropSchema):
            continue
        if type(change) in _DROP_ORDER:
            for d in drops:
                graph[d].add(i)
        else:
            graph[i].update(creates)


def _stable_toposort(graph: dict[int, set[int]], keys: list[tuple]) -> list[int]:
    sorter = graphlib.TopologicalSorter(graph)
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        raise PlanCycleError(f"changes depend on each other in a cycle: {exc.args[1]}") from None
    heap = [keys[i] for i in sorter.get_ready()]
    heapq.heapify(heap)
    ordered: list[int] = []
    while heap:
        index = heapq.heappop(heap)[-1]
        ordered.append(index)
        sorter.done(index)
        for ready in sorter.get_ready():
            heapq.heappush(heap, keys[ready])
    return ordered
