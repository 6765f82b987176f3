"""Diff functions for a simple kind: created, dropped, and recreated when anything but its comment changes.

A new kind whose objects are replaced whole (no ``ALTER`` worth writing) needs only its
change classes and one line in ``diff/catalog.py``: ``simple(ObjectKind.X, CreateX, DropX)``.
The comment keyword comes from the kind's descriptor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from schemagen.diff.comments import comment_changes, unqualified
from schemagen.model.changes import Change
from schemagen.model.kinds import ObjectKind, descriptor
from schemagen.model.names import QualifiedName

DiffFunctions = tuple[
    Callable[[Any], list[Change]],
    Callable[[Any], list[Change]],
    Callable[[Any, Any], list[Change]],
]
"""(create, drop, alter) of one kind."""


def simple(
    kind: ObjectKind,
    create: Callable[[Any], Change],
    drop: type[Change],
    arguments: Callable[[Any], tuple[str, ...]] | None = None,
    member_of: Callable[[Any], QualifiedName] | None = None,
) -> DiffFunctions:
    """Create (with its comment), drop, and alter by recreating or re-commenting.

    ``arguments`` gives the types ``COMMENT ON`` names an overloaded object by
    (an operator's, an aggregate's); ``member_of`` the relation a member kind's
    comment names it on (a rule's table: ``COMMENT ON RULE r ON t``).

    >>> from schemagen.model import CompositeAttribute, CompositeType, QualifiedName
    >>> from schemagen.model.changes import CreateCompositeType, DropCompositeType
    >>> _, _, alter = simple(ObjectKind.COMPOSITE_TYPE, CreateCompositeType, DropCompositeType)
    >>> old = CompositeType(QualifiedName("s", "c"), (CompositeAttribute("x", "integer"),))
    >>> [type(c).__name__ for c in alter(old, replace(old, comment="Hi."))]
    ['SetComment']
    >>> [type(c).__name__ for c in alter(old, replace(old, attributes=()))]
    ['DropCompositeType', 'CreateCompositeType']
    """
    keywords = descriptor(kind).comment_keywords

    def commented(obj: Any, previous: str | None) -> list[Change]:
        if not keywords:
            return []
        types = arguments(obj) if arguments is not None else ()
        if member_of is not None:
            owner = member_of(obj)
            return list(comment_changes(keywords[0], owner, previous, obj.comment, member=obj.name))
        name = obj.name if isinstance(obj.name, QualifiedName) else unqualified(obj.name)
        return list(comment_changes(keywords[0], name, previous, obj.comment, arguments=types))

    def created(obj: Any) -> list[Change]:
        return [create(obj), *commented(obj, None)]

    def dropped(obj: Any) -> list[Change]:
        return [drop(obj)]

    def altered(old: Any, new: Any) -> list[Change]:
        if replace(old, comment=None) != replace(new, comment=None):
            return [drop(old), *created(new)]
        return commented(new, old.comment)

    return created, dropped, altered
