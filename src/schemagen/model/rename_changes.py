"""Declared renames (``renamed_from``): a table or column keeps its data under a new name."""

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
