"""Typed identities: the kind of an object, and an object's id (kind, name, signature).

Other stages compare and look up these values; none of them splits a string
such as ``"f(integer, text)"`` to learn what it names.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass

from schemagen.model.names import QualifiedName


@functools.total_ordering
class ObjectKind(enum.Enum):
    """Every kind of object the model knows: catalog kinds, then members of other objects.

    The value is the kind's name in messages (``composite type``, ``default privilege``).
    Kinds order by declaration, so sorting ids gives a stable, readable order.
    """

    SCHEMA = "schema"
    EXTENSION = "extension"
    ENUM = "enum"
    DOMAIN = "domain"
    COMPOSITE_TYPE = "composite type"
    SEQUENCE = "sequence"
    TABLE = "table"
    INDEX = "index"
    FUNCTION = "function"
    VIEW = "view"
    TRIGGER = "trigger"
    POLICY = "policy"
    ROLE = "role"
    GRANT = "grant"
    DEFAULT_PRIVILEGE = "default privilege"
    REFERENCE_ROWS = "reference rows"
    COLUMN = "column"
    CONSTRAINT = "constraint"
    DOMAIN_CONSTRAINT = "domain constraint"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ObjectKind):
            return NotImplemented
        return _ORDER[self] < _ORDER[other]


_ORDER = {kind: position for position, kind in enumerate(ObjectKind)}


class GrantOn(enum.StrEnum):
    """What ``GRANT … ON <keyword>`` names: PostgreSQL's privilege classes.

    Coarser than ``ObjectKind``: ``table`` covers views, ``type`` enums, domains and
    composite types; ``column`` is a table with a column list.
    """

    SCHEMA = "schema"
    TABLE = "table"
    COLUMN = "column"
    SEQUENCE = "sequence"
    FUNCTION = "function"
    PROCEDURE = "procedure"
    TYPE = "type"

    @property
    def is_routine(self) -> bool:
        """Whether the target is a function or procedure (identified with its signature)."""
        return self in (GrantOn.FUNCTION, GrantOn.PROCEDURE)

    @property
    def is_relation(self) -> bool:
        """Whether the target is a table, view or one of their columns."""
        return self in (GrantOn.TABLE, GrantOn.COLUMN)


@dataclass(frozen=True, order=True)
class ObjectId:
    """One object: its kind, its name and, for routines, its identity argument types.

    Objects outside any schema (schemas, extensions, roles) have ``name.schema == ""``.

    >>> f = ObjectId(ObjectKind.FUNCTION, QualifiedName("app", "f"), ("integer", "text"))
    >>> str(f)
    'app.f(integer, text)'
    >>> str(ObjectId(ObjectKind.SCHEMA, QualifiedName("", "app")))
    'app'
    """

    kind: ObjectKind
    name: QualifiedName
    signature: tuple[str, ...] | None = None

    def __str__(self) -> str:
        text = str(self.name) if self.name.schema else self.name.name
        if self.signature is None:
            return text
        return f"{text}({', '.join(self.signature)})"

    @property
    def schema(self) -> str:
        """The schema the object lives in (``""`` for schemas, extensions and roles)."""
        return self.name.schema


def routine_id(name: QualifiedName, signature: tuple[str, ...]) -> ObjectId:
    """The id of a function or procedure: its name and identity argument types."""
    return ObjectId(ObjectKind.FUNCTION, name, tuple(signature))


def schema_id(name: str) -> ObjectId:
    """The id of a schema."""
    return ObjectId(ObjectKind.SCHEMA, QualifiedName("", name))


@dataclass(frozen=True, order=True)
class GrantTarget:
    """What one grant is on: a privilege class, the object's name and, for routines, its signature.

    Schemas have ``name.schema == ""``. Its text is the object's identity without
    the class (``app.f(integer)``, ``app.t``, ``app``).

    >>> t = GrantTarget(GrantOn.FUNCTION, QualifiedName("app", "f"), ("integer",))
    >>> str(t), t.routine == routine_id(QualifiedName("app", "f"), ("integer",))
    ('app.f(integer)', True)
    """

    on: GrantOn
    name: QualifiedName
    signature: tuple[str, ...] | None = None

    def __str__(self) -> str:
        text = str(self.name) if self.name.schema else self.name.name
        if self.signature is None:
            return text
        return f"{text}({', '.join(self.signature)})"

    @property
    def schema(self) -> str:
        """The schema the target is, or lives in."""
        return self.name.schema or self.name.name

    @property
    def routine(self) -> ObjectId | None:
        """The function or procedure granted on, by its id (None for other classes)."""
        if not self.on.is_routine:
            return None
        return routine_id(self.name, self.signature or ())


def grant_on_schema(name: str) -> GrantTarget:
    """A grant target that is a schema."""
    return GrantTarget(GrantOn.SCHEMA, QualifiedName("", name))
