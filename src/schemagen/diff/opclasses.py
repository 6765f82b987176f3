"""Operator families and classes: created, dropped and recreated whole.

``DROP OPERATOR FAMILY`` takes the family's classes with it, so a class whose family
is recreated is dropped before it and created after, even when the class is unchanged.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.simple import DiffFunctions, simple
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change
from schemagen.model.kinds import ObjectKind
from schemagen.model.opclasses import (
    CreateOperatorClass,
    CreateOperatorFamily,
    DropOperatorClass,
    DropOperatorFamily,
    OperatorFamily,
)


def opclass_functions() -> DiffFunctions:
    """(create, drop, alter) of operator classes: a simple kind."""
    return simple(ObjectKind.OPERATOR_CLASS, CreateOperatorClass, DropOperatorClass, lambda c: (c.using,))


def family_functions(old: Catalog, new: Catalog) -> DiffFunctions:
    """(create, drop, alter) of operator families; a recreated family recreates its unchanged classes.

    A class that changes too is recreated by its own comparator.
    """
    created, dropped, altered = simple(
        ObjectKind.OPERATOR_FAMILY, CreateOperatorFamily, DropOperatorFamily, lambda f: (f.using,)
    )
    make_class, drop_class, _ = opclass_functions()

    def alter(before: OperatorFamily, after: OperatorFamily) -> list[Change]:
        changes = altered(before, after)
        if replace(before, comment=None) == replace(after, comment=None):
            return changes
        kept = [
            c
            for key, c in old.operator_classes.items()
            if (c.family_name, c.using) == after.key and new.operator_classes.get(key) == c
        ]
        drops = [d for c in kept for d in drop_class(c)]
        return [*drops, *changes, *(m for c in kept for m in make_class(c))]

    return created, dropped, alter
