"""The query that tells whether a table already holds its declared reference rows."""

from __future__ import annotations

from schemagen.model.routines import ReferenceRows
from schemagen.render.environment import environment

TEMPLATE = "queries/reference_rows_present.sql.j2"


def reference_rows_query(rows: ReferenceRows) -> str:
    """``SELECT <bool>``: true when every row of ``rows`` is present with its declared values.

    With ``on_conflict: nothing`` only the key columns must match (the other values
    are never updated by the upsert either).
    """
    return environment().get_template(TEMPLATE).render(rows=rows).strip()
