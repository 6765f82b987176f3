"""Queries over reference rows: whether a table holds its declared rows, and reading a table's rows."""

from __future__ import annotations

from collections.abc import Sequence

from schemagen.model.names import QualifiedName
from schemagen.model.routines import ReferenceRows
from schemagen.render.environment import environment

TEMPLATE = "queries/reference_rows_present.sql.j2"
ROWS_TEMPLATE = "queries/table_rows.sql.j2"


def reference_rows_query(rows: ReferenceRows) -> str:
    """``SELECT <bool>``: true when every row of ``rows`` is present with its declared values.

    With ``on_conflict: nothing`` only the key columns must match (the other values
    are never updated by the upsert either).
    """
    return environment().get_template(TEMPLATE).render(rows=rows).strip()


def table_rows_query(table: QualifiedName, columns: Sequence[str], key: Sequence[str]) -> str:
    """``SELECT`` every row of ``table``: ``columns`` as text, ordered by ``key``."""
    template = environment().get_template(ROWS_TEMPLATE)
    return template.render(table=table, columns=list(columns), key=list(key)).strip()
