"""The refs of one change: what it creates, drops and needs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
