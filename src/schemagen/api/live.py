"""Use case: compare a live database with the declared project (``diff``, ``plan``, ``apply``).

Scope: the schemas the project declares (or puts objects in), plus any named with
``--schema``. Objects in other schemas are never read, so never touched; objects
the model cannot read are reported as unmanaged and left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import psycopg

from schemagen.api.canonical import canonical_declared
from schemagen.api.compile_cache import cached
from schemagen.api.early_read import EarlyRead, start_live_read
from schemagen.api.fingerprint import catalog_fingerprint
from schemagen.api.inspect import connection_error
from schemagen.api.memory import paused_gc
from schemagen.api.plan_file import PlanFile, format_plan_file, read_plan_file
from schemagen.api.project import project_root
from schemagen.api.type_changes import check_type_changes
from schemagen.diagnostics import Diagnostic
from schemagen.diff import diff_catalogs
from schemagen.diff.maintained import with_maintained_children
from schemagen.diff.owners import states_owners
from schemagen.errors import InvalidProject, SchemagenError, UsageError
from schemagen.introspect import Omission, introspect
from schemagen.introspect.live import read_role_rows
from schemagen.introspect.read_access import read_roles
from schemagen.model import Catalog
from schemagen.model.identity import ObjectId
from schemagen.model.names import QualifiedName
from schemagen.model.planned import Plan
from schemagen.model.settings import SafetySettings
from schemagen.model.support import Publication
from schemagen.plan import plan_changes
from schemagen.render.report import ReportChange, report_changes
from schemagen.render.row_checks import reference_rows_query
from schemagen.source.project import load_settings


@dataclass(frozen=True)
class LiveState:
    """The live catalog within scope, what could not be read, and (on demand) its fingerprint."""

    catalog: Catalog
    unmanaged: tuple[str, ...]
    scope: tuple[str, ...]
    server_major: int
    read: Catalog = field(repr=False, compare=False, default_factory=Catalog)
    """Everything introspection read, before the scope narrowed it: what the fingerprint covers."""
    unreadable_mappings: frozenset[tuple[str, str]] = frozenset()
    """User mappings that exist but whose options this role may not read: present, left alone."""

    @cached_property
    def fingerprint(self) -> str:
        """The fingerprint a plan file records (computed when first asked for)."""
        return catalog_fingerprint(self.read, list(self.scope), self.server_major)


@dataclass(frozen=True)
class LiveComparison:
    """The declared catalog against the live one: the plan between them, as report steps."""

    live: LiveState
    declared: Catalog
    plan: Plan
    changes: list[ReportChange]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        """Whether the database differs from the declared schema."""
        return bool(self.changes)


def declared_scope(declared: Catalog, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Every schema the project declares or places an object in, plus ``extra``, sorted."""
    schemas = set(declared.schemas) | set(extra)
    for mapping in (
        declared.enums,
        declared.domains,
        declared.composite_types,
        declared.range_types,
        declared.sequences,
        declared.tables,
        declared.foreign_tables,
        declared.indexes,
        declared.functions,
        declared.views,
    ):
        names = (key.name if isinstance(key, ObjectId) else key for key in mapping)
        schemas |= {name.schema for name in names if isinstance(name, QualifiedName)}
    for support in (
        declared.collations,
        declared.operators,
        declared.aggregates,
        declared.text_search_dictionaries,
        declared.text_search_configurations,
        declared.statistics,
    ):
        schemas |= {key.schema for key in support}
    schemas |= {
        c.name.schema for c in (*declared.operator_classes.values(), *declared.operator_families.values())
    }
    schemas |= {extension.schema or "public" for extension in declared.extensions.values()}
    return tuple(sorted(schemas))


def _within(live: Catalog, declared: Catalog, scope: tuple[str, ...], named: Iterable[str]) -> Catalog:
    """The live catalog without what lies outside the scope.

    Extensions are database-wide: one is in scope when its schema is (None is
    ``public``), or when the project declares it. A schema only holds objects (public, say) without being
    declared keeps existing: only declared schemas and ``--schema`` ones are compared. Default
    privileges without a schema (database-wide) are compared when the project declares any;
    foreign data wrappers, servers and user mappings as :func:`_foreign_in_scope` says.
    Publications are database-wide: one that publishes anything outside the scope (``FOR ALL
    TABLES`` included) is compared only when the project declares it by name, so a
    replication setup is never dropped by accident.
    """
    extensions = {
        name: ext
        for name, ext in live.extensions.items()
        if (ext.schema or "public") in scope or name in declared.extensions
    }
    managed = set(declared.schemas) | set(named)
    schemas = {name: schema for name, schema in live.schemas.items() if name in managed}
    database_wide = any(entry.schema is None for entry in declared.default_privileges.values())
    privileges = {
        key: entry
        for key, entry in live.default_privileges.items()
        if entry.schema is not None or database_wide
    }
    publications = {
        name: publication
        for name, publication in live.publications.items()
        if name in declared.publications or _only_in(publication, scope)
    }
    live = replace(
        live,
        extensions=extensions,
        schemas=schemas,
        default_privileges=privileges,
        publications=publications,
    )
    if not (
        declared.foreign_data_wrappers
        or declared.foreign_servers
        or declared.user_mappings
        or declared.foreign_tables
    ):
        return replace(live, foreign_data_wrappers={}, foreign_servers={}, user_mappings={})
    return _foreign_in_scope(live, declared)


