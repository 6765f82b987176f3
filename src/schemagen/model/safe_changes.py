"""Changes that only the safe rewrites of a live plan produce (see ``plan/safety.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import PrimaryKey, UniqueConstraint


@dataclass(frozen=True)
class ValidateConstraint(Change):
    """``ALTER TABLE … VALIDATE CONSTRAINT``: check the rows of a constraint added ``NOT VALID``."""

    table: QualifiedName
    name: str


@dataclass(frozen=True)
class AddKeyUsingIndex(Change):
    """``ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY | UNIQUE USING INDEX`` (the index takes its name)."""

    table: QualifiedName
    constraint: PrimaryKey | UniqueConstraint

    @property
    def primary(self) -> bool:
        """Whether the key is the primary key."""
        return isinstance(self.constraint, PrimaryKey)


@dataclass(frozen=True)
class AddNotNullCheck(Change):
    """``ALTER TABLE … ADD CONSTRAINT name CHECK (column IS NOT NULL) NOT VALID``.

    The first step of a ``SET NOT NULL`` that does not scan the table under an
    ACCESS EXCLUSIVE lock: validated separately, the check lets PostgreSQL skip
    the scan; ``DropNotNullCheck`` removes it once the column is NOT NULL.
    """

    table: QualifiedName
    column: str
    name: str

    def reverse(self) -> Change:
        return DropNotNullCheck(self.table, self.column, self.name)


@dataclass(frozen=True)
class DropNotNullCheck(Change):
    """``ALTER TABLE … DROP CONSTRAINT name`` of an ``AddNotNullCheck``."""

    table: QualifiedName
    column: str
    name: str

    def reverse(self) -> Change:
        return AddNotNullCheck(self.table, self.column, self.name)
