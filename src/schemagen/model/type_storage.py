"""The storage a column's type gives it (``typstorage``), for the types a catalog declares too."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.names import QualifiedName
from schemagen.model.pg.types import default_storage, split_type


def type_storage(catalog: Catalog, type_text: str, depth: int = 0) -> str | None:
    """The storage of a column of ``type_text``: built-in and extension types from the generated
    data, a domain's from its base type, ``plain`` for an enum, ``extended`` for a composite or range."""
    known = default_storage(type_text)
    if known is not None or depth > 10:
        return known
    parts = split_type(type_text)
    schema, _, name = parts.name.rpartition(".")
    qualified = QualifiedName(schema.strip('"'), name.strip('"')) if schema else None
    if parts.array:
        return "extended"
    if qualified is None:
        return None
    if qualified in catalog.domains:
        return type_storage(catalog, catalog.domains[qualified].base_type, depth + 1)
    if qualified in catalog.enums:
        return "plain"
    if qualified in catalog.composite_types or qualified in catalog.range_types:
        return "extended"
    return None


def without_type_storage(catalog: Catalog) -> Catalog:
    """``storage:`` that only names the type's own storage left out (None), as PostgreSQL reads it back."""
    tables = []
    changed = False
    for table in catalog.tables.values():
        columns = tuple(
            replace(c, storage=None)
            if c.storage is not None and c.storage == type_storage(catalog, c.type)
            else c
            for c in table.columns
        )
        changed = changed or columns != table.columns
        tables.append(replace(table, columns=columns))
    if not changed:
        return catalog
    return replace(catalog, tables={t.name: t for t in tables})