def _foreign_in_scope(live: Catalog, declared: Catalog) -> Catalog:
    """The live wrappers, servers and user mappings the project manages: servers it declares
    (or renames), or that its foreign tables in scope use; the wrappers of those and the ones
    it declares; the mappings of those servers. Another team's server is never dropped."""
    named = set(declared.foreign_servers) | {
        s.renamed_from for s in declared.foreign_servers.values() if s.renamed_from
    }
    used = {table.server for table in live.foreign_tables.values()}
    servers = {name: s for name, s in live.foreign_servers.items() if name in named | used}
    wrappers = set(declared.foreign_data_wrappers) | {s.wrapper for s in servers.values()}
    return replace(
        live,
        foreign_servers=servers,
        foreign_data_wrappers={n: w for n, w in live.foreign_data_wrappers.items() if n in wrappers},
        user_mappings={k: m for k, m in live.user_mappings.items() if m.server in servers},
    )


def _only_in(publication: Publication, scope: tuple[str, ...]) -> bool:
    """Whether a publication publishes only what lies in scope (one FOR ALL TABLES, or naming
    another schema's table, is a replication setup's, compared only when declared by name)."""
    if publication.all_tables:
        return False
    return all(t.table.schema in scope for t in publication.tables) and set(publication.schemas) <= set(scope)


def read_live(
    dsn: str | None,
    scope: tuple[str, ...],
    declared: Catalog | None = None,
    named: Iterable[str] = (),
    early: EarlyRead | None = None,
    owners: bool = False,
) -> LiveState:
    """Introspect the schemas of ``scope`` on the database at ``dsn`` (None: the libpq environment).

    The fingerprint covers everything read, before ``declared`` narrows extensions
    and schemas to the scope, so a plan file can be checked without the project.
    ``early``: a read started before the project compiled, used when it read ``scope``.
    ``owners``: read each object's owner (the declared catalog states owners).
    """
    conninfo = dsn or ""
    try:
        done = early.take(scope, owners) if early is not None else None
        if done is not None:
            with done.conn as conn:
                found = (done.server_major, done.catalog, done.omissions)
                return _live_state(conn, scope, declared, named, *found)
        with psycopg.connect(conninfo, connect_timeout=10) as conn:
            major = conn.info.server_version // 10000
            catalog, omissions = introspect(conn, list(scope), database_wide=True, owners=owners)
            return _live_state(conn, scope, declared, named, major, catalog, omissions)
    except psycopg.Error as exc:
        raise connection_error(exc, conninfo) from None


def _live_state(
    conn: psycopg.Connection,
    scope: tuple[str, ...],
    declared: Catalog | None,
    named: Iterable[str],
    major: int,
    catalog: Catalog,
    omissions: list[Omission],
) -> LiveState:
    read = catalog
    if declared is not None:
        catalog = _within(catalog, declared, scope, named)
        catalog = replace(
            catalog,
            reference_rows=_present_rows(conn, catalog, declared),
            roles=_declared_roles_too(conn, catalog, declared),
        )
    unreadable = frozenset((o.key[0], o.key[1]) for o in omissions if o.kind == "user mapping" and o.key)
    return LiveState(catalog, tuple(o.format() for o in omissions), scope, major, read, unreadable)


def _declared_roles_too(conn: psycopg.Connection, live: Catalog, declared: Catalog) -> dict:
    """The live roles, with the declared ones no object in scope refers to (introspection keeps
    only roles the objects name): without them, such a role would be created in every plan."""
    missing = [name for name in declared.roles if name not in live.roles]
    if not missing:
        return live.roles
    found = read_roles(read_role_rows(conn), (), (), (), missing)
    return {**live.roles, **{role.name: role for role in found if role.name not in live.roles}}


def without_unreadable(declared: Catalog, live: LiveState) -> Catalog:
    """``declared`` without the user mappings that exist but cannot be read (never created again,
    and, absent from the live catalog, never dropped or altered: listed as unmanaged)."""
    if not live.unreadable_mappings:
        return declared
    mappings = {k: m for k, m in declared.user_mappings.items() if k not in live.unreadable_mappings}
    return replace(declared, user_mappings=mappings)


