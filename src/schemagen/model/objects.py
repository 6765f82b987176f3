"""Schema objects as frozen dataclasses, free of SQL text generation.

Conventions shared by every object:

* Types are canonical type strings as PostgreSQL's ``format_type`` prints them
  with ``search_path`` set to ``pg_catalog``: built-in types unqualified and in
  their SQL-standard spelling (``character varying(50)``, ``timestamp with time
  zone``, ``integer[]``), every other type schema-qualified (``agents.agent_id``,
  ``public.vector(1536)``).
* Expressions (defaults, CHECKs, index expressions, predicates) are SQL text.
  Comparing them needs canonicalisation (see ``diff/``), never raw ``==``
  between a declared and a live text.
* Every constraint and index has its final name: when the YAML leaves it out,
  the builder fills in the name PostgreSQL itself would choose.
* ``span`` fields locate the declaration in YAML; they never take part in
  equality.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span
from schemagen.model.names import QualifiedName
from schemagen.model.partition_rules import PartitionRule


def _span() -> Span | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


def owner_field() -> str | None:
    """An object's owner role: None when owners are not managed (``owners: managed`` in schemagen.yaml).

    Not part of equality: an owner change is an ``ALTER … OWNER TO`` of its own
    (``diff/owners.py``), never a reason to alter or recreate the object.
    """
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


@dataclass(frozen=True)
class Extension:
    """``CREATE EXTENSION``; ``schema`` None means the server's default (public)."""

    name: str
    schema: str | None = None
    version: str | None = None
    comment: str | None = None
    span: Span | None = _span()


@dataclass(frozen=True)
class Schema:
    """A namespace. ``public`` exists already and is never created."""

    name: str
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class EnumType:
    """``CREATE TYPE … AS ENUM``; label order matters."""

    name: QualifiedName
    labels: tuple[str, ...]
    comment: str | None = None
    values_renamed_from: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """(new label, previous label) pairs (``values_renamed_from:``): ``RENAME VALUE``, never a rebuild."""
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class CheckConstraint:
    """A named CHECK on a table or domain."""

    name: str
    expression: str
    no_inherit: bool = False
    not_valid: bool = False
    span: Span | None = _span()
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""


@dataclass(frozen=True)
class Domain:
    """``CREATE DOMAIN``: a base type with default, NOT NULL and named CHECKs."""

    name: QualifiedName
    base_type: str
    default: str | None = None
    not_null: bool = False
    collation: str | None = None
    checks: tuple[CheckConstraint, ...] = ()
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class CompositeAttribute:
    """One attribute of a composite type."""

    name: str
    type: str
    collation: str | None = None


@dataclass(frozen=True)
class CompositeType:
    """``CREATE TYPE … AS (…)``."""

    name: QualifiedName
    attributes: tuple[CompositeAttribute, ...]
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class Sequence:
    """``CREATE SEQUENCE``; ``owned_by`` is (table, column) when a column owns it."""

    name: QualifiedName
    data_type: str = "bigint"
    start: int | None = None
    increment: int = 1
    min_value: int | None = None
    max_value: int | None = None
    cache: int = 1
    cycle: bool = False
    owned_by: tuple[QualifiedName, str] | None = None
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class Identity:
    """``GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY`` with sequence options."""

    always: bool = False
    start: int | None = None
    increment: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    cache: int | None = None
    cycle: bool = False


