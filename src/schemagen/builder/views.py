"""Views and materialized views (materialized views may have indexes)."""

from __future__ import annotations

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.indexes import build_indexes
from schemagen.builder.triggers import build_triggers
from schemagen.model import Index, QualifiedName, Trigger, View
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.scan import clean_query


def build_views(
    document: SourceDocument, schema: str, ctx: BuildContext
) -> tuple[list[View], list[Index], list[Trigger]]:
    """Every view and materialized view of one document, with their indexes and triggers."""
    views: list[View] = []
    indexes: list[Index] = []
    triggers: list[Trigger] = []
    for section, materialized in (("views", False), ("materialized_views", True)):
        for name, spec in (document.data.get(section) or {}).items():
            path: JsonPath = (section, name)
            qualified = QualifiedName(schema, name)
            if not ctx.define("view", qualified, Located(document, path), str(qualified)):
                continue
            check_option = spec.get("check_option")
            views.append(
                View(
                    name=qualified,
                    query=clean_query(str(spec["query"])),
                    materialized=materialized,
                    columns=tuple(spec.get("columns") or ()),
                    security_invoker=bool(spec.get("security_invoker", False)),
                    security_barrier=bool(spec.get("security_barrier", False)),
                    check_option=str(check_option).upper() if check_option else None,
                    with_data=bool(spec.get("with_data", True)),
                    comment=spec.get("comment"),
                    renamed_from=spec.get("renamed_from"),
                    owner=ctx.owner(document, path, spec),
                    span=document.key_span(path),
                )
            )
            if materialized and spec.get("indexes"):
                columns = tuple(spec.get("columns") or ())
                indexes += build_indexes(
                    document, (*path, "indexes"), qualified, spec["indexes"], ctx, columns
                )
            if spec.get("triggers"):
                triggers += build_triggers(document, (*path, "triggers"), qualified, spec["triggers"], ctx)
    return views, indexes, triggers
