"""The storage a column goes back to when its ``storage:`` is removed, for types only the catalog knows."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, SetColumnStorage
from schemagen.model.type_storage import type_storage


def with_type_storage(catalog: Catalog, changes: list[Change]) -> list[Change]:
    """Give each reset ``SetColumnStorage`` whose type is a domain, enum, composite or range of
    ``catalog`` that type's storage (else its template says ``DEFAULT``, PostgreSQL 16+ only)."""
    result: list[Change] = []
    for change in changes:
        if isinstance(change, SetColumnStorage) and change.storage is None and change.type_storage is None:
            table = catalog.tables.get(change.table)
            column = table.column(change.column) if table is not None else None
            known = type_storage(catalog, column.type) if column is not None else None
            if known is not None:
                change = replace(change, type_storage=known)
        result.append(change)
    return result
