"""Typed identities: an object's id (kind, name, signature) and a grant's target.

The kinds themselves (``ObjectKind``, ``GrantOn``) are declared with their
descriptors in ``model/kinds.py``.

Other stages compare and look up these values; none of them splits a string
such as ``"f(integer, text)"`` to learn what it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.model.kinds import GrantOn, ObjectKind
from schemagen.model.names import QualifiedName


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
        return identity_text(self.name, self.signature)

    @property
    def schema(self) -> str:
        """The schema the object lives in (``""`` for schemas, extensions and roles)."""
        return self.name.schema


def identity_text(name: QualifiedName, signature: tuple[str, ...] | None) -> str:
    """An object's name as PostgreSQL prints its identity: ``app.t``, ``app``, ``app.f(integer)``."""
    text = str(name) if name.schema else name.name
    return text if signature is None else f"{text}({', '.join(signature)})"


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
        return identity_text(self.name, self.signature)

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
