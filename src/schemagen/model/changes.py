"""Changes: small frozen values that take one catalog towards another.

``diff`` produces them, ``plan`` orders them and ``render`` turns each into SQL
with the template named after its class (``CreateTable`` →
``templates/changes/create_table.sql.j2``). A change knows which objects it
touches, never how it is spelled in SQL. ``reverse()`` exists where the reversal
is exact; other changes raise ``NotImplementedError``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from schemagen.model.change import Change
from schemagen.model.kinds import COMMENT_KEYWORDS
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CheckConstraint,
    Column,
    CompositeType,
    Domain,
    EnumType,
    ExcludeConstraint,
    Extension,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)

Constraint = PrimaryKey | UniqueConstraint | ForeignKey | CheckConstraint | ExcludeConstraint


# --- schemas and extensions -------------------------------------------------


@dataclass(frozen=True)
class CreateSchema(Change):
    """``CREATE SCHEMA``."""

    schema: Schema

    def reverse(self) -> Change:
        return DropSchema(self.schema)


@dataclass(frozen=True)
class DropSchema(Change):
    """``DROP SCHEMA`` (never CASCADE: its objects are dropped by their own changes)."""

    schema: Schema

    def reverse(self) -> Change:
        return CreateSchema(self.schema)


@dataclass(frozen=True)
class CreateExtension(Change):
    """``CREATE EXTENSION IF NOT EXISTS``."""

    extension: Extension

    def reverse(self) -> Change:
        return DropExtension(self.extension)


@dataclass(frozen=True)
class UpdateExtension(Change):
    """``ALTER EXTENSION … UPDATE [TO version]``: a declared version, or the server's default (None)."""

    name: str
    old_version: str | None
    new_version: str | None

    def reverse(self) -> Change:
        return UpdateExtension(self.name, self.new_version, self.old_version)


@dataclass(frozen=True)
class DropExtension(Change):
    """``DROP EXTENSION``."""

    extension: Extension

    def reverse(self) -> Change:
        return CreateExtension(self.extension)


# --- types ------------------------------------------------------------------


@dataclass(frozen=True)
class CreateEnum(Change):
    """``CREATE TYPE … AS ENUM``."""

    enum: EnumType

    def reverse(self) -> Change:
        return DropEnum(self.enum)


@dataclass(frozen=True)
class DropEnum(Change):
    """``DROP TYPE`` of an enum."""

    enum: EnumType

    def reverse(self) -> Change:
        return CreateEnum(self.enum)


@dataclass(frozen=True)
class AddEnumValue(Change):
    """``ALTER TYPE … ADD VALUE … [BEFORE | AFTER]`` (PostgreSQL cannot remove it again)."""

    enum: QualifiedName
    label: str
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class RebuildEnum(Change):
    """Replace an enum whose labels were removed or reordered, converting the columns using it.

    ``columns`` are the (table, new column) pairs of the target catalog whose
    type is the enum or an array of it. ``checks`` and ``indexes`` are the kept
    CHECKs and indexes whose expressions use those columns: their stored text casts
    literals to the old type, so PostgreSQL could not rebuild them under the new one;
    they are dropped before the columns are converted and created again after.
    Views, policies and triggers using the columns are recreated around the change
    by the diff's cascade.
    """

    old: EnumType
    new: EnumType
    columns: tuple[tuple[QualifiedName, Column], ...] = ()
    checks: tuple[tuple[QualifiedName, CheckConstraint], ...] = ()
    indexes: tuple[Index, ...] = ()

    @property
    def temporary_name(self) -> str:
        """The name the old type is renamed to while the columns are converted."""
        return f"{self.old.name.name}__old"


@dataclass(frozen=True)
class CreateDomain(Change):
    """``CREATE DOMAIN``."""

    domain: Domain

    def reverse(self) -> Change:
        return DropDomain(self.domain)


