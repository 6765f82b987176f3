"""Where two catalogs differ, object by object: what the round-trip tests report on failure."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from schemagen.model import Catalog


def differing_objects(a: Catalog, b: Catalog) -> Iterator[tuple[str, Any, Any, Any]]:
    """(catalog field, key, object of ``a``, object of ``b``) for each key whose objects differ.

    Fields in declaration order, keys sorted by their text; an object one side lacks is None.
    """
    for f in dataclasses.fields(a):
        left, right = getattr(a, f.name), getattr(b, f.name)
        for key in sorted(set(left) | set(right), key=str):
            if left.get(key) != right.get(key):
                yield f.name, key, left.get(key), right.get(key)


def differences(a: Catalog, b: Catalog) -> list[str]:
    """Every object that differs between two catalogs, both versions shown."""
    return [f"{field} {key}:\n  A: {x}\n  B: {y}" for field, key, x, y in differing_objects(a, b)]
