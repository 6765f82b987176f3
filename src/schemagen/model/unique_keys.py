"""The unique keys of a table: its PRIMARY KEY, UNIQUE constraints and unique indexes.

Which of them PostgreSQL accepts where a unique key is needed (a foreign key's
target, an ``ON CONFLICT`` arbiter) is decided by their flags: a partial index or
one over expressions is unique but not a key of plain columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span
from schemagen.model.catalog import Catalog
from schemagen.model.objects import Table


@dataclass(frozen=True)
class UniqueKey:
    """Columns PostgreSQL keeps unique, and what keeps them so.

    ``kind`` is ``PRIMARY KEY``, ``UNIQUE`` or ``unique index``; an index expression
    is listed as ``(expression)`` among ``columns``.
    """

    kind: str
    name: str
    columns: tuple[str, ...]
    deferrable: bool = False
    partial: bool = False
    expressions: bool = False
    span: Span | None = field(default=None, compare=False)

    @property
    def plain(self) -> bool:
        """A key of plain columns over every row: no predicate, no expression."""
        return not self.partial and not self.expressions


def unique_keys(catalog: Catalog, table: Table) -> list[UniqueKey]:
    """The primary key, the UNIQUE constraints, then the unique indexes (by name) of ``table``."""
    keys = []
    if table.primary_key:
        key = table.primary_key
        keys.append(UniqueKey("PRIMARY KEY", key.name, key.columns, key.deferrable, span=key.span))
    keys += [UniqueKey("UNIQUE", u.name, u.columns, u.deferrable, span=u.span) for u in table.uniques]
    for index in catalog.indexes_of(table.name):
        if index.unique:
            columns = tuple(e.column or f"({e.expression})" for e in index.elements)
            expressions = not all(e.column for e in index.elements)
            partial = index.where is not None
            keys.append(
                UniqueKey("unique index", str(index.name), columns, False, partial, expressions, index.span)
            )
    return keys


def plain_keys(catalog: Catalog, table: Table) -> list[tuple[str, ...]]:
    """The column lists of the plain unique keys of ``table`` (see ``UniqueKey.plain``)."""
    return [key.columns for key in unique_keys(catalog, table) if key.plain]