@dataclass(frozen=True)
class DropDomain(Change):
    """``DROP DOMAIN``."""

    domain: Domain

    def reverse(self) -> Change:
        return CreateDomain(self.domain)


class DomainChange(enum.Flag):
    """What differs between two versions of a domain (besides CHECKs)."""

    NONE = 0
    DEFAULT = enum.auto()
    NOT_NULL = enum.auto()


@dataclass(frozen=True)
class AlterDomain(Change):
    """``ALTER DOMAIN … SET/DROP DEFAULT | SET/DROP NOT NULL``."""

    old: Domain
    new: Domain
    changes: DomainChange

    def reverse(self) -> Change:
        return AlterDomain(self.new, self.old, self.changes)

    def changed(self, aspect: str) -> bool:
        """Whether ``aspect`` (a ``DomainChange`` member name) changed."""
        return bool(self.changes & DomainChange[aspect])


@dataclass(frozen=True)
class AddDomainConstraint(Change):
    """``ALTER DOMAIN … ADD CONSTRAINT … CHECK``."""

    domain: QualifiedName
    check: CheckConstraint

    def reverse(self) -> Change:
        return DropDomainConstraint(self.domain, self.check)


@dataclass(frozen=True)
class DropDomainConstraint(Change):
    """``ALTER DOMAIN … DROP CONSTRAINT``."""

    domain: QualifiedName
    check: CheckConstraint

    def reverse(self) -> Change:
        return AddDomainConstraint(self.domain, self.check)


@dataclass(frozen=True)
class CreateCompositeType(Change):
    """``CREATE TYPE … AS (…)``."""

    type: CompositeType

    def reverse(self) -> Change:
        return DropCompositeType(self.type)


@dataclass(frozen=True)
class DropCompositeType(Change):
    """``DROP TYPE`` of a composite type."""

    type: CompositeType

    def reverse(self) -> Change:
        return CreateCompositeType(self.type)


# --- sequences --------------------------------------------------------------


@dataclass(frozen=True)
class CreateSequence(Change):
    """``CREATE SEQUENCE`` (ownership is a separate ``AlterSequenceOwnedBy``)."""

    sequence: Sequence

    def reverse(self) -> Change:
        return DropSequence(self.sequence)


@dataclass(frozen=True)
class DropSequence(Change):
    """``DROP SEQUENCE``."""

    sequence: Sequence

    def reverse(self) -> Change:
        return CreateSequence(self.sequence)


@dataclass(frozen=True)
class AlterSequence(Change):
    """``ALTER SEQUENCE`` with every option of ``new`` (type, bounds, increment, cache, cycle)."""

    old: Sequence
    new: Sequence

    def reverse(self) -> Change:
        return AlterSequence(self.new, self.old)


@dataclass(frozen=True)
class AlterSequenceOwnedBy(Change):
    """``ALTER SEQUENCE … OWNED BY table.column | NONE``.

    ``owner``: the table's owner, given to the sequence first (``OWNER TO``) when the sequence
    is linked to an existing table of another owner (PostgreSQL wants them the same).
    """

    sequence: QualifiedName
    old: tuple[QualifiedName, str] | None
    new: tuple[QualifiedName, str] | None
    owner: str | None = None

    def reverse(self) -> Change:
        return AlterSequenceOwnedBy(self.sequence, self.new, self.old)


# --- tables and columns -----------------------------------------------------


@dataclass(frozen=True)
class CreateTable(Change):
    """``CREATE TABLE`` with columns, PK, UNIQUE, CHECK and EXCLUDE inline.

    Foreign keys and comments are separate changes, so table order and
    reference cycles never matter. A partition (``PARTITION OF``) takes its
    columns from the parent; only its own constraints are rendered.
    """

    table: Table

    def reverse(self) -> Change:
        return DropTable(self.table)

    @property
    def inline_constraints(self) -> tuple[Constraint, ...]:
        """The constraints rendered inside the statement, in a fixed order.

        A NOT VALID check is left out: inside CREATE TABLE PostgreSQL validates
        it anyway, so it is added by its own ``ALTER TABLE … NOT VALID``.
        """
        t = self.table
        checks = tuple(c for c in t.checks if not c.not_valid)
        return (*((t.primary_key,) if t.primary_key else ()), *t.uniques, *checks, *t.excludes)


