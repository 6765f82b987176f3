"""``last_catalog``: remember what a function computed for the catalog being checked.

Several checks walk the same derived lists (every expression, every name); a
catalog never changes after it is built, so each list is computed once per
catalog. Only the last catalog's result is kept, behind a weak reference, so a
cached value is never stale and never keeps a catalog alive.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from schemagen.model import Catalog

_T = TypeVar("_T")


def last_catalog(compute: Callable[[Catalog], _T]) -> Callable[[Catalog], _T]:
    """Wrap ``compute(catalog)`` so repeated calls with the same catalog reuse its result.

    >>> calls = []
    >>> @last_catalog
    ... def count(catalog):
    ...     calls.append(1)
    ...     return len(catalog.tables)
    >>> catalog = Catalog()
    >>> count(catalog), count(catalog), len(calls)
    (0, 0, 1)
    >>> count(Catalog()), len(calls)
    (0, 2)
    """
    last: list = [None, None]  # [weak reference to the catalog, its result]

    @functools.wraps(compute)
    def cached(catalog: Catalog) -> _T:
        if last[0] is None or last[0]() is not catalog:
            last[0], last[1] = weakref.ref(catalog), compute(catalog)
        return last[1]

    return cached
