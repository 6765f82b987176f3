"""Code and access objects: functions, triggers, views, policies, roles, grants, rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from schemagen.diagnostics import Span
from schemagen.model.identity import GrantOn, GrantTarget, ObjectId, routine_id
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, owner_field


def _span() -> Span | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


@dataclass(frozen=True)
class FunctionArgument:
    """One argument; ``mode`` is IN, OUT, INOUT or VARIADIC."""

    name: str | None
    type: str
    mode: str = "IN"
    default: str | None = None


@dataclass(frozen=True)
class Function:
    """A function or procedure. Overloads are distinct objects (see ``key``).

    ``returns`` is the canonical return type text (``boolean``, ``trigger``,
    ``SETOF agents.registry``) or None for procedures; ``returns_table`` lists
    the columns of ``RETURNS TABLE (…)`` instead.
    """

    name: QualifiedName
    arguments: tuple[FunctionArgument, ...] = ()
    returns: str | None = None
    returns_table: tuple[tuple[str, str], ...] = ()
    language: str = "sql"
    body: str = ""
    kind: str = "function"  # "function" | "procedure"
    volatility: str = "VOLATILE"  # IMMUTABLE | STABLE | VOLATILE
    strict: bool = False
    security_definer: bool = False
    parallel: str = "UNSAFE"  # SAFE | RESTRICTED | UNSAFE
    leakproof: bool = False
    cost: float | None = None
    """``COST n`` (None: PostgreSQL's default, 1 for C and internal functions, else 100)."""
    rows: float | None = None
    """``ROWS n`` of a set-returning function (None: the default, 1000)."""
    support: QualifiedName | None = None
    """``SUPPORT function``: the planner support function (``internal`` → ``internal``)."""
    window: bool = False
    """``WINDOW``: a window function (C or internal only)."""
    search_path: str | None = None
    settings: tuple[tuple[str, str], ...] = ()
    """``SET name = value`` options other than ``search_path``, sorted by name."""
    check_body: bool = field(default=True, compare=False)
    """False (``check_body: false``): the body is created with ``check_function_bodies`` off, as
    pg_dump does, and what the checks find in it are warnings (a live body PostgreSQL accepted)."""
    object_file: str | None = None
    """A C function's library (``AS 'object_file', 'body'``: ``body`` is then the link symbol)."""
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()

    @property
    def default_cost(self) -> float:
        """The ``COST`` PostgreSQL gives a function that names none."""
        return 1.0 if self.language in ("c", "internal") else 100.0

    @property
    def sql_standard_body(self) -> bool:
        """A ``LANGUAGE sql`` body in SQL-standard form (``BEGIN ATOMIC … END`` or ``RETURN expr``).

        PostgreSQL parses such a body at CREATE and records what it uses; it is
        written after the options without quotes, never as a string constant
        (a quoted body can start with neither: both are syntax errors there).
        """
        if self.language != "sql":
            return False
        words = self.body.split(None, 2)
        head = [w.upper() for w in words[:2]]
        return head[:1] == ["RETURN"] or head == ["BEGIN", "ATOMIC"]

    @property
    def identity_types(self) -> tuple[str, ...]:
        """The argument types PostgreSQL uses to tell overloads apart."""
        return tuple(a.type for a in self.arguments if a.mode in ("IN", "INOUT", "VARIADIC"))

    @property
    def key(self) -> ObjectId:
        """Identity including the signature: name and identity argument types."""
        return routine_id(self.name, self.identity_types)


@dataclass(frozen=True)
class Trigger:
    """``CREATE [CONSTRAINT] TRIGGER`` on a table or view."""

    name: str
    table: QualifiedName
    function: QualifiedName
    timing: str = "AFTER"  # BEFORE | AFTER | INSTEAD OF
    events: tuple[str, ...] = ("INSERT",)  # INSERT, UPDATE, DELETE, TRUNCATE
    update_columns: tuple[str, ...] = ()
    for_each_row: bool = True
    when: str | None = None
    arguments: tuple[str, ...] = ()
    referencing_old: str | None = None
    referencing_new: str | None = None
    constraint: bool = False
    deferrable: bool = False
    initially_deferred: bool = False
    enabled: str = "origin"
    """Firing mode: ``origin`` (PostgreSQL's default), ``replica``, ``always`` or ``disabled``."""
    comment: str | None = None
    span: Span | None = _span()

    @property
    def key(self) -> tuple[QualifiedName, str]:
        """Triggers are named per table."""
        return (self.table, self.name)


@dataclass(frozen=True)
class View:
    """A view or materialized view over a query."""

    name: QualifiedName
    query: str
    materialized: bool = False
    columns: tuple[str, ...] = ()
    security_invoker: bool = False
    security_barrier: bool = False
    check_option: str | None = None  # LOCAL | CASCADED
    with_data: bool = True
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class Policy:
    """A row-level security policy on a table."""

    name: str
    table: QualifiedName
    permissive: bool = True
    command: str = "ALL"  # ALL | SELECT | INSERT | UPDATE | DELETE
    roles: tuple[str, ...] = ("public",)
    using: str | None = None
    with_check: str | None = None
    comment: str | None = None
    span: Span | None = _span()

    @property
    def key(self) -> tuple[QualifiedName, str]:
        """Policies are named per table."""
        return (self.table, self.name)


@dataclass(frozen=True)
class Membership:
    """The options of a role's membership in ``role`` (``GRANT role TO member WITH …``)."""

    role: str
    admin: bool = False
    """``WITH ADMIN OPTION``: the member may grant ``role`` to others."""
    inherit: bool | None = None
    """``WITH INHERIT TRUE|FALSE`` (PostgreSQL 16+; None: the member's own ``INHERIT``)."""
    set: bool = True
    """``WITH SET FALSE`` (PostgreSQL 16+): the member may not ``SET ROLE`` to ``role``."""

    @property
    def options(self) -> tuple[str, ...]:
        """The ``WITH`` options of its GRANT, those that differ from the defaults."""
        found = ["ADMIN OPTION"] if self.admin else []
        if self.inherit is not None:
            found.append("INHERIT TRUE" if self.inherit else "INHERIT FALSE")
        if not self.set:
            found.append("SET FALSE")
        return tuple(found)


@dataclass(frozen=True)
class Role:
    """A cluster-wide role; schemagen manages NOLOGIN group roles by default."""

    name: str
    login: bool = False
    inherit: bool = True
    member_of: tuple[str, ...] = ()
    comment: str | None = None
    superuser: bool = False
    create_role: bool = False
    create_db: bool = False
    replication: bool = False
    bypass_rls: bool = False
    connection_limit: int = -1
    """``CONNECTION LIMIT`` (-1: none)."""
    valid_until: str | None = None
    """``VALID UNTIL``: when its password stops working, ``YYYY-MM-DD HH:MM:SS[.ffffff]+00``
    (None: never; ``infinity`` reads so, as PostgreSQL cannot take a role back to none)."""
    memberships: tuple[Membership, ...] = ()
    """Options of the ``member_of`` memberships that are not the defaults, by role name."""
    external: bool = field(default=False, compare=False, repr=False)
    """Listed under ``external: {roles: […]}``: it exists already; it may own objects and be granted
    privileges, and is never created or altered."""
    span: Span | None = _span()

    def membership(self, parent: str) -> Membership:
        """The options of the membership in ``parent``."""
        return next((m for m in self.memberships if m.role == parent), Membership(parent))

    @property
    def attributes(self) -> tuple[str, ...]:
        """The role's attributes as ``CREATE/ALTER ROLE`` keywords, every one stated."""
        flags = (
            ("SUPERUSER", self.superuser),
            ("CREATEDB", self.create_db),
            ("CREATEROLE", self.create_role),
            ("INHERIT", self.inherit),
            ("LOGIN", self.login),
            ("REPLICATION", self.replication),
            ("BYPASSRLS", self.bypass_rls),
        )
        return tuple(word if on else "NO" + word for word, on in flags)


@dataclass(frozen=True)
class Grant:
    """A privilege on one object to one grantee.

    ``target`` is the privilege class (``schema``, ``table``, ``column``,
    ``sequence``, ``function``, ``procedure`` or ``type``) with the object's name
    and, for routines, its signature; ``columns`` is set for column privileges.
    ``revoke`` marks privileges PostgreSQL grants by default that were taken
    away (``REVOKE … FROM grantee``, e.g. EXECUTE from PUBLIC on a function).
    """

    target: GrantTarget
    grantee: str
    privileges: tuple[str, ...]
    columns: tuple[str, ...] = ()
    with_grant_option: bool = False
    revoke: bool = False
    span: Span | None = _span()

    @property
    def object_kind(self) -> GrantOn:
        """The privilege class (``GRANT … ON <class>``)."""
        return self.target.on

    @property
    def key(self) -> tuple[GrantTarget, str, tuple[str, ...], bool]:
        """One grant and one revoke per object, grantee and column set."""
        return (self.target, self.grantee, self.columns, self.revoke)


@dataclass(frozen=True)
class DefaultPrivilege:
    """``ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT … ON kind TO g``.

    ``schema`` None is an entry for every schema (no ``IN SCHEMA``); only such an
    entry can ``revoke`` a built-in default (``REVOKE … FROM g``: EXECUTE on
    functions or USAGE on types from PUBLIC, or the owner's own privileges).
    """

    schema: str | None
    object_kind: str  # tables | sequences | functions | types | schemas
    grantee: str
    privileges: tuple[str, ...]
    for_role: str | None = None
    revoke: bool = False
    with_grant_option: bool = False
    span: Span | None = _span()

    @property
    def key(self) -> tuple[str, str, str, str, bool]:
        """One entry per owner role ("" for the current role), schema ("" for all), kind, grantee, revoke."""
        return (self.for_role or "", self.schema or "", self.object_kind, self.grantee, self.revoke)


@dataclass(frozen=True)
class ReferenceRows:
    """Rows a table must contain, upserted by ``key`` columns.

    Each row is a tuple of (column, SQL literal text) pairs in column order.
    """

    table: QualifiedName
    key: tuple[str, ...]
    rows: tuple[tuple[tuple[str, str], ...], ...]
    span: Span | None = _span()
    on_conflict: str = "update"
    """``update`` (declared columns take the declared values) or ``nothing`` (existing rows are kept)."""
    row_spans: tuple[Span | None, ...] = field(default=(), compare=False, repr=False)
    """Where each row is written (parallel to ``rows``; may be shorter)."""
    overriding: bool = field(default=False, compare=False)
    """A row gives a value to a ``GENERATED ALWAYS AS IDENTITY`` column: ``OVERRIDING SYSTEM VALUE``."""
    sequenced: tuple[str, ...] = field(default=(), compare=False)
    """Columns the rows give values to that otherwise take them from a sequence (identity,
    serial): the sequence is moved past the largest value after the upsert."""

    def row_span(self, index: int) -> Span | None:
        """The position of row ``index`` (0-based), or of ``rows:`` when unknown."""
        spans = self.row_spans
        return (spans[index] if index < len(spans) else None) or self.span


def with_sequence_facts(rows: ReferenceRows, columns: Iterable[Column]) -> ReferenceRows:
    """``rows`` with ``overriding`` and ``sequenced`` set from the table's ``columns``.

    A value given to an identity column, or to one whose default draws from a sequence
    (``serial``), leaves that sequence behind the rows: the upsert moves it on.
    """
    given = {name for row in rows.rows for name, _ in row}
    overriding = False
    sequenced = []
    for column in columns:
        if column.name not in given:
            continue
        if column.identity is not None:
            overriding = overriding or column.identity.always
            sequenced.append(column.name)
        elif (column.default or "").startswith("nextval("):
            sequenced.append(column.name)
    return replace(rows, overriding=overriding, sequenced=tuple(sequenced))