@dataclass(frozen=True)
class DropTable(Change):
    """``DROP TABLE``; ``indexes`` are the old catalog's indexes on it, which go with it."""

    table: Table
    indexes: tuple[QualifiedName, ...] = ()

    def reverse(self) -> Change:
        return CreateTable(self.table)


@dataclass(frozen=True)
class AddColumn(Change):
    """``ALTER TABLE … ADD COLUMN``."""

    table: QualifiedName
    column: Column

    def reverse(self) -> Change:
        return DropColumn(self.table, self.column)


@dataclass(frozen=True)
class DropColumn(Change):
    """``ALTER TABLE [ONLY] … DROP COLUMN``."""

    table: QualifiedName
    column: Column
    only: bool = False
    """``ONLY``: the INHERITS children keep the column as their own."""

    def reverse(self) -> Change:
        return AddColumn(self.table, self.column)


class ColumnChange(enum.Flag):
    """What differs between two versions of a column (comments are ``SetComment``)."""

    NONE = 0
    TYPE = enum.auto()
    COLLATION = enum.auto()
    DEFAULT = enum.auto()
    NOT_NULL = enum.auto()
    IDENTITY = enum.auto()
    GENERATED = enum.auto()


@dataclass(frozen=True)
class AlterColumn(Change):
    """``ALTER TABLE … ALTER COLUMN`` for every aspect flagged in ``changes``."""

    table: QualifiedName
    old: Column
    new: Column
    changes: ColumnChange
    not_null_checked: bool = False
    """``SET NOT NULL`` follows a validated ``CHECK (c IS NOT NULL)``: PostgreSQL skips the scan."""

    def reverse(self) -> Change:
        return AlterColumn(self.table, self.new, self.old, self.changes)

    def changed(self, aspect: str) -> bool:
        """Whether ``aspect`` (a ``ColumnChange`` member name) changed."""
        return bool(self.changes & ColumnChange[aspect])


@dataclass(frozen=True)
class SetTableLogged(Change):
    """``ALTER TABLE … SET LOGGED | SET UNLOGGED``."""

    table: QualifiedName
    unlogged: bool

    def reverse(self) -> Change:
        return SetTableLogged(self.table, not self.unlogged)


@dataclass(frozen=True)
class SetTableStorage(Change):
    """``ALTER TABLE … SET (name = value, …)`` and ``RESET (name, …)``: the table's storage parameters."""

    table: QualifiedName
    parameters: tuple[tuple[str, str], ...]
    old_parameters: tuple[tuple[str, str], ...] = ()

    @property
    def set(self) -> tuple[tuple[str, str], ...]:
        """The parameters given a new value."""
        old = dict(self.old_parameters)
        return tuple((k, v) for k, v in self.parameters if old.get(k) != v)

    @property
    def reset(self) -> tuple[str, ...]:
        """The parameters taken back to their defaults."""
        new = dict(self.parameters)
        return tuple(k for k, _ in self.old_parameters if k not in new)

    def reverse(self) -> Change:
        return SetTableStorage(self.table, self.old_parameters, self.parameters)