@dataclass(frozen=True)
class Column:
    """A table column. ``generated`` is a generation expression, STORED unless ``virtual`` (PostgreSQL 18)."""

    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    identity: Identity | None = None
    generated: str | None = None
    virtual: bool = False
    collation: str | None = None
    comment: str | None = None
    statistics: int | None = None
    """``ALTER COLUMN … SET STATISTICS n`` (None: the server's default_statistics_target)."""
    storage: str | None = None
    """``ALTER COLUMN … SET STORAGE``: plain, external, extended or main (None: the type's own)."""
    compression: str | None = None
    """``ALTER COLUMN … SET COMPRESSION``: pglz or lz4 (None: the server's default_toast_compression)."""
    options: tuple[tuple[str, str], ...] = ()
    """``ALTER COLUMN … SET (n_distinct = …, n_distinct_inherited = …)``: sorted (name, value) pairs."""
    inherited: bool = False
    """Only from the table's ``INHERITS`` parents, not declared by the table itself (``attislocal``)."""
    renamed_from: str | None = field(default=None, compare=False)
    using: str | None = field(default=None, compare=False)
    """How a live column's values become the new type when it changes (``ALTER COLUMN … TYPE …
    USING``; the old values by the column's name). A migration hint, like ``renamed_from``."""
    not_null_name: str | None = field(default=None, compare=False, repr=False)
    """Read only: the name of its NOT NULL constraint (PostgreSQL 18) when not spelled
    ``<table>_<column>_not_null``; never declared, rendered or compared (``inspect`` warns
    when it is not one PostgreSQL would choose)."""
    span: Span | None = _span()


@dataclass(frozen=True)
class PrimaryKey:
    """PRIMARY KEY constraint."""

    name: str
    columns: tuple[str, ...]
    include: tuple[str, ...] = ()
    deferrable: bool = False
    initially_deferred: bool = False
    span: Span | None = _span()
    storage_parameters: tuple[tuple[str, str], ...] = ()
    """``WITH (fillfactor = …)`` of the constraint's index: sorted (name, value) pairs."""
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""


@dataclass(frozen=True)
class UniqueConstraint:
    """UNIQUE constraint (not a unique index: see ``Index.unique``)."""

    name: str
    columns: tuple[str, ...]
    include: tuple[str, ...] = ()
    nulls_not_distinct: bool = False
    deferrable: bool = False
    initially_deferred: bool = False
    span: Span | None = _span()
    storage_parameters: tuple[tuple[str, str], ...] = ()
    """``WITH (fillfactor = …)`` of the constraint's index: sorted (name, value) pairs."""
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""


@dataclass(frozen=True)
class ForeignKey:
    """FOREIGN KEY; actions are SQL keywords such as ``CASCADE`` or ``SET NULL``."""

    name: str
    columns: tuple[str, ...]
    ref_table: QualifiedName
    ref_columns: tuple[str, ...]
    on_delete: str = "NO ACTION"
    on_update: str = "NO ACTION"
    match: str = "SIMPLE"
    deferrable: bool = False
    initially_deferred: bool = False
    not_valid: bool = False
    span: Span | None = _span()
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""


@dataclass(frozen=True)
class ExcludeElement:
    """One ``element WITH operator`` pair of an EXCLUDE constraint."""

    expression: str
    operator: str
    opclass: str | None = None
    statistics: int | None = None
    """``ALTER INDEX … ALTER COLUMN n SET STATISTICS`` of an expression element's index key."""


@dataclass(frozen=True)
class ExcludeConstraint:
    """EXCLUDE USING method (element WITH op, …) [INCLUDE] [WHERE]."""

    name: str
    using: str
    elements: tuple[ExcludeElement, ...]
    include: tuple[str, ...] = ()
    where: str | None = None
    deferrable: bool = False
    initially_deferred: bool = False
    span: Span | None = _span()
    storage_parameters: tuple[tuple[str, str], ...] = ()
    """``WITH (fillfactor = …)`` of the constraint's index: sorted (name, value) pairs."""
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""


@dataclass(frozen=True)
class PartitionSpec:
    """``PARTITION BY strategy (keys)``; keys are column names or ``(expression)``."""

    strategy: str  # "range" | "list" | "hash"
    keys: tuple[str, ...]

    @property
    def column_keys(self) -> tuple[str, ...]:
        """The keys that are column names, in order."""
        return tuple(k for k in self.keys if not _is_expression_key(k))

    @property
    def expression_keys(self) -> tuple[str, ...]:
        """The keys that are ``(expression)``, in order."""
        return tuple(k for k in self.keys if _is_expression_key(k))


