"""Keyed set algebra: what was added, removed or kept between two mappings."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class Split(Generic[K]):
    """Keys only in the new side, only in the old side, and in both; each sorted."""

    added: list[K]
    removed: list[K]
    common: list[K]


def split_keys(old: Mapping[K, V], new: Mapping[K, V]) -> Split[K]:
    """Compare the keys of two mappings.

    >>> split_keys({"a": 1, "b": 2}, {"b": 3, "c": 4})
    Split(added=['c'], removed=['a'], common=['b'])
    """
    return Split(
        added=sorted(k for k in new if k not in old),
        removed=sorted(k for k in old if k not in new),
        common=sorted(k for k in new if k in old),
    )


def by_name(items: Iterable[V], key: Callable[[V], K] = lambda item: item.name) -> dict[K, V]:
    """Index a sequence of objects by name, keeping their order."""
    return {key(item): item for item in items}