@dataclass(frozen=True)
class SetIndexStorage(Change):
    """``ALTER INDEX … SET (name = value, …)`` / ``RESET (name, …)``: a key constraint's index."""

    table: QualifiedName
    constraint: str
    """The PRIMARY KEY, UNIQUE or EXCLUDE constraint (its index has its name)."""
    parameters: tuple[tuple[str, str], ...]
    old_parameters: tuple[tuple[str, str], ...] = ()

    @property
    def index(self) -> QualifiedName:
        """The constraint's index."""
        return QualifiedName(self.table.schema, self.constraint)

    @property
    def set(self) -> tuple[tuple[str, str], ...]:
        """The parameters given a new value."""
        old = dict(self.old_parameters)
        return tuple((k, v) for k, v in self.parameters if old.get(k) != v)

    @property
    def reset(self) -> tuple[str, ...]:
        """The parameters taken back to their defaults."""
        new = dict(self.parameters)
        return tuple(k for k, _ in self.old_parameters if k not in new)

    def reverse(self) -> Change:
        return SetIndexStorage(self.table, self.constraint, self.old_parameters, self.parameters)


@dataclass(frozen=True)
class SetClusterOn(Change):
    """``ALTER TABLE … CLUSTER ON index`` (``index`` None: ``SET WITHOUT CLUSTER``)."""

    table: QualifiedName
    index: str | None
    old_index: str | None = None
    constraint: bool = False
    """``index`` is the index of a key constraint of the table (else an index in its schema)."""
    old_constraint: bool = False

    def reverse(self) -> Change:
        return SetClusterOn(self.table, self.old_index, self.index, self.old_constraint, self.constraint)


@dataclass(frozen=True)
class SetColumnStatistics(Change):
    """``ALTER TABLE ONLY … ALTER COLUMN … SET STATISTICS n`` (None: -1, the default)."""

    table: QualifiedName
    column: str
    statistics: int | None
    old_statistics: int | None = None

    def reverse(self) -> Change:
        return SetColumnStatistics(self.table, self.column, self.old_statistics, self.statistics)


@dataclass(frozen=True)
class SetColumnStorage(Change):
    """``ALTER TABLE ONLY … ALTER COLUMN … SET STORAGE`` (None: back to the type's own)."""

    table: QualifiedName
    column: str
    storage: str | None
    old_storage: str | None = None
    type_storage: str | None = None
    """The storage of the column's type, when known (what None goes back to; else ``DEFAULT``,
    PostgreSQL 16 and later)."""

    def reverse(self) -> Change:
        return SetColumnStorage(self.table, self.column, self.old_storage, self.storage, self.type_storage)


@dataclass(frozen=True)
class SetColumnCompression(Change):
    """``ALTER TABLE ONLY … ALTER COLUMN … SET COMPRESSION`` (None: ``DEFAULT``)."""

    table: QualifiedName
    column: str
    compression: str | None
    old_compression: str | None = None

    def reverse(self) -> Change:
        return SetColumnCompression(self.table, self.column, self.old_compression, self.compression)


@dataclass(frozen=True)
class SetColumnOptions(Change):
    """``ALTER TABLE ONLY … ALTER COLUMN … SET (…)`` / ``RESET (…)``: attribute options."""

    table: QualifiedName
    column: str
    options: tuple[tuple[str, str], ...]
    old_options: tuple[tuple[str, str], ...] = ()

    @property
    def set(self) -> tuple[tuple[str, str], ...]:
        """Options that are new or changed."""
        old = dict(self.old_options)
        return tuple((k, v) for k, v in self.options if old.get(k) != v)

    @property
    def reset(self) -> tuple[str, ...]:
        """Options that are gone."""
        new = dict(self.options)
        return tuple(k for k, _ in self.old_options if k not in new)

    def reverse(self) -> Change:
        return SetColumnOptions(self.table, self.column, self.old_options, self.options)


@dataclass(frozen=True)
class SetIndexStatistics(Change):
    """``ALTER INDEX … ALTER COLUMN position SET STATISTICS n`` (None: -1, the default)."""

    index: QualifiedName
    position: int
    """The key's position in the index, from 1."""
    statistics: int | None
    old_statistics: int | None = None
    constraint_of: QualifiedName | None = None
    """The table whose EXCLUDE constraint the index belongs to (None: a declared index)."""

    def reverse(self) -> Change:
        return SetIndexStatistics(
            self.index, self.position, self.old_statistics, self.statistics, self.constraint_of
        )


