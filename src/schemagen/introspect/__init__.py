"""Read a live PostgreSQL catalog into the model (the same model YAML builds).

A fixed number of set-based queries (``queries/*.sql``, one per object kind)
run in one read-only transaction; pure readers turn their rows into model
objects. Objects that belong to extensions and system schemas are left out;
what the model cannot express is returned as ``Omission``s, never dropped.
"""

from schemagen.introspect.live import introspect, record_rows
from schemagen.introspect.omission import Omission
from schemagen.introspect.query_files import QUERY_KINDS
from schemagen.introspect.reader import read_catalog

__all__ = ["QUERY_KINDS", "Omission", "introspect", "read_catalog", "record_rows"]
