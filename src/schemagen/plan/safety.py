"""Safe by default: rewrite ordered changes on existing tables so they do not block them.

Only tables (and materialized views) that exist before the plan runs and that
the plan does not create again are rewritten; a plan from an empty catalog
(``generated/schema.sql``) is never touched. Each rewrite is behind a
``SafetySettings`` switch. A step returned with ``outside_transaction`` cannot
run (or must not wait) inside a transaction block.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    AddConstraint,
    AddEnumValue,
    AlterColumn,
    Change,
    ColumnChange,
    CreateIndex,
    CreateTable,
    DropIndex,
)
from schemagen.model.code_changes import CreateView
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CheckConstraint,
    ForeignKey,
    Index,
    IndexElement,
    PrimaryKey,
    UniqueConstraint,
)
from schemagen.model.pg.naming import make_object_name
from schemagen.model.rename_changes import RenameTable
from schemagen.model.safe_changes import (
    AddKeyUsingIndex,
    AddNotNullCheck,
    DropNotNullCheck,
    ValidateConstraint,
)
from schemagen.model.settings import SafetySettings

_NOT_NULL_ONLY = ColumnChange.NOT_NULL | ColumnChange.DEFAULT
"""Column changes that leave the rows alone: with any other flag the table is rewritten anyway."""


@dataclass(frozen=True)
class Existing:
    """What exists before a plan runs and survives it."""

    relations: frozenset[QualifiedName] = frozenset()
    """Tables and materialized views with rows, not created (again) by the plan."""
    partitioned: frozenset[QualifiedName] = frozenset()
    """The partitioned tables among them (no CONCURRENTLY, no NOT VALID foreign key there)."""
    enums: frozenset[QualifiedName] = frozenset()
    """Enum types of the old catalog."""
    with_default: frozenset[QualifiedName] = frozenset()
    """Partitioned tables whose DEFAULT partition exists before the plan and survives it: a new
    partition beside it makes PostgreSQL scan it (and fail when it holds rows of the new bounds)."""

    @classmethod
    def of(cls, old: Catalog | None, changes: Iterable[Change]) -> Existing:
        """The relations of ``old`` that ``changes`` do not create; nothing when ``old`` is None."""
        if old is None:
            return cls()
        changes = list(changes)
        created = {c.table.name for c in changes if isinstance(c, CreateTable)}
        created |= {c.view.name for c in changes if isinstance(c, CreateView)}
        renamed = {c.table.name for c in changes if isinstance(c, RenameTable)}
        tables = (set(old.tables) | renamed) - created
        matviews = {k for k, v in old.views.items() if v.materialized} - created
        partitioned = {k for k, t in old.tables.items() if t.partition_by is not None}
        partitioned |= {c.table.name for c in changes if isinstance(c, RenameTable) and c.table.partition_by}
        with_default = {
            t.partition_of.parent
            for k, t in old.tables.items()
            if t.partition_of is not None and t.partition_of.default and k in tables
        }
        return cls(
            frozenset(tables | matviews),
            frozenset(partitioned),
            frozenset(old.enums),
            frozenset(with_default),
        )

    def holds_rows(self, table: QualifiedName) -> bool:
        """Whether ``table`` exists before the plan and is not partitioned (it holds rows itself)."""
        return table in self.relations and table not in self.partitioned


@dataclass(frozen=True)
class Step:
    """One change of a rewritten plan."""

    change: Change
    outside_transaction: bool = False


def safe_steps(change: Change, existing: Existing, safety: SafetySettings) -> list[Step]:
    """``change`` written the safe way (one or more steps), or as it is."""
    if (
        isinstance(change, CreateIndex)
        and safety.concurrent_indexes
        and existing.holds_rows(change.index.table)
    ):
        return [Step(replace(change, concurrently=True), outside_transaction=True)]
    if (
        isinstance(change, DropIndex)
        and safety.concurrent_indexes
        and existing.holds_rows(change.index.table)
    ):
        return [Step(replace(change, concurrently=True), outside_transaction=True)]
    if isinstance(change, AddConstraint) and existing.holds_rows(change.table):
        return _add_constraint(change, safety)
    if isinstance(change, AlterColumn) and safety.not_null_via_check and existing.holds_rows(change.table):
        return _set_not_null(change)
    if (
        isinstance(change, AddEnumValue)
        and safety.enum_values_outside_transaction
        and change.enum in existing.enums
    ):
        return [Step(change, outside_transaction=True)]
    return [Step(change)]


def _add_constraint(change: AddConstraint, safety: SafetySettings) -> list[Step]:
    c = change.constraint
    if isinstance(c, ForeignKey | CheckConstraint) and safety.validate_separately and not c.not_valid:
        return [
            Step(replace(change, constraint=replace(c, not_valid=True))),
            Step(ValidateConstraint(change.table, c.name), outside_transaction=True),
        ]
    if isinstance(c, PrimaryKey | UniqueConstraint) and safety.keys_from_concurrent_index:
        index = Index(
            name=QualifiedName(change.table.schema, c.name),
            table=change.table,
            elements=tuple(IndexElement(column=column) for column in c.columns),
            unique=True,
            nulls_not_distinct=isinstance(c, UniqueConstraint) and c.nulls_not_distinct,
            include=c.include,
            storage_parameters=c.storage_parameters,
        )
        return [
            Step(CreateIndex(index, concurrently=True), outside_transaction=True),
            Step(AddKeyUsingIndex(change.table, c)),
        ]
    return [Step(change)]


def _set_not_null(change: AlterColumn) -> list[Step]:
    if not (change.changed("NOT_NULL") and change.new.not_null) or change.changes & ~_NOT_NULL_ONLY:
        return [Step(change)]
    name = make_object_name(change.table.name, change.new.name, "not_null_check")
    return [
        Step(AddNotNullCheck(change.table, change.new.name, name)),
        Step(ValidateConstraint(change.table, name), outside_transaction=True),
        Step(replace(change, not_null_checked=True)),
        Step(DropNotNullCheck(change.table, change.new.name, name)),
    ]
