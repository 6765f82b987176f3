"""C378: the columns a macro (``audit``, ``updated_at``, ``notify``) is told about exist.

The macros pass column names to their trigger functions as trigger arguments,
which PostgreSQL never checks: a misspelt name is simply never matched.
"""

from __future__ import annotations

from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog, QualifiedName, Table, Trigger

_TIME = frozenset({"timestamp with time zone", "timestamp without time zone", "date"})


def _macro(trigger: Trigger) -> tuple[str, tuple[str, ...]] | None:
    """(macro key, the column names it was given) when ``trigger`` is a macro's trigger."""
    table = trigger.table.name
    if trigger.function == QualifiedName("audit", "log_changes") and trigger.name == f"audit_{table}":
        return "audit: {exclude_columns}", trigger.arguments
    schema = trigger.table.schema
    updated_at = QualifiedName(schema, "set_updated_at")
    if trigger.function == updated_at and trigger.name == f"{table}_set_updated_at":
        return "updated_at", trigger.arguments[:1]
    if trigger.function == QualifiedName(schema, "notify_change") and trigger.name == f"{table}_notify":
        return "notify: {payload_columns}", trigger.arguments[1:]
    return None


def check_macro_columns(catalog: Catalog) -> list[Diagnostic]:
    """C378: ``audit.exclude_columns``, ``updated_at`` and ``notify.payload_columns`` name columns.

    Prevents: what PostgreSQL never reports, since a trigger argument is any
    text: a misspelt excluded column copies that column (``password_hash``) into
    the audit log, an ``updated_at`` column that does not exist is never set (the
    trigger does nothing), an unknown payload column is left out of every
    notification. ``updated_at`` must also name a date/time column (``invalid
    input syntax for type …`` on every UPDATE).
    """
    found = []
    for trigger in catalog.triggers.values():
        macro = _macro(trigger)
        table = catalog.tables.get(trigger.table)
        if macro is None or table is None:
            continue
        key, columns = macro
        missing = [c for c in columns if table.column(c) is None]
        if missing:
            found.append(
                error(
                    "C378",
                    f"{key} of {table.name} names unknown column(s) {', '.join(missing)}",
                    trigger.span,
                    _columns_hint(table),
                )
            )
        elif key == "updated_at" and columns:
            column = table.column(columns[0])
            assert column is not None
            base = resolve_base(catalog, column.type)
            if base.array or base.schema is not None or base.name not in _TIME:
                found.append(
                    error(
                        "C378",
                        f"updated_at of {table.name} names {column.name}, of type {column.type}, "
                        "but it is set to now()",
                        trigger.span,
                        "name a timestamptz column",
                    )
                )
    return found


def _columns_hint(table: Table) -> str:
    return f"columns of {table.name}: {', '.join(c.name for c in table.columns)}"
