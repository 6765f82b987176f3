"""Ordering: a dependency graph over changes, sorted with a stable tie-break key."""

from __future__ import annotations

import graphlib
import heapq
from collections import defaultdict

from schemagen.model.changes import (
    Change,
    CreateExtension,
    CreateSchema,
    DropExtension,
    DropSchema,
    SetComment,
)
from schemagen.model.code_changes import CreateRole
from schemagen.plan.keys import is_drop, is_rename, sort_key
from schemagen.plan.refs import refs_of


class PlanCycleError(ValueError):
    """The changes depend on each other in a circle (a bug in diff or in the rules)."""


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
    _rename_edges(changes, graph)
    keys = [(*sort_key(c), 0, i) for i, c in enumerate(changes)]
    for i, change in enumerate(changes):
        if isinstance(change, SetComment):
            makers = sorted(p for ref in refs[i].needs_new for p in creators.get(ref, ()))
            if makers:
                keys[i] = (*keys[makers[0]][:4], 1, i)
    return [changes[i] for i in _stable_toposort(graph, keys)]


def _extension_edges(changes: list[Change], graph: dict[int, set[int]]) -> None:
    """Extensions may provide any type or function: create them before, drop them after, the rest."""
    creates = [i for i, c in enumerate(changes) if isinstance(c, CreateExtension)]
    drops = [i for i, c in enumerate(changes) if isinstance(c, DropExtension)]
    for i, change in enumerate(changes):
        if isinstance(change, CreateSchema | CreateExtension | DropExtension | DropSchema):
            continue
        if is_drop(change):
            for d in drops:
                graph[d].add(i)
        else:
            graph[i].update(creates)


def _rename_edges(changes: list[Change], graph: dict[int, set[int]]) -> None:
    """The old catalog was rewritten under the new names: renames go before everything using them."""
    renames = [i for i, c in enumerate(changes) if is_rename(c)]
    if not renames:
        return
    for i, change in enumerate(changes):
        if not is_rename(change) and not isinstance(change, CreateSchema | CreateRole | CreateExtension):
            graph[i].update(renames)


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
