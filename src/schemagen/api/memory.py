"""Running large, acyclic in-memory builds without the cyclic garbage collector."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic GC for the duration of the block.

    The model, documents and rendered text are acyclic, so reference counting
    frees them; full collections only rescan every live object, and that made a
    5,000-table build 60 % slower (1,000 tables: 30 %) and inspect of 10,000
    tables twice as slow. The previous GC state is restored on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
