"""The schemas a catalog's objects use but do not hold: written as ``external: {schemas}``.

``inspect --schema app`` of a database whose tables reference another team's schema
(a foreign key, a column type, a function a view calls) writes a project that
builds: those schemas are declared external instead of their objects missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from schemagen.model import Catalog, Column, Index, QualifiedName, Table
from schemagen.model.deps import (
    ObjectRef,
    body_references,
    column_needs,
    composite_needs,
    domain_needs,
    expression_needs,
    function_ref,
    index_needs,
    needs_of,
    type_ref,
    type_reference,
    view_references,
)
from schemagen.model.support_deps import range_needs

SYSTEM_SCHEMAS = frozenset({"pg_catalog", "information_schema", "pg_toast", "public"})
"""Schemas every database has: never external. ``public`` is among them because the
reference analyser puts a bare name it cannot resolve (a built-in it does not know) on
the search path's first schema, which would list ``public`` for every project."""


def external_schemas(catalog: Catalog) -> list[str]:
    """The schemas, in name order, that objects of ``catalog`` reference and it does not hold.

    Schemas of the catalog's extensions are held (the extension brings its objects;
    one without a schema is in ``public``).
    """
    held = set(catalog.schemas) | SYSTEM_SCHEMAS
    held |= {e.schema or "public" for e in catalog.extensions.values()}
    for mapping in (
        catalog.tables,
        catalog.views,
        catalog.functions,
        catalog.enums,
        catalog.domains,
        catalog.composite_types,
        catalog.range_types,
        catalog.sequences,
    ):
        held |= {name.schema for name in mapping}
    used = {ref.schema for ref in _references(catalog)}
    used |= _table_schemas(catalog.tables.values()) | _index_schemas(catalog.indexes.values())
    return sorted(schema for schema in used if schema and schema not in held)


def _table_schemas(tables: Iterable[Table]) -> set[str]:
    """The schemas of what ``table_needs`` and ``foreign_key_needs`` find in ``tables``.

    The same set, without building every column's refs: a column's schemas depend on
    its table's schema and the texts ``column_needs`` reads (type, collation, default,
    generation), the same in most tables, so each such key is analysed once; the
    table's own name plays no part (its bare columns are in its schema), so its CHECKs
    are analysed once per text and schema; the rest of ``table_needs`` (the schema, the
    partition parent, the INHERITS parents) is read off the table. Asserted equal to the
    refs' schemas in tests/unit/test_external_schemas.py.
    """
    schemas: set[str] = set()
    columns: set[tuple] = set()
    checks: set[tuple[str, str]] = set()
    for table in tables:
        schema = table.name.schema
        schemas.add(schema)
        columns.update([(schema, c.type, c.collation, c.default, c.generated) for c in table.columns])
        checks.update([(schema, c.expression) for c in table.checks])
        if table.partition_of is not None:
            schemas.add(table.partition_of.parent.schema)
        schemas.update([parent.schema for parent in table.inherits])
        schemas.update([fk.ref_table.schema for fk in table.foreign_keys])
    if schemas:
        schemas.add("")  # what ``schema_ref`` (the table's schema) has as its own schema
    for schema, type_, collation, default, generated in columns:
        column = Column(name="", type=type_, collation=collation, default=default, generated=generated)
        schemas |= _schemas(column_needs(_nameless(schema), column))
    for schema, expression in checks:
        schemas |= _schemas(expression_needs(expression, _nameless(schema)))
    return schemas


def _index_schemas(indexes: Iterable[Index]) -> set[str]:
    """The schemas of what ``index_needs`` finds in ``indexes`` (the same set; see above)."""
    schemas: set[str] = set()
    seen: dict[tuple, frozenset[str]] = {}
    for index in indexes:
        elements = tuple([(e.expression, e.collation, e.opclass) for e in index.elements])
        key = (index.table.schema, elements, index.where)
        found = seen.get(key)
        if found is None:
            found = seen[key] = _schemas(
                index_needs(replace(index, table=_nameless(index.table.schema), include=()))
            )
        schemas |= found
    return schemas


def _nameless(schema: str) -> QualifiedName:
    return QualifiedName(schema, "")


def _schemas(refs: Iterable[ObjectRef]) -> frozenset[str]:
    return frozenset(ref.schema for ref in refs)


def _references(catalog: Catalog) -> Iterator[ObjectRef]:
    """What the other objects need (tables and indexes: see :func:`_table_schemas`)."""
    for domain in catalog.domains.values():
        yield from domain_needs(domain)
    for composite in catalog.composite_types.values():
        yield from composite_needs(composite)
    for range_type in catalog.range_types.values():
        yield from range_needs(range_type)
    for view in catalog.views.values():
        yield from needs_of(view_references(view, catalog))
    for function in catalog.functions.values():
        yield from needs_of(body_references(function, catalog))
        for text in (*(a.type for a in function.arguments), function.returns or ""):
            referenced = type_reference(text.removeprefix("SETOF "))
            if referenced is not None:
                yield type_ref(referenced)
    for trigger in catalog.triggers.values():
        yield function_ref(trigger.function)
