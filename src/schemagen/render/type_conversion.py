"""The query that tells whether a column type change needs a declared ``USING``."""

from __future__ import annotations

from schemagen.render.environment import environment

TEMPLATE = "queries/type_conversion.sql.j2"


def type_conversion_query(old_type: str, new_type: str) -> str:
    """``SELECT`` of a NULL of ``old_type`` converted as ``ALTER COLUMN … TYPE`` converts it
    without ``USING``: PostgreSQL refuses it (SQLSTATE 42846) when no cast exists."""
    return environment().get_template(TEMPLATE).render(old_type=old_type, new_type=new_type).strip()
