"""Column type changes PostgreSQL cannot make without a declared ``USING``: stop before planning.

``ALTER COLUMN … TYPE`` converts the values with a cast (through text for user types);
between types with no cast (``bigint`` → ``timestamptz``, ``boolean`` → ``date``)
PostgreSQL refuses it. The live server is asked whether the conversion the plan would
write exists (a NULL of the old type converted, no data read); where it does not and the
column declares no ``using:``, the project is refused with a located error (H501) that
says how, instead of a plan PostgreSQL would reject.
"""

from __future__ import annotations

import psycopg
from psycopg import errors

from schemagen.api.inspect import connection_error
from schemagen.diagnostics import Diagnostic, error
from schemagen.errors import InvalidProject
from schemagen.model.changes import AlterColumn, Change
from schemagen.render.type_conversion import type_conversion_query


def _without_conversion(conn: psycopg.Connection, change: AlterColumn) -> bool:
    try:
        with conn.transaction():
            conn.execute(type_conversion_query(change.old.type, change.new.type))
    except errors.CannotCoerce:
        return True
    except psycopg.Error:  # a type the plan creates first: nothing to ask yet
        return False
    return False


def _diagnostic(change: AlterColumn) -> Diagnostic:
    column = change.new.name
    return error(
        "H501",
        f"column {change.table}.{column} changes type {change.old.type} → {change.new.type}, "
        "and PostgreSQL has no conversion between them: the plan needs a USING expression",
        change.new.span,
        f"declare how the values convert on the column: `using: <expression of {column}>` "
        f"(e.g. `using: to_timestamp({column})` for epoch seconds); see docs/format.md",
    )


def check_type_changes(dsn: str | None, changes: list[Change]) -> None:
    """Raise ``InvalidProject`` (H501) for each type change with no conversion and no ``using:``."""
    retyped = [c for c in changes if isinstance(c, AlterColumn) and c.changed("TYPE") and not c.new.using]
    if not retyped:
        return
    conninfo = dsn or ""
    try:
        with psycopg.connect(conninfo, connect_timeout=10, autocommit=True) as conn:
            refused = [_diagnostic(c) for c in retyped if _without_conversion(conn, c)]
    except psycopg.OperationalError as exc:
        raise connection_error(exc, conninfo) from None
    if refused:
        raise InvalidProject(refused)
