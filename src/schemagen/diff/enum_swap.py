"""What a type swap (``RebuildEnum``, ``RebuildRangeType``) must drop and create again besides its columns."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, RebuildEnum
from schemagen.model.deps import expression_references
from schemagen.model.names import QualifiedName
from schemagen.model.ranges import RebuildRangeType

Swap = RebuildEnum | RebuildRangeType


def with_dependents(changes: list[Change], old: Catalog, new: Catalog) -> list[Change]:
    """Each type swap of ``changes`` with the kept CHECKs and indexes that use its columns."""
    return [_with_dependents(c, old, new) if isinstance(c, Swap) else c for c in changes]


def _with_dependents(change: Swap, old: Catalog, new: Catalog) -> Swap:
    """Only columns the old catalog has are converted (a column added with the type is created
    after the swap), and only where the table's parents (``INHERITS``) do not convert the same
    column: ``ALTER COLUMN … TYPE`` on a parent alters its children's, and refuses on a child."""
    users = {(table, column.name) for table, column in change.columns}
    converted = tuple(
        (table, column)
        for table, column in change.columns
        if table in old.tables
        and old.tables[table].column(column.name) is not None
        and not any((parent, column.name) in users for parent in new.tables[table].inherits)
    )
    columns: dict[QualifiedName, set[str]] = {}
    for table, column in converted:
        columns.setdefault(table, set()).add(column.name)

    def uses(table: QualifiedName, *texts: str | None) -> bool:
        names = columns.get(table, set())
        for text in texts:
            found = expression_references(text, table)
            if any(found.uses_column((table.schema, table.name), c) for c in names):
                return True
        return False

    checks = []
    for name in columns:
        before, after = old.tables.get(name), new.tables.get(name)
        if before is None or after is None:
            continue
        kept = {c.name: c for c in before.checks}
        checks += [(name, c) for c in after.checks if kept.get(c.name) == c and uses(name, c.expression)]
    indexes = [
        index
        for key, index in new.indexes.items()
        if old.indexes.get(key) == index
        and index.table in columns
        and uses(index.table, index.where, *(e.expression for e in index.elements))
    ]
    return replace(change, columns=converted, checks=tuple(checks), indexes=tuple(indexes))
