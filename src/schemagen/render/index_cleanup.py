"""The statements that find and remove the INVALID index a failed concurrent build leaves."""

from __future__ import annotations

from schemagen.model.names import QualifiedName
from schemagen.render.environment import environment


def invalid_index_query(name: QualifiedName) -> str:
    """``SELECT <bool>``: true when ``name`` exists and is INVALID (never a valid index)."""
    return environment().get_template("queries/invalid_index.sql.j2").render(name=name).strip()


def drop_invalid_index(name: QualifiedName) -> str:
    """``DROP INDEX CONCURRENTLY IF EXISTS name`` (outside a transaction)."""
    return environment().get_template("queries/drop_invalid_index.sql.j2").render(name=name).strip()
