"""Stage 3: turn validated documents into the model (``Catalog``).

One module per family of kinds (``schemas``, ``types``, ``tables``,
``partitions``, ``indexes``, ``routines``, ``views``, ``triggers``,
``access``, ``rows``); this module only orders the passes:

1. collect what every file declares that others may refer to (user types,
   extension schemas) and reserve every explicitly given name;
2. build each kind, filling in PostgreSQL's default names for the rest;
3. complete what needs the whole catalog (foreign keys to a primary key,
   grants on ``all tables in schema``).
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.builder.access import build_default_privileges, build_grants, build_roles
from schemagen.builder.context import BuildContext
from schemagen.builder.foreign import build_foreign, build_foreign_tables
from schemagen.builder.indexes import build_indexes
from schemagen.builder.inheritance import resolve_inheritance
from schemagen.builder.macros import (
    define_triggers,
    macro_documents,
    macro_triggers,
    maintenance_document,
    range_rule,
)
from schemagen.builder.names import reserve_explicit_names
from schemagen.builder.opclasses import build_operator_classes, build_operator_families
from schemagen.builder.ranges import build_range_types
from schemagen.builder.routines import build_routines
from schemagen.builder.rows import build_rows
from schemagen.builder.schemas import build_extensions, build_schemas
from schemagen.builder.support import (
    build_aggregates,
    build_collations,
    build_event_triggers,
    build_operators,
    build_publications,
    build_rules,
    build_statistics,
    build_text_search,
    in_table_order,
    publications_in_table_order,
)
from schemagen.builder.tables import TableDraft, build_tables, complete_foreign_keys
from schemagen.builder.triggers import build_policies, build_triggers
from schemagen.builder.types import (
    build_composite_types,
    build_domains,
    build_enums,
    build_sequences,
    declared_type_names,
)
from schemagen.builder.views import build_views
from schemagen.diagnostics import Diagnostic
from schemagen.model import (
    Catalog,
    Function,
    Index,
    Policy,
    QualifiedName,
    ReferenceRows,
    Sequence,
    Table,
    Trigger,
    View,
)
from schemagen.model.document import SourceDocument
from schemagen.model.settings import ProjectSettings
from schemagen.model.type_storage import without_type_storage

__all__ = ["build_catalog"]


def build_catalog(
    documents: list[SourceDocument], settings: ProjectSettings | None = None
) -> tuple[Catalog, list[Diagnostic]]:
    """Build the catalog the documents declare, with C38x diagnostics for what cannot be built.

    Documents are expected to have passed ``validate_documents``; semantic
    checks (references resolve, …) are the job of ``schemagen.checks``.
    """
    ctx = BuildContext(settings or ProjectSettings())
    every = [d for d in documents if isinstance(d.data, dict)]
    documents = [d for d in every if isinstance(d.data.get("schema"), str)]
    macros = macro_documents(documents, ctx.settings)
    documents += macros
    every += macros
    extensions = build_extensions(documents, ctx)
    ctx.extension_schemas = {e.name: e.schema or "public" for e in extensions}
    for document in documents:
        ctx.user_types.update(declared_type_names(document, ctx))
        reserve_explicit_names(document, ctx)
    enums, domains, composites, sequences = [], [], [], []
    functions: list[Function] = []
    views: list[View] = []
    indexes: list[Index] = []
    triggers: list[Trigger] = []
    drafts: list[TableDraft] = []
    support: dict[str, list] = {
        "collations": [],
        "range_types": [],
        "operator_families": [],
        "operator_classes": [],
        "operators": [],
        "aggregates": [],
        "text_search_dictionaries": [],
        "text_search_configurations": [],
        "statistics": [],
        "rules": [],
        "foreign_tables": [],
    }
    for document in documents:
        schema = document.data["schema"]
        where = document.span(())
        enums += ctx.guarded([], where, "enums", build_enums, document, schema, ctx)
        domains += ctx.guarded([], where, "domains", build_domains, document, schema, ctx)
        composites += ctx.guarded([], where, "composite types", build_composite_types, document, schema, ctx)
        sequences += ctx.guarded([], where, "sequences", build_sequences, document, schema, ctx)
        drafts += ctx.guarded([], where, "tables", build_tables, document, schema, ctx)
        functions += ctx.guarded([], where, "functions", build_routines, document, schema, ctx)
        document_views, view_indexes, view_triggers = ctx.guarded(
            ([], [], []), where, "views", build_views, document, schema, ctx
        )
        views += document_views
        indexes += view_indexes
        triggers += view_triggers
        _build_support(document, schema, ctx, support)
    resolve_inheritance(drafts, ctx)
    policies: list[Policy] = []
    rows: list[ReferenceRows] = []
    rules: list[dict] = []
    for draft in drafts:
        sequences += draft.sequences
        table, spec, document, where = draft.table, draft.spec, draft.document, draft.path
        columns = {c.name for c in table.columns}
        span, name = table.span, f"part of table {table.name}"
        indexes += ctx.guarded(
            [],
            span,
            name,
            build_indexes,
            document,
            (*where, "indexes"),
            table.name,
            draft.index_entries,
            ctx,
            columns,
        )
        triggers += ctx.guarded(
            [],
            span,
            name,
            build_triggers,
            document,
            (*where, "triggers"),
            table.name,
            spec.get("triggers"),
            ctx,
        )
        policies += ctx.guarded(
            [],
            span,
            name,
            build_policies,
            document,
            (*where, "policies"),
            table.name,
            spec.get("policies"),
            ctx,
        )
        if isinstance(spec.get("rows"), dict):
            built = ctx.guarded(
                None, span, name, build_rows, document, (*where, "rows"), table, spec["rows"], ctx
            )
            rows += [built] if built is not None else []
        if table.partition_of is None:
            key = table.primary_key.columns if table.primary_key else ()
            macro = ctx.guarded([], span, name, macro_triggers, document, where, table.name, spec, key)
            triggers += define_triggers(macro, ctx)
            rule = ctx.guarded(None, span, name, range_rule, table.name, spec, _time_key_type(table))
            if rule is not None:
                rules.append(rule)
    maintenance = maintenance_document(rules)
    if maintenance is not None:
        documents.append(maintenance)
        every.append(maintenance)
        functions += build_routines(maintenance, "partitions", ctx)
    schemas = build_schemas(documents, ctx)
    tables = complete_foreign_keys({d.table.name: d.table for d in drafts})
    for document in documents:
        schema, where = document.data["schema"], document.span(())
        support["foreign_tables"] += ctx.guarded(
            [], where, "foreign tables", build_foreign_tables, document, schema, ctx, tables
        )
    sequences = [_with_table_owner(s, tables) for s in sequences]
    support["statistics"] = in_table_order(support["statistics"], tables)
    catalog = Catalog.of(
        extensions=extensions,
        schemas=schemas,
        enums=enums,
        domains=domains,
        composite_types=composites,
        sequences=sequences,
        tables=list(tables.values()),
        indexes=indexes,
        functions=functions,
        triggers=triggers,
        views=views,
        policies=policies,
        roles=build_roles(every, ctx),
        default_privileges=build_default_privileges(every, ctx),
        reference_rows=rows,
        event_triggers=build_event_triggers(every, ctx),
        publications=publications_in_table_order(build_publications(every, ctx), tables),
        **build_foreign(every, ctx),
        **support,
    )
    catalog = without_type_storage(catalog)  # a domain's or enum's own storage, as read back
    grants = build_grants(every, catalog, ctx)
    return replace(catalog, grants={g.key: g for g in sorted(grants, key=lambda g: g.key)}), ctx.diagnostics


def _with_table_owner(sequence: Sequence, tables: dict[QualifiedName, Table]) -> Sequence:
    """A sequence owned by a table (serial, identity-like, ``owned_by:``) with that table's owner."""
    table = tables.get(sequence.owned_by[0]) if sequence.owned_by is not None else None
    return sequence if table is None else replace(sequence, owner=table.owner)


