"""Declared renames (``renamed_from``): a table, column, index, constraint, enum value, type, domain,
sequence, view or routine keeps its data (and its dependents) under a new name."""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Table


@dataclass(frozen=True)
class RenameTable(Change):
    """``ALTER TABLE … SET SCHEMA`` / ``RENAME TO``; ``table`` is the old table under its new name."""

    old_name: QualifiedName
    table: Table

    def reverse(self) -> Change:
        return RenameTable(self.table.name, replace(self.table, name=self.old_name))

    @property
    def moved(self) -> bool:
        """Whether the schema changes too."""
        return self.old_name.schema != self.table.name.schema


@dataclass(frozen=True)
class RenameColumn(Change):
    """``ALTER TABLE … RENAME COLUMN … TO …``."""

    table: QualifiedName
    old_name: str
    new_name: str

    def reverse(self) -> Change:
        return RenameColumn(self.table, self.new_name, self.old_name)


@dataclass(frozen=True)
class RenameIndex(Change):
    """``ALTER INDEX … RENAME TO …`` (``name.schema`` is the table's)."""

    old_name: QualifiedName
    new_name: QualifiedName

    def reverse(self) -> Change:
        return RenameIndex(self.new_name, self.old_name)


@dataclass(frozen=True)
class RenameConstraint(Change):
    """``ALTER TABLE … RENAME CONSTRAINT … TO …`` (a key's index is renamed with it)."""

    table: QualifiedName
    old_name: str
    new_name: str

    def reverse(self) -> Change:
        return RenameConstraint(self.table, self.new_name, self.old_name)


@dataclass(frozen=True)
class RenameEnumValue(Change):
    """``ALTER TYPE … RENAME VALUE '…' TO '…'``: rows keep their value under the new label."""

    enum: QualifiedName
    old_label: str
    new_label: str

    def reverse(self) -> Change:
        return RenameEnumValue(self.enum, self.new_label, self.old_label)


@dataclass(frozen=True)
class RenameObject(Change):
    """``ALTER TYPE|DOMAIN|SEQUENCE|VIEW|MATERIALIZED VIEW|FUNCTION|PROCEDURE … RENAME TO …``.

    ``object_kind`` is the SQL word after ALTER; ``signature`` the identity argument
    types of a routine (None for the other kinds). A new schema is ``SET SCHEMA`` first.
    """

    object_kind: str
    old_name: QualifiedName
    new_name: QualifiedName
    signature: tuple[str, ...] | None = None

    def reverse(self) -> Change:
        return RenameObject(self.object_kind, self.new_name, self.old_name, self.signature)

    @property
    def moved(self) -> bool:
        """Whether the schema changes too."""
        return self.old_name.schema != self.new_name.schema
