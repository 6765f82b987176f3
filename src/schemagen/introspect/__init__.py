"""Read a live PostgreSQL catalog into the model (the same model YAML builds).

A fixed number of set-based queries (``queries/*.sql``, one per object kind)
run in one read-only transaction; pure readers turn their rows into model
objects. Objects that belong to extensions and system schemas are left out;
what the model cannot express is returned as ``Omission``s, never dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schemagen.introspect.live import introspect, record_rows
from schemagen.introspect.omission import Omission
from schemagen.introspect.query_files import QUERY_KINDS

if TYPE_CHECKING:
    from schemagen.introspect.reader import read_catalog


def __getattr__(name: str) -> Any:
    """``read_catalog`` is imported on first use: the readers load the model, which ``inspect``
    imports while its catalog queries already run (``live.BackgroundRows``)."""
    if name == "read_catalog":
        from schemagen.introspect.reader import read_catalog

        return read_catalog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["QUERY_KINDS", "Omission", "introspect", "read_catalog", "record_rows"]
