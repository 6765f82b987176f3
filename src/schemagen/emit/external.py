"""The schemas a catalog's objects use but do not hold: written as ``external: {schemas}``.

``inspect --schema app`` of a database whose tables reference another team's schema
(a foreign key, a column type, a function a view calls) writes a project that
builds: those schemas are declared external instead of their objects missing.
"""

from __future__ import annotations

from collections.abc import Iterator

from schemagen.model import Catalog
from schemagen.model.deps import (
    ObjectRef,
    body_references,
    composite_needs,
    domain_needs,
    foreign_key_needs,
    function_ref,
    index_needs,
    needs_of,
    table_needs,
    type_ref,
    type_reference,
    view_references,
)

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
        catalog.sequences,
    ):
        held |= {name.schema for name in mapping}
    return sorted({ref.schema for ref in _references(catalog) if ref.schema and ref.schema not in held})


def _references(catalog: Catalog) -> Iterator[ObjectRef]:
    for table in catalog.tables.values():
        yield from table_needs(table)
        for fk in table.foreign_keys:
            yield from foreign_key_needs(table.name, fk)
    for index in catalog.indexes.values():
        yield from index_needs(index)
    for domain in catalog.domains.values():
        yield from domain_needs(domain)
    for composite in catalog.composite_types.values():
        yield from composite_needs(composite)
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