def _build_support(document, schema: str, ctx: BuildContext, into: dict[str, list]) -> None:
    """Collations, operators, aggregates and text search objects (builder/support.py)."""
    where = document.span(())
    into["collations"] += ctx.guarded([], where, "collations", build_collations, document, schema, ctx)
    into["range_types"] += ctx.guarded([], where, "range types", build_range_types, document, schema, ctx)
    into["operator_families"] += ctx.guarded(
        [], where, "operator families", build_operator_families, document, schema, ctx
    )
    into["operator_classes"] += ctx.guarded(
        [], where, "operator classes", build_operator_classes, document, schema, ctx
    )
    into["operators"] += ctx.guarded([], where, "operators", build_operators, document, schema, ctx)
    into["aggregates"] += ctx.guarded([], where, "aggregates", build_aggregates, document, schema, ctx)
    dictionaries, configurations = ctx.guarded(
        ([], []), where, "text search objects", build_text_search, document, schema, ctx
    )
    into["text_search_dictionaries"] += dictionaries
    into["text_search_configurations"] += configurations
    into["statistics"] += ctx.guarded([], where, "statistics", build_statistics, document, schema, ctx)
    into["rules"] += ctx.guarded([], where, "rules", build_rules, document, schema, ctx)


def _time_key_type(table: Table) -> str | None:
    """The type of a range partition's single key column when it is a date or timestamp."""
    spec = table.partition_by
    if spec is None or spec.strategy != "range" or len(spec.keys) != 1:
        return None
    column = table.column(spec.keys[0])
    if column is None or not (column.type == "date" or column.type.startswith("timestamp")):
        return None
    return column.type
