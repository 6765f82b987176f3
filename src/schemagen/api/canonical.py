"""Canonical comparison: declared expressions in the form PostgreSQL itself gives them.

PostgreSQL rewrites what it stores (``LENGTH(x) > 0`` becomes ``length(x) > 0``,
``IN (…)`` becomes ``= ANY (ARRAY[…])``, a view query is deparsed whole). Comparing
declared text with live text would report such rewrites as changes. Here the
declared objects whose expressions differ from the live ones after cheap
normalisation, and only those, are created in a scratch database in one
transaction, read back with the same catalog queries as the live database, and
rolled back. Where the scratch text equals the live text, the declared catalog
takes the live text, so the diff sees no change. PostgreSQL's deparser is not
idempotent for every form (a ``varchar IN (…)`` CHECK moves its casts on a second
round), so a second batch sends the remaining live texts through the same server:
when both sides come back the same, they are equal too.

Scratch database: ``api/scratch.py`` (``--dev-dsn``, else one temporary database on
the target server per run, else an embedded PostgreSQL 18).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import psycopg

from schemagen.api.scratch import ScratchServer, run_scratch
from schemagen.diff import diff_catalogs
from schemagen.diff.canonical import (
    SITES,
    Differing,
    Site,
    Texts,
    differing_sites,
    shape_groups,
    site_texts,
    with_texts,
)
from schemagen.diff.expressions import same_expression
from schemagen.diff.owners import without_owners
from schemagen.introspect import read_catalog, record_rows
from schemagen.model import deps
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, CreateExtension, CreateSchema
from schemagen.model.deps import ObjectRef
from schemagen.plan.order import order_changes
from schemagen.plan.refs import refs_of
from schemagen.render.plan import render_change


@dataclass
class CanonicalStats:
    """What one ``canonicalize`` call did (for tests, benchmarks and ``--verbose`` output)."""

    differing_sites: int = 0
    objects_sent: int = 0
    """Objects whose expressions went to the server (one per shape group, see ``shape_groups``)."""
    objects_created: int = 0
    batches: int = 0
    equal_sites: int = 0
    fallbacks: int = 0
    errors: list[str] | None = None


def canonicalize(
    declared: Catalog, live: Catalog, scratch: ScratchServer, stats: CanonicalStats | None = None
) -> Catalog:
    """``declared`` with every expression that PostgreSQL stores as the live text written as that text.

    Expressions that differ in meaning keep their declared text (the diff shows
    them). Objects whose expressions already compare equal after whitespace
    normalisation are never sent to the server.
    """
    stats = stats if stats is not None else CanonicalStats()
    differing = differing_sites(declared, live)
    stats.differing_sites = sum(len(paths) for paths in differing.values())
    if not differing:
        return declared
    groups = shape_groups(declared, live, differing)
    chosen = _representatives(groups)
    stats.objects_sent = len(chosen)
    equal = _equal_sites(_scratch_source(declared), live, chosen, scratch, stats)
    live_sites: dict[tuple[str, Any], Texts] = {}
    for members in groups.values():
        attribute, key, path = next(m for m in members if (m[0], m[1]) in chosen)
        if path in equal.get((attribute, key), {}):
            for m_attribute, m_key, m_path in members:
                if (m_attribute, m_key) not in live_sites:
                    live_sites[(m_attribute, m_key)] = site_texts(live, m_attribute, m_key)
                live_text = live_sites[(m_attribute, m_key)][m_path]
                equal.setdefault((m_attribute, m_key), {})[m_path] = live_text
    stats.equal_sites = sum(len(t) for t in equal.values())
    return with_texts(declared, equal)


def _representatives(groups: dict[tuple, list[Site]]) -> Differing:
    """One site per group, preferring objects already chosen (fewer objects to create)."""
    chosen: dict[tuple[str, Any], set] = {}
    for members in groups.values():
        pick = next((m for m in members if (m[0], m[1]) in chosen), members[0])
        chosen.setdefault((pick[0], pick[1]), set()).add(pick[2])
    for members in groups.values():  # every member whose object is sent anyway is checked too
        for attribute, key, path in members:
            if (attribute, key) in chosen:
                chosen[(attribute, key)].add(path)
    return {k: frozenset(v) for k, v in chosen.items()}


def _equal_sites(
    source: Catalog, live: Catalog, differing: Differing, scratch: ScratchServer, stats: CanonicalStats
) -> Forms:
    """The sites of ``differing`` whose declared text PostgreSQL stores as the live text, with it."""
    live_texts = {k: site_texts(live, *k) for k in differing}
    equal: Forms = {}
    # PostgreSQL's deparse is not always a fixed point: declared → D1 → D2, live → L1. Equal when
    # D1 = live, D2 = live, or L1 ∈ {D1, D2}; each later batch carries only the sites still unequal.
    first = _canonical(source, {k: dict.fromkeys(paths) for k, paths in differing.items()}, scratch, stats)
    remaining = _unequal(first, live_texts, equal)
    if remaining:
        second = _canonical(source, _texts_of(first, remaining), scratch, stats)
        remaining = _unequal(second, live_texts, equal, remaining)
        if remaining:
            of_live = _canonical(
                source, {k: {p: live_texts[k][p] for p in ps} for k, ps in remaining.items()}, scratch, stats
            )
            for key, paths in remaining.items():
                for path in paths:
                    made = of_live.get(key, {}).get(path)
                    forms = (first.get(key, {}).get(path), second.get(key, {}).get(path))
                    if made is not None and any(same_expression(made, f) for f in forms if f is not None):
                        equal.setdefault(key, {})[path] = live_texts[key][path]
    return equal


Forms = dict[tuple[str, Any], Texts]
"""(catalog attribute, key) → path → the text PostgreSQL made of it (None: not read back)."""


def _canonical(source: Catalog, texts: Forms, scratch: ScratchServer, stats: CanonicalStats) -> Forms:
    """The texts PostgreSQL makes of ``texts`` (None: the source's own text) at their sites."""
    replaced = {k: {p: t for p, t in paths.items() if t is not None} for k, paths in texts.items()}
    catalog = _round_trip(
        with_texts(source, replaced), {k: frozenset(v) for k, v in texts.items()}, scratch, stats
    )
    return {k: {p: site_texts(catalog, *k).get(p) for p in paths} for k, paths in texts.items()}


def _unequal(made: Forms, live: Forms, equal: Forms, only: dict | None = None) -> dict[tuple[str, Any], list]:
    """Record in ``equal`` the sites whose made text is the live one; the others, by object."""
    remaining: dict[tuple[str, Any], list] = {}
    for key, paths in made.items():
        for path, text in paths.items():
            if only is not None and path not in only.get(key, ()):
                continue
            if text is not None and same_expression(text, live[key][path]):
                equal.setdefault(key, {})[path] = live[key][path]
            elif text is not None:
                remaining.setdefault(key, []).append(path)
    return remaining


def _texts_of(made: Forms, remaining: dict[tuple[str, Any], list]) -> Forms:
    return {k: {p: made[k][p] for p in paths} for k, paths in remaining.items()}


def canonical_declared(
    declared: Catalog,
    live: Catalog,
    dev_dsn: str | None,
    target_dsn: str | None,
    stats: CanonicalStats | None = None,
) -> Catalog:
    """``canonicalize`` with a scratch database opened only when some expression needs it: the
    run's one (``run_scratch``), so a run creates at most one temporary database per server."""
    if not differing_sites(declared, live):
        return declared
    return canonicalize(declared, live, run_scratch(dev_dsn, target_dsn), stats)


def _scratch_source(declared: Catalog) -> Catalog:
    """What may be created in a scratch database: no roles, grants, owners or rows (cluster-wide
    or irrelevant to expressions); policies apply to PUBLIC."""
    return replace(
        without_owners(declared),
        roles={},
        grants={},
        default_privileges={},
        reference_rows={},
        policies={k: replace(p, roles=("public",)) for k, p in declared.policies.items()},
    )


def _targets(attribute: str, key: Any) -> set[ObjectRef]:
    if attribute in ("tables", "views", "foreign_tables"):
        return {deps.table_ref(key)}
    if attribute == "indexes":
        return {deps.index_ref(key)}
    if attribute == "policies":
        return {deps.policy_ref(*key)}
    if attribute == "triggers":
        return {deps.trigger_ref(*key)}
    return {deps.type_ref(key)}


@dataclass(frozen=True)
class _Creation:
    """Every change that creates the scratch source, with who creates what (computed once a batch)."""

    changes: list[Change]
    refs: list
    creators: dict[ObjectRef, list[int]]

    @classmethod
    def of(cls, source: Catalog) -> _Creation:
        changes = diff_catalogs(Catalog(), source)
        refs = [refs_of(c) for c in changes]
        creators: dict[ObjectRef, list[int]] = defaultdict(list)
        for i, r in enumerate(refs):
            for ref in r.creates:
                creators[ref].append(i)
        return cls(changes, refs, creators)

    def needed(self, objects: list[tuple[str, Any]]) -> list[Change]:
        """The changes that create ``objects`` and what they need (schemas and extensions always)."""
        wanted = {ref for attribute, key in objects for ref in _targets(attribute, key)}
        todo = [i for ref in wanted for i in self.creators.get(ref, ())]
        todo += [i for i, c in enumerate(self.changes) if isinstance(c, CreateSchema | CreateExtension)]
        selected: set[int] = set()
        while todo:
            i = todo.pop()
            if i in selected:
                continue
            selected.add(i)
            todo += [p for ref in self.refs[i].needs_new for p in self.creators.get(ref, ())]
        return [self.changes[i] for i in sorted(selected)]


CHUNK = 150
"""Objects created per scratch transaction: each table and index holds a lock until the rollback,
and a server allows about 6,400 at once (``max_locks_per_transaction`` times connections)."""
FALLBACK_LIMIT = 1500
"""A chunk that fails is retried with every declared object only when there are at most this many
changes (more would exceed the lock table anyway)."""


def _round_trip(
    source: Catalog, differing: Differing, scratch: ScratchServer, stats: CanonicalStats
) -> Catalog:
    """Create what ``differing`` needs, read it back and roll back, ``CHUNK`` objects a transaction;
    a chunk that fails (a dependency the analyser did not see) is retried with every object."""
    creation = _Creation.of(_minimal(source, differing))
    everything: list[Change] | None = None
    objects = sorted(differing, key=repr)
    found: list[Catalog] = []
    for start in range(0, len(objects), CHUNK):
        chunk = objects[start : start + CHUNK]
        schemas = sorted({_schema_of(attribute, key) for attribute, key in chunk})
        made = _attempt(scratch, creation.needed(chunk), schemas, stats)
        if made is None and len(source.tables) + len(source.indexes) <= FALLBACK_LIMIT:
            everything = everything if everything is not None else _Creation.of(source).changes
            made = _attempt(scratch, everything, schemas, stats)
        if made is not None:
            found.append(made)
    return _merged(found)


def _attempt(
    scratch: ScratchServer, changes: list[Change], schemas: list[str], stats: CanonicalStats
) -> Catalog | None:
    """The objects ``changes`` make, read back in one rolled-back transaction; None if they fail."""
    stats.batches += 1
    stats.objects_created += len(changes)
    try:
        return _create_and_read(scratch, order_changes(changes), schemas)
    except psycopg.Error as exc:
        stats.fallbacks += 1
        stats.errors = [*(stats.errors or []), (str(exc).strip().splitlines() or [""])[0]]
        return None


def _minimal(source: Catalog, differing: Differing) -> Catalog:
    """``source`` without the tables, indexes, triggers and policies no sent object can need.

    Tables hold no reference to other tables outside foreign keys (not created in the scratch
    database), so a table, index, trigger or policy needs only its own table (and a partition
    its parents); a view may read any table, so with a view every table stays.
    """
    wanted = {attribute: {key for a, key in differing if a == attribute} for attribute in SITES}
    if wanted["views"]:
        return source
    tables = set(wanted["tables"])
    tables |= {source.indexes[k].table for k in wanted["indexes"] if k in source.indexes}
    tables |= {key[0] for key in wanted["triggers"] | wanted["policies"]}
    todo = list(tables)
    while todo:
        table = source.tables.get(todo.pop())
        if table is not None and table.partition_of is not None and table.partition_of.parent not in tables:
            tables.add(table.partition_of.parent)
            todo.append(table.partition_of.parent)
    return replace(
        source,
        tables={k: v for k, v in source.tables.items() if k in tables},
        indexes={k: v for k, v in source.indexes.items() if k in wanted["indexes"]},
        triggers={k: v for k, v in source.triggers.items() if k in wanted["triggers"]},
        policies={k: v for k, v in source.policies.items() if k in wanted["policies"]},
        reference_rows={},
    )


def _merged(catalogs: list[Catalog]) -> Catalog:
    if len(catalogs) == 1:
        return catalogs[0]
    merged: dict[str, dict] = {attribute: {} for attribute in SITES}
    for catalog in catalogs:
        for attribute in SITES:
            merged[attribute].update(getattr(catalog, attribute))
    return replace(Catalog(), **merged)


def _schema_of(attribute: str, key: Any) -> str:
    return key[0].schema if attribute in ("policies", "triggers") else key.schema


def _create_and_read(scratch: ScratchServer, changes: list[Change], schemas: list[str]) -> Catalog:
    script = "\n\n".join(render_change(c) for c in changes)
    with psycopg.connect(scratch.dsn, connect_timeout=10) as conn:
        try:
            conn.execute(script)
            rows = record_rows(conn, schemas, read_only=False)
        finally:
            conn.rollback()
    return read_catalog(rows)[0]