@dataclass(frozen=True)
class SetReplicaIdentity(Change):
    """``ALTER TABLE … REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX index}``."""

    table: QualifiedName
    identity: str
    """``default``, ``full``, ``nothing`` or ``index``."""
    index: str | None = None
    old_identity: str = "default"
    old_index: str | None = None
    constraint: bool = False
    """``index`` is the index of a key constraint of the table (else an index in its schema)."""
    old_constraint: bool = False

    def reverse(self) -> Change:
        return SetReplicaIdentity(
            self.table,
            self.old_identity,
            self.old_index,
            self.identity,
            self.index,
            self.old_constraint,
            self.constraint,
        )


@dataclass(frozen=True)
class AddConstraint(Change):
    """``ALTER TABLE … ADD CONSTRAINT`` (PK, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE)."""

    table: QualifiedName
    constraint: Constraint

    def reverse(self) -> Change:
        return DropConstraint(self.table, self.constraint)


@dataclass(frozen=True)
class DropConstraint(Change):
    """``ALTER TABLE … DROP CONSTRAINT``."""

    table: QualifiedName
    constraint: Constraint

    def reverse(self) -> Change:
        return AddConstraint(self.table, self.constraint)


# --- indexes ----------------------------------------------------------------


@dataclass(frozen=True)
class CreateIndex(Change):
    """``CREATE [UNIQUE] INDEX [CONCURRENTLY]``."""

    index: Index
    concurrently: bool = False

    def reverse(self) -> Change:
        return DropIndex(self.index, self.concurrently)


@dataclass(frozen=True)
class DropIndex(Change):
    """``DROP INDEX [CONCURRENTLY]``; ``attached`` are the partitions' keys whose index is attached to
    this (partitioned) one: PostgreSQL drops them only with it (``CASCADE``), never on their own."""

    index: Index
    concurrently: bool = False
    attached: tuple[tuple[QualifiedName, Constraint], ...] = ()

    def reverse(self) -> Change:
        return CreateIndex(self.index, self.concurrently)


# --- comments ---------------------------------------------------------------

COMMENT_KINDS = tuple(COMMENT_KEYWORDS)
"""Every ``COMMENT ON`` keyword, from the kind descriptors."""


@dataclass(frozen=True)
class SetComment(Change):
    """``COMMENT ON <kind> … IS '…' | NULL`` for any object kind.

    ``name`` is the object itself, or the owner of a member (the table of a
    column, constraint, trigger or policy; the domain of a domain constraint);
    for schemas, extensions and roles only ``name.name`` is used. ``arguments``
    are a function's identity types.
    """

    kind: str
    name: QualifiedName
    comment: str | None
    previous: str | None = None
    member: str | None = None
    arguments: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in COMMENT_KINDS:
            raise ValueError(f"unknown comment kind {self.kind!r}")

    def reverse(self) -> Change:
        return replace(self, comment=self.previous, previous=self.comment)


# --- owners -----------------------------------------------------------------


@dataclass(frozen=True)
class SetOwner(Change):
    """``ALTER <kind> … OWNER TO role`` for an object with an owner of its own.

    ``kind`` is the object's ``COMMENT ON`` keyword (the same word names it in
    ``ALTER``); ``name`` and ``arguments`` identify it as for ``SetComment``.
    ``previous`` is the live owner (None: the object is created by the same plan).
    """

    kind: str
    name: QualifiedName
    owner: str
    previous: str | None = None
    arguments: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in COMMENT_KINDS:
            raise ValueError(f"unknown owner kind {self.kind!r}")

    def reverse(self) -> Change:
        if self.previous is None:
            raise NotImplementedError("a created object's owner has no previous owner to go back to")
        return replace(self, owner=self.previous, previous=self.owner)
