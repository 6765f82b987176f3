"""Operator classes and operator families (``CREATE OPERATOR CLASS`` / ``FAMILY``) and their changes.

A class's members are the operators and support functions bound to it; a family's are
the ones bound only to the family (``ALTER OPERATOR FAMILY … ADD``, and the cross-type
members PostgreSQL moves there). A class declared without ``family`` lives in the family
PostgreSQL creates with it, of the same name (``family`` None).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from schemagen.diagnostics import Span
from schemagen.model.change import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import owner_field


@dataclass(frozen=True, order=True)
class OperatorMember:
    """``OPERATOR strategy op (left, right) [FOR ORDER BY family]``; types are canonical type text."""

    types: tuple[str, str]
    strategy: int
    operator: QualifiedName
    order_by: QualifiedName | None = None


@dataclass(frozen=True, order=True)
class FunctionMember:
    """``FUNCTION support (left, right) fn(arguments)``."""

    types: tuple[str, str]
    support: int
    function: QualifiedName
    arguments: tuple[str, ...] = ()


@dataclass(frozen=True)
class OperatorFamily:
    """``CREATE OPERATOR FAMILY name USING method`` with its loose members."""

    name: QualifiedName
    using: str
    operators: tuple[OperatorMember, ...] = ()
    functions: tuple[FunctionMember, ...] = ()
    comment: str | None = None
    owner: str | None = owner_field()
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    span: Span | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[QualifiedName, str]:
        """Name and index method: one name may serve several methods."""
        return self.name, self.using


@dataclass(frozen=True)
class OperatorClass:
    """``CREATE OPERATOR CLASS name [DEFAULT] FOR TYPE t USING method [FAMILY f] AS …``."""

    name: QualifiedName
    using: str
    type: str
    default: bool = False
    family: QualifiedName | None = None
    storage: str | None = None
    operators: tuple[OperatorMember, ...] = ()
    functions: tuple[FunctionMember, ...] = ()
    comment: str | None = None
    owner: str | None = owner_field()
    renamed_from: str | None = field(default=None, compare=False)
    """The previous name (``renamed_from:``): renamed in place, never recreated."""
    span: Span | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[QualifiedName, str]:
        """Name and index method."""
        return self.name, self.using

    @property
    def family_name(self) -> QualifiedName:
        """The family it belongs to: the declared one, else its own name."""
        return self.family if self.family is not None else self.name


@dataclass(frozen=True)
class CreateOperatorFamily(Change):
    """``CREATE OPERATOR FAMILY`` and ``ALTER OPERATOR FAMILY … ADD`` of its members."""

    family: OperatorFamily

    def reverse(self) -> Change:
        return DropOperatorFamily(self.family)


@dataclass(frozen=True)
class DropOperatorFamily(Change):
    """``DROP OPERATOR FAMILY`` (its classes go with it)."""

    family: OperatorFamily

    def reverse(self) -> Change:
        return CreateOperatorFamily(self.family)


@dataclass(frozen=True)
class CreateOperatorClass(Change):
    """``CREATE OPERATOR CLASS``."""

    opclass: OperatorClass

    def reverse(self) -> Change:
        return DropOperatorClass(self.opclass)


@dataclass(frozen=True)
class DropOperatorClass(Change):
    """``DROP OPERATOR CLASS``; a class in a family of its own drops that family (which holds it)."""

    opclass: OperatorClass

    def reverse(self) -> Change:
        return CreateOperatorClass(self.opclass)


@dataclass(frozen=True)
class RenameOperatorFamily(Change):
    """``ALTER OPERATOR FAMILY … USING … SET SCHEMA`` / ``RENAME TO``."""

    old_name: QualifiedName
    family: OperatorFamily

    def reverse(self) -> Change:
        return RenameOperatorFamily(self.family.name, replace(self.family, name=self.old_name))


@dataclass(frozen=True)
class RenameOperatorClass(Change):
    """``ALTER OPERATOR CLASS … USING … SET SCHEMA`` / ``RENAME TO``, and the family made for it."""

    old_name: QualifiedName
    opclass: OperatorClass

    def reverse(self) -> Change:
        return RenameOperatorClass(self.opclass.name, replace(self.opclass, name=self.old_name))
