"""Range types (``CREATE TYPE … AS RANGE``) and their changes.

A range type brings a multirange type and constructor functions of both names
(``floatrange(1, 2)``, ``floatmultirange(…)``); PostgreSQL creates and drops them
with the range, so they are part of it here, never functions of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span
from schemagen.model.change import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import CheckConstraint, Column, Index, owner_field

_NAMEDATALEN = 64


def default_multirange_name(range_name: str) -> str:
    """The multirange PostgreSQL names after a range (``makeMultirangeTypeName``).

    The first ``range`` in the name becomes ``multirange``, else ``_multirange`` is
    appended; the result is cut to 63 bytes.

    >>> default_multirange_name("floatrange"), default_multirange_name("period")
    ('floatmultirange', 'period_multirange')
    """
    at = range_name.find("range")
    if at >= 0:
        name = range_name[:at] + "multi" + range_name[at:]
    else:
        name = _clip(range_name, _NAMEDATALEN - 12) + "_multirange"
    return _clip(name, _NAMEDATALEN - 1)


def _clip(text: str, limit: int) -> str:
    data = text.encode()
    return text if len(data) <= limit else data[:limit].decode(errors="ignore")


@dataclass(frozen=True)
class RangeType:
    """``CREATE TYPE name AS RANGE (SUBTYPE = …, …)``.

    ``subtype`` is canonical type text; ``subtype_opclass`` a btree operator class
    (None: the subtype's default); ``collation`` as a column's (None: the subtype's
    default); ``subtype_diff`` a function (``pg_catalog`` for a built-in);
    ``multirange`` None when PostgreSQL's default name is meant.
    """

    name: QualifiedName
    subtype: str
    subtype_opclass: QualifiedName | None = None
    collation: str | None = None
    subtype_diff: QualifiedName | None = None
    multirange: QualifiedName | None = None
    comment: str | None = None
    owner: str | None = owner_field()
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    span: Span | None = field(default=None, compare=False, repr=False)

    @property
    def multirange_name(self) -> QualifiedName:
        """The multirange type's name, given or PostgreSQL's default."""
        if self.multirange is not None:
            return self.multirange
        return QualifiedName(self.name.schema, default_multirange_name(self.name.name))

    @property
    def constructors(self) -> tuple[QualifiedName, QualifiedName]:
        """The constructor functions' names: the range's and the multirange's, both in the range's schema."""
        return self.name, QualifiedName(self.name.schema, self.multirange_name.name)


@dataclass(frozen=True)
class CreateRangeType(Change):
    """``CREATE TYPE … AS RANGE``."""

    type: RangeType

    def reverse(self) -> Change:
        return DropRangeType(self.type)


@dataclass(frozen=True)
class DropRangeType(Change):
    """``DROP TYPE`` of a range type (its multirange and constructors go with it)."""

    type: RangeType

    def reverse(self) -> Change:
        return CreateRangeType(self.type)


@dataclass(frozen=True)
class RenameRangeType(Change):
    """``ALTER TYPE … RENAME TO`` / ``SET SCHEMA`` of a range, its multirange and their constructors.

    PostgreSQL moves and renames neither the multirange nor the constructor functions
    with the range: each is altered by name, so the result is what a fresh ``CREATE
    TYPE`` of ``new`` gives.
    """

    old: RangeType
    new: RangeType

    def reverse(self) -> Change:
        return RenameRangeType(self.new, self.old)


@dataclass(frozen=True)
class RebuildRangeType(Change):
    """Replace a range type whose definition changed while columns use it, converting them.

    ``DROP TYPE`` would refuse while a column is of the range, its multirange or an
    array of either. The old range, its multirange and their constructors are renamed
    to temporary names, the new range is created, each column is converted through
    text, and the old type (its multirange and constructors with it) is dropped.
    ``columns`` are the (table, new column) pairs of the target catalog the old catalog
    has with the old range or multirange; ``checks`` and ``indexes`` the kept CHECKs
    and indexes whose expressions use those columns, dropped before the conversion and
    created again after (as for ``RebuildEnum``). Views, policies, triggers and
    functions using the columns or the type are recreated around the change by the
    diff's cascade.
    """

    old: RangeType
    new: RangeType
    columns: tuple[tuple[QualifiedName, Column], ...] = ()
    checks: tuple[tuple[QualifiedName, CheckConstraint], ...] = ()
    indexes: tuple[Index, ...] = ()

    @property
    def temporary_name(self) -> str:
        """The name the old range (and its constructors) take while the columns are converted."""
        return _clip(self.old.name.name, _NAMEDATALEN - 6) + "__old"

    @property
    def temporary_multirange_name(self) -> str:
        """The name the old multirange (and its constructors) take meanwhile."""
        return _clip(self.old.multirange_name.name, _NAMEDATALEN - 6) + "__old"
