"""Objects that support a schema's types and queries: collations, operators, aggregates, text search.

Function references (an operator's function, an aggregate's transition function) are
``QualifiedName``s, built-in ones in ``pg_catalog``; types are canonical type text, as in
functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span
from schemagen.model.identity import ObjectId
from schemagen.model.kinds import ObjectKind
from schemagen.model.names import QualifiedName
from schemagen.model.objects import owner_field


def _span() -> Span | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


@dataclass(frozen=True)
class Collation:
    """``CREATE COLLATION``: libc (``lc_collate``/``lc_ctype``), icu or builtin (``locale``)."""

    name: QualifiedName
    provider: str = "libc"  # libc | icu | builtin
    locale: str | None = None
    lc_collate: str | None = None
    lc_ctype: str | None = None
    deterministic: bool = True
    rules: str | None = None
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class Operator:
    """``CREATE OPERATOR``: binary (``left`` and ``right``) or prefix (``right`` only).

    ``commutator`` and ``negator`` name other operators (their argument types follow
    from this one's); ``restrict`` and ``join`` are selectivity estimator functions.
    """

    name: QualifiedName
    right: str
    function: QualifiedName
    left: str | None = None
    commutator: QualifiedName | None = None
    negator: QualifiedName | None = None
    restrict: QualifiedName | None = None
    join: QualifiedName | None = None
    hashes: bool = False
    merges: bool = False
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()

    @property
    def signature(self) -> tuple[str, str]:
        """The argument types PostgreSQL names an operator by (``NONE`` for a prefix operator)."""
        return (self.left or "NONE", self.right)

    @property
    def key(self) -> ObjectId:
        """Name and argument types."""
        return ObjectId(ObjectKind.OPERATOR, self.name, self.signature)


@dataclass(frozen=True)
class Aggregate:
    """``CREATE AGGREGATE``; an ordered-set aggregate has ``order_by`` (its aggregated arguments).

    ``arguments`` are the (direct, for an ordered-set aggregate) argument types,
    ``variadic`` marks the last one VARIADIC. Moving-aggregate and the rarer options
    are read as omissions.
    """

    name: QualifiedName
    arguments: tuple[str, ...]
    sfunc: QualifiedName
    stype: str
    order_by: tuple[str, ...] | None = None
    variadic: bool = False
    hypothetical: bool = False
    sspace: int = 0
    finalfunc: QualifiedName | None = None
    finalfunc_extra: bool = False
    finalfunc_modify: str | None = None  # READ_ONLY | SHAREABLE | READ_WRITE, None: the default
    combinefunc: QualifiedName | None = None
    serialfunc: QualifiedName | None = None
    deserialfunc: QualifiedName | None = None
    initcond: str | None = None
    sortop: QualifiedName | None = None
    parallel: str = "UNSAFE"
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()

    @property
    def identity_types(self) -> tuple[str, ...]:
        """The types PostgreSQL tells overloads apart by (direct then aggregated arguments)."""
        return (*self.arguments, *(self.order_by or ()))

    @property
    def key(self) -> ObjectId:
        """Name and argument types."""
        return ObjectId(ObjectKind.AGGREGATE, self.name, self.identity_types)

    @property
    def functions(self) -> tuple[QualifiedName, ...]:
        """Every support function it names."""
        named = (self.sfunc, self.finalfunc, self.combinefunc, self.serialfunc, self.deserialfunc)
        return tuple(f for f in named if f is not None)


@dataclass(frozen=True)
class TextSearchConfiguration:
    """``CREATE TEXT SEARCH CONFIGURATION`` with a parser and mappings: token type → dictionaries."""

    name: QualifiedName
    parser: QualifiedName
    mappings: tuple[tuple[str, tuple[QualifiedName, ...]], ...] = ()
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class TextSearchDictionary:
    """``CREATE TEXT SEARCH DICTIONARY``: a template and its options (name, value text)."""

    name: QualifiedName
    template: QualifiedName
    options: tuple[tuple[str, str], ...] = ()
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


STATISTICS_KINDS = ("ndistinct", "dependencies", "mcv")
"""The kinds ``CREATE STATISTICS`` builds, in PostgreSQL's order (``stxkind`` d, f, m)."""


@dataclass(frozen=True)
class Statistics:
    """``CREATE STATISTICS`` on columns (in table order) and expressions of one table.

    ``kinds`` None builds every kind that applies (PostgreSQL's default); ``target``
    is ``ALTER STATISTICS … SET STATISTICS`` (None: the default).
    """

    name: QualifiedName
    table: QualifiedName
    columns: tuple[str, ...] = ()
    expressions: tuple[str, ...] = ()
    kinds: tuple[str, ...] | None = None
    target: int | None = None
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class EventTrigger:
    """``CREATE EVENT TRIGGER`` (database-wide): an event, optional command tags, a function.

    ``enabled`` is ``origin`` (PostgreSQL's default), ``replica``, ``always`` or ``disabled``.
    """

    name: str
    event: str
    function: QualifiedName
    tags: tuple[str, ...] = ()
    enabled: str = "origin"
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class Rule:
    """``CREATE RULE`` on a table or view: ``ON event`` ``DO [INSTEAD]`` actions (none: NOTHING)."""

    name: str
    table: QualifiedName
    event: str  # INSERT | UPDATE | DELETE
    instead: bool = False
    where: str | None = None
    actions: tuple[str, ...] = ()
    enabled: str = "origin"  # origin | replica | always | disabled
    comment: str | None = None
    span: Span | None = _span()

    @property
    def key(self) -> tuple[QualifiedName, str]:
        """Rules are named per relation."""
        return (self.table, self.name)


PUBLISH_ACTIONS = ("insert", "update", "delete", "truncate")
"""What a publication can publish, in PostgreSQL's order (all by default)."""


@dataclass(frozen=True)
class PublishedTable:
    """A table of a publication, with its column list and row filter (PostgreSQL 15+)."""

    table: QualifiedName
    columns: tuple[str, ...] | None = None
    where: str | None = None


@dataclass(frozen=True)
class Publication:
    """``CREATE PUBLICATION`` (database-wide): all tables, or tables and schemas, and options."""

    name: str
    all_tables: bool = False
    tables: tuple[PublishedTable, ...] = ()
    schemas: tuple[str, ...] = ()
    publish: tuple[str, ...] = PUBLISH_ACTIONS
    via_partition_root: bool = False
    generated_columns: bool = False
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()
