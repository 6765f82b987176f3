"""The refs of one change: what it creates, drops and needs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from schemagen.model.changes import Change
from schemagen.model.deps import ObjectRef


@dataclass(frozen=True)
class Refs:
    """The objects one change creates, drops and needs."""

    creates: frozenset[ObjectRef] = field(default_factory=frozenset)
    drops: frozenset[ObjectRef] = field(default_factory=frozenset)
    needs_new: frozenset[ObjectRef] = field(default_factory=frozenset)
    needs_old: frozenset[ObjectRef] = field(default_factory=frozenset)


def refs(
    creates: Iterable[ObjectRef] = (),
    drops: Iterable[ObjectRef] = (),
    needs_new: Iterable[ObjectRef] = (),
    needs_old: Iterable[ObjectRef] = (),
) -> Refs:
    """Build a ``Refs`` from any iterables."""
    return Refs(frozenset(creates), frozenset(drops), frozenset(needs_new), frozenset(needs_old))


def paired_rules(
    create: type[Change],
    drop: type[Change],
    provides: Callable[[Any], Iterable[ObjectRef]],
    needs: Callable[[Any], Iterable[ObjectRef]],
) -> dict[type[Change], Callable[[Change], Refs]]:
    """Rules for a change and its undoing: ``create`` makes ``provides`` and needs ``needs`` (new
    catalog); ``drop`` removes the same objects and still needs ``needs`` (old catalog).

    A grant and its revoke are such a pair too, providing nothing.
    """
    return {
        create: lambda c: refs(creates=provides(c), needs_new=needs(c)),
        drop: lambda c: refs(drops=provides(c), needs_old=needs(c)),
    }
