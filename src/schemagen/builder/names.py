"""Reserve every explicitly given name before default names are chosen.

PostgreSQL picks a default name that is free in the schema at the moment it
is chosen; reserving the declared names first means a default never takes a
name the author wrote elsewhere (``t_a_key`` declared on an index makes the
unnamed UNIQUE (a) ``t_a_key1``).
"""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext
from schemagen.model.document import SourceDocument


def reserve_explicit_names(document: SourceDocument, ctx: BuildContext) -> None:
    """Mark the document's declared relation and constraint names as taken."""
    schema = document.data["schema"]
    for section in ("tables", "sequences", "views", "materialized_views"):
        for name in _mapping(document.data.get(section)):
            ctx.take_relation_name(schema, str(name))
    for spec in _mapping(document.data.get("tables")).values():
        if not isinstance(spec, dict):
            continue
        for name in _index_backed_names(spec):
            ctx.take_relation_name(schema, name)
            ctx.take_constraint_name(schema, name)
        for name in _constraint_names(spec):
            ctx.take_constraint_name(schema, name)
        for entry in _list(spec.get("indexes")):
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                ctx.take_relation_name(schema, entry["name"])


def _index_backed_names(spec: dict[str, Any]) -> list[str]:
    entries = [spec.get("primary_key"), *_list(spec.get("unique")), *_list(spec.get("exclude"))]
    return [e["name"] for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)]


def _constraint_names(spec: dict[str, Any]) -> list[str]:
    names = [str(name) for name in _mapping(spec.get("checks"))]
    names += [e["name"] for e in _list(spec.get("foreign_keys")) if isinstance(e, dict) and e.get("name")]
    for column in _mapping(spec.get("columns")).values():
        references = column.get("references") if isinstance(column, dict) else None
        if isinstance(references, dict) and isinstance(references.get("name"), str):
            names.append(references["name"])
    return names


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
