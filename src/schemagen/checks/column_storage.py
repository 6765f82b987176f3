"""C343: ``storage:`` and ``compression:`` on a column whose type keeps its values inline."""

from __future__ import annotations

from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog, Column, QualifiedName
from schemagen.model.pg.types import default_storage


def check_column_storage(catalog: Catalog) -> list[Diagnostic]:
    """C343: a fixed-length type (integer, timestamptz, uuid, an enum …) is always ``plain``.

    Prevents: ``column data type integer can only have storage PLAIN`` and ``column data
    type integer does not support compression``. Types whose storage only a server knows
    (other base types, composites) are left to it.
    """
    found = []
    for table in catalog.tables.values():
        for column in table.columns:
            if (column.storage in (None, "plain") and column.compression is None) or not _plain(
                catalog, column
            ):
                continue
            asked = f"storage: {column.storage}" if column.storage not in (None, "plain") else ""
            if column.compression is not None:
                asked = ", ".join(filter(None, [asked, f"compression: {column.compression}"]))
            found.append(
                error(
                    "C343",
                    f"column {table.name}.{column.name} is {column.type}, whose values are always kept "
                    f"inline and uncompressed; it cannot take {asked}",
                    column.span or table.span,
                    "leave storage and compression out for fixed-length types (they apply to text, "
                    "bytea, jsonb, numeric, arrays …)",
                )
            )
    return found


def _plain(catalog: Catalog, column: Column) -> bool:
    ref = resolve_base(catalog, column.type)
    if ref.array:
        return False
    if ref.schema is not None and QualifiedName(ref.schema, ref.name) in catalog.enums:
        return True
    return ref.schema in (None, "pg_catalog") and default_storage(ref.name) == "plain"
