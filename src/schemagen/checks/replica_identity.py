"""C345: the index of ``replica_identity: {index: …}`` is one PostgreSQL accepts."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog, QualifiedName, Table


def check_replica_identity_index(catalog: Catalog) -> list[Diagnostic]:
    """C345: ``REPLICA IDENTITY USING INDEX`` names a unique, non-partial, immediate index of
    the table (a unique index, PRIMARY KEY or UNIQUE constraint) on NOT NULL columns only.

    Prevents: ``index "x" for table "t" does not exist``, ``cannot use non-unique index "x"
    as replica identity``, ``cannot use partial index …``, ``cannot use non-immediate index
    …``, ``cannot use expression index …`` and ``index "x" cannot be used as replica identity
    because column "c" is nullable``.
    """
    found = []
    for table in catalog.tables.values():
        name = table.replica_identity_index
        if table.replica_identity != "index" or name is None:
            continue
        problem = _problem(catalog, table, name)
        if problem is not None:
            found.append(
                error(
                    "C345",
                    f"table {table.name}'s replica identity index {name} {problem}",
                    table.span,
                    "name a PRIMARY KEY, a UNIQUE constraint (not deferrable) or a unique index "
                    "without WHERE or expressions, whose columns are all not_null",
                )
            )
    return found


def _problem(catalog: Catalog, table: Table, name: str) -> str | None:
    """What makes ``name`` unusable as the table's replica identity, or None."""
    not_null = {c.name for c in table.columns if c.not_null}
    keys = [*([table.primary_key] if table.primary_key else []), *table.uniques]
    key = next((k for k in keys if k.name == name), None)
    if key is not None:
        if key.deferrable:
            return "is deferrable (PostgreSQL needs an immediate one)"
        return _nullable(key.columns, not_null)
    if any(x.name == name for x in table.excludes):
        return "is an EXCLUDE constraint's, which is not unique"
    index = catalog.indexes.get(QualifiedName(table.name.schema, name))
    if index is None or index.table != table.name:
        return "is not an index or key constraint of the table"
    if not index.unique:
        return "is not unique"
    if index.where is not None:
        return "is partial (it has a WHERE)"
    if any(e.column is None for e in index.elements):
        return "has an expression key"
    return _nullable(tuple(str(e.column) for e in index.elements), not_null)


def _nullable(columns: tuple[str, ...], not_null: set[str]) -> str | None:
    nullable = [c for c in columns if c not in not_null]
    return f"has nullable column(s) {', '.join(nullable)}" if nullable else None
