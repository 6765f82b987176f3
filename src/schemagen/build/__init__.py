"""Stage 3: turn validated documents into the model (``Catalog``).

One module per family of kinds (``schemas``, ``types``, ``tables``,
``indexes``); this module only orders the passes:

1. collect what every file declares that others may refer to (user types,
   extension schemas) and reserve every explicitly given name;
2. build each kind, filling in PostgreSQL's default names for the rest;
3. complete what needs the whole catalog (foreign keys to a primary key).
"""

from __future__ import annotations

from schemagen.build.context import BuildContext
from schemagen.build.indexes import build_indexes
from schemagen.build.names import reserve_explicit_names
from schemagen.build.schemas import build_extensions, build_schemas
from schemagen.build.tables import TableDraft, build_tables, complete_foreign_keys
from schemagen.build.types import (
    build_composite_types,
    build_domains,
    build_enums,
    build_sequences,
    declared_type_names,
)
from schemagen.diagnostics import Diagnostic
from schemagen.model import Catalog, Index
from schemagen.model.document import SourceDocument
from schemagen.model.settings import ProjectSettings

__all__ = ["build_catalog"]


def build_catalog(
    documents: list[SourceDocument], settings: ProjectSettings | None = None
) -> tuple[Catalog, list[Diagnostic]]:
    """Build the catalog the documents declare, with C38x diagnostics for what cannot be built.

    Documents are expected to have passed ``validate_documents``; semantic
    checks (references resolve, …) are the job of ``schemagen.checks``.
    """
    ctx = BuildContext(settings or ProjectSettings())
    documents = [d for d in documents if isinstance(d.data, dict) and isinstance(d.data.get("schema"), str)]
    extensions = build_extensions(documents, ctx)
    ctx.extension_schemas = {e.name: e.schema or "public" for e in extensions}
    for document in documents:
        ctx.user_types.update(declared_type_names(document, ctx))
        reserve_explicit_names(document, ctx)
    schemas = build_schemas(documents, ctx)
    enums, domains, composites, sequences = [], [], [], []
    drafts: list[TableDraft] = []
    for document in documents:
        schema = document.data["schema"]
        enums += build_enums(document, schema, ctx)
        domains += build_domains(document, schema, ctx)
        composites += build_composite_types(document, schema, ctx)
        sequences += build_sequences(document, schema, ctx)
        drafts += build_tables(document, schema, ctx)
    indexes: list[Index] = []
    for draft in drafts:
        sequences += draft.sequences
        entries = draft.index_entries
        columns = {c.name for c in draft.table.columns}
        path = (*draft.path, "indexes")
        indexes += build_indexes(draft.document, path, draft.table.name, entries, ctx, columns)
    tables = complete_foreign_keys({d.table.name: d.table for d in drafts})
    catalog = Catalog.of(
        extensions=extensions,
        schemas=schemas,
        enums=enums,
        domains=domains,
        composite_types=composites,
        sequences=sequences,
        tables=list(tables.values()),
        indexes=indexes,
    )
    return catalog, ctx.diagnostics