def _present_rows(conn: psycopg.Connection, live: Catalog, declared: Catalog) -> dict:
    """The declared reference rows the live tables already hold (introspection reads no data).

    A table whose check fails to run (a column still missing, a type about to
    change) does not hold them: the plan upserts them.
    """
    present = {}
    for table, rows in declared.reference_rows.items():
        if table not in live.tables:
            continue
        try:
            with conn.transaction():
                found = conn.execute(reference_rows_query(rows)).fetchone()
        except psycopg.Error:
            continue
        if found and found[0]:
            present[table] = rows
    return present


def compile_declared(project: str | Path) -> tuple[Catalog, list[Diagnostic]]:
    """The declared catalog of a project; ``InvalidProject`` when it has errors."""
    root = project_root(project)
    catalog, diagnostics = cached(root, lambda: _compile_declared(root), lambda result: result[0] is not None)
    if catalog is None:
        raise InvalidProject(diagnostics)
    return catalog, diagnostics


def _compile_declared(root: Path) -> tuple[Catalog | None, list[Diagnostic]]:
    from schemagen.api.build import compile_project  # the compiler: not needed when the cache has it

    compiled = compile_project(root, outputs=False)
    if not compiled.ok or compiled.catalog is None:
        return None, compiled.diagnostics
    return compiled.catalog, compiled.diagnostics


def compare_live(
    dsn: str | None,
    project: str | Path,
    schemas: Iterable[str] = (),
    dev_dsn: str | None = None,
    step: Callable[[str], None] | None = None,
    early: EarlyRead | None = None,
) -> LiveComparison:
    """What differs between the live database and the declared project, as an ordered plan.

    Declared expressions are compared in PostgreSQL's canonical form (``api/canonical.py``):
    those whose text differs are created in a scratch database (``dev_dsn``, else a
    temporary database on the target server, else an embedded PostgreSQL) and read back.
    The plan is safe by default, each rewrite behind the project's ``safety:`` settings.
    ``step`` is told what is being done (the CLI's progress line); ``early``: the live
    read :func:`start_live_read` began (else it starts here).
    """
    with paused_gc():
        if step is not None:
            step("compiling the project")
        early = early or start_live_read(dsn, project, schemas)
        try:
            declared, diagnostics = compile_declared(project)
            safety = load_settings(project_root(project))[0].safety
        except BaseException:
            early.abandon()
            raise
        comparison = compare_catalog(dsn, declared, schemas, safety, dev_dsn, step, early)
        return replace(comparison, diagnostics=diagnostics)


def compare_catalog(
    dsn: str | None,
    declared: Catalog,
    schemas: Iterable[str] = (),
    safety: SafetySettings | None = None,
    dev_dsn: str | None = None,
    step: Callable[[str], None] | None = None,
    early: EarlyRead | None = None,
) -> LiveComparison:
    """What differs between the live database and an already compiled declared catalog.

    ``early``: the live catalog's read started while the catalog compiled (used if its scope is right).
    """
    schemas = tuple(schemas)
    say = step or (lambda _text: None)
    with paused_gc():
        scope = declared_scope(declared, schemas)
        say("reading the database")
        live = read_live(dsn, scope, declared, schemas, early, owners=states_owners(declared))
        declared = without_unreadable(declared, live)
        declared = with_maintained_children(declared, live.catalog, dt.datetime.now(dt.UTC).date())
        say("comparing expressions in PostgreSQL")
        declared = canonical_declared(declared, live.catalog, dev_dsn, dsn)
        say("planning")
        changes = diff_catalogs(live.catalog, declared)
        check_type_changes(dsn, changes)
        plan = plan_changes(changes, old=live.catalog, safety=safety)
        return LiveComparison(live, declared, plan, report_changes(plan))


class StalePlan(SchemagenError):
    """The database changed since the plan file was computed; nothing was executed."""


def load_plan(dsn: str | None, path: str | Path) -> tuple[PlanFile, LiveState]:
    """A plan file, checked against the database it is about to run on."""
    plan = read_plan_file(path)
    live = read_live(dsn, plan.scope, owners=plan.owners)
    if live.server_major != plan.server_major or live.fingerprint != plan.fingerprint:
        raise StalePlan(
            f"refusing to apply {path}: the database has changed since the plan was computed "
            f"(plan fingerprint {plan.fingerprint[:19]}…, database now {live.fingerprint[:19]}…; "
            f"server {plan.server_major} → {live.server_major}); nothing was executed: "
            "run `schemagen plan --out FILE` again"
        )
    return plan, live


def write_plan(comparison: LiveComparison, path: str | Path) -> None:
    """Write the plan of ``comparison`` as a plan file."""
    live = comparison.live
    owners = bool(live.read.owner_roles())  # read: the fingerprint covers them
    plan = PlanFile(live.fingerprint, live.scope, live.server_major, comparison.changes, owners)
    text = format_plan_file(plan)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write plan file {path}: {exc.strerror}") from None