def _is_expression_key(key: str) -> bool:
    return key.strip().startswith("(")


@dataclass(frozen=True)
class PartitionBound:
    """Where a partition sits in its parent.

    Exactly one of the bound forms is used: ``default``; ``values_in`` (LIST);
    ``from_values``/``to_values`` (RANGE; literals or MINVALUE/MAXVALUE);
    ``modulus``/``remainder`` (HASH). Values are SQL literal text.
    """

    parent: QualifiedName
    default: bool = False
    values_in: tuple[str, ...] = ()
    from_values: tuple[str, ...] = ()
    to_values: tuple[str, ...] = ()
    modulus: int | None = None
    remainder: int | None = None


@dataclass(frozen=True)
class Table:
    """A table, with its columns and constraints; indexes are separate objects."""

    name: QualifiedName
    columns: tuple[Column, ...]
    primary_key: PrimaryKey | None = None
    uniques: tuple[UniqueConstraint, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    checks: tuple[CheckConstraint, ...] = ()
    excludes: tuple[ExcludeConstraint, ...] = ()
    partition_by: PartitionSpec | None = None
    partition_of: PartitionBound | None = None
    unlogged: bool = False
    rls_enabled: bool = False
    rls_forced: bool = False
    storage_parameters: tuple[tuple[str, str], ...] = ()
    """``WITH (fillfactor = 70, autovacuum_… = …)``, sorted by name; values as SQL text."""
    cluster_on: str | None = None
    """The index (or key constraint's index) ``CLUSTER`` uses: ``ALTER TABLE … CLUSTER ON``."""
    inherits: tuple[QualifiedName, ...] = ()
    """``INHERITS (parent, …)``, in order; the columns from them are ``Column.inherited``."""
    replica_identity: str = "default"
    """``REPLICA IDENTITY``: ``default``, ``full``, ``nothing`` or ``index`` (``replica_identity_index``)."""
    replica_identity_index: str | None = None
    """The index (or key constraint's index) of ``REPLICA IDENTITY USING INDEX``."""
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    owner: str | None = owner_field()
    span: Span | None = _span()
    rls_off_declared: bool = field(default=False, compare=False, repr=False)
    """``row_level_security: false`` is written: policies kept on purpose while RLS is off."""
    partition_rule: PartitionRule | None = field(default=None, compare=False, repr=False)
    """The range rule (``interval``) whose maintenance creates and drops children over time."""
    attached_keys: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    """Of a live partition: (key constraint, parent index) for each PRIMARY KEY / UNIQUE / EXCLUDE whose
    index is attached to an index of the parent; PostgreSQL drops the key only with that index."""

    def column(self, name: str) -> Column | None:
        """The column called ``name``, or None."""
        for column in self.columns:
            if column.name == name:
                return column
        return None


@dataclass(frozen=True)
class IndexElement:
    """One key of an index: a column name or an ``expression`` (without parentheses)."""

    column: str | None = None
    expression: str | None = None
    opclass: str | None = None
    opclass_params: tuple[tuple[str, str], ...] = ()
    collation: str | None = None
    descending: bool = False
    nulls_first: bool | None = None  # None: the default for the direction
    statistics: int | None = None
    """``ALTER INDEX … ALTER COLUMN n SET STATISTICS`` of an expression key (None: the default)."""


@dataclass(frozen=True)
class Index:
    """``CREATE INDEX``; ``name.schema`` is always the table's schema."""

    name: QualifiedName
    table: QualifiedName
    elements: tuple[IndexElement, ...]
    using: str = "btree"
    unique: bool = False
    nulls_not_distinct: bool = False
    include: tuple[str, ...] = ()
    where: str | None = None
    storage_parameters: tuple[tuple[str, str], ...] = ()
    comment: str | None = None
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    valid: bool = True
    """False for a live index PostgreSQL marks INVALID (a failed ``CREATE INDEX CONCURRENTLY``):
    it is never equal to a declared index, so the plan rebuilds it."""
    span: Span | None = _span()
