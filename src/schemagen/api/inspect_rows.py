"""``inspect --rows TABLE``: a table's rows read back as reference rows (``rows:``)."""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from schemagen.errors import DatabaseError, UsageError
from schemagen.model import Catalog, QualifiedName, ReferenceRows, Table
from schemagen.model.pg.quoting import quote_literal
from schemagen.model.routines import with_sequence_facts
from schemagen.model.unique_keys import unique_keys
from schemagen.render.row_checks import table_rows_query

BARE_TYPES = frozenset({"smallint", "integer", "bigint", "boolean"})
"""Column types whose text output is written as a bare YAML scalar; others as strings."""


def resolve_table(catalog: Catalog, name: str) -> Table:
    """The inspected table ``name`` names (``schema.table``, or ``table`` when one schema has it).

    >>> from schemagen.model import Table, QualifiedName
    >>> cat = Catalog.of(tables=[Table(QualifiedName("app", "kinds"), ())])
    >>> str(resolve_table(cat, "kinds").name), str(resolve_table(cat, "app.kinds").name)
    ('app.kinds', 'app.kinds')
    """
    schema, dot, short = name.rpartition(".")
    if dot:
        found = catalog.tables.get(QualifiedName(schema, short))
        candidates = [found] if found is not None else []
    else:
        candidates = [t for t in catalog.tables.values() if t.name.name == name]
    candidates = [t for t in candidates if t.partition_of is None]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = ", ".join(sorted(str(t.name) for t in candidates))
        raise UsageError(f"--rows {name}: more than one table has that name ({names}); write schema.table")
    raise UsageError(
        f"--rows {name}: no such table among the inspected schemas "
        "(write schema.table, and --schema its schema if you limit the schemas)"
    )


def row_key(catalog: Catalog, table: Table) -> tuple[str, ...]:
    """The columns the rows are keyed by: the primary key, else the first plain NOT NULL unique key.

    The key must be able to arbitrate ``ON CONFLICT`` (plain, not deferrable) and
    hold no NULL, or two rows with a NULL key would both be inserted on every apply.
    """
    for key in unique_keys(catalog, table):
        columns = [table.column(c) for c in key.columns]
        if key.plain and not key.deferrable and all(c is not None and c.not_null for c in columns):
            return key.columns
    raise UsageError(
        f"--rows {table.name}: the table has no primary key or NOT NULL unique key to upsert its rows by"
    )


def row_columns(table: Table) -> list[str]:
    """The columns a row gives: all but generated ones (PostgreSQL computes those)."""
    return [c.name for c in table.columns if c.generated is None]


def _literal(text: str | None, column_type: str) -> str:
    if text is None:
        return "NULL"
    if column_type in BARE_TYPES:
        return text if column_type != "boolean" else ("true" if text == "true" else "false")
    return quote_literal(text)


def read_reference_rows(
    conn: psycopg.Connection, catalog: Catalog, names: Sequence[str]
) -> dict[QualifiedName, ReferenceRows]:
    """The rows of each table ``names`` gives, keyed as :func:`row_key` says, in key order."""
    read: dict[QualifiedName, ReferenceRows] = {}
    for name in names:
        table = resolve_table(catalog, name)
        key = row_key(catalog, table)
        columns = row_columns(table)
        types = [table.column(c).type for c in columns]
        try:
            fetched = conn.execute(table_rows_query(table.name, columns, key)).fetchall()
        except psycopg.Error as exc:
            raise DatabaseError(f"--rows {table.name}: cannot read its rows: {exc}") from None
        rows = tuple(
            tuple((c, _literal(v, t)) for c, v, t in zip(columns, values, types, strict=True))
            for values in fetched
        )
        read[table.name] = with_sequence_facts(ReferenceRows(table.name, key, rows), table.columns)
    return read
