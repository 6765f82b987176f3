"""Reference rows (``rows:``): data turned into SQL literals, upserted by key."""

from __future__ import annotations

import json
from typing import Any

from schemagen.builder.context import BuildContext
from schemagen.model import ReferenceRows, Table
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.quoting import quote_literal
from schemagen.model.routines import with_sequence_facts


def data_literal(value: Any, text: str | None = None) -> str:
    """A YAML value as an SQL literal: strings quoted, lists as arrays, mappings as JSON.

    ``{sql: …}`` is an expression, written as is. ``text`` is the scalar as
    written (numbers keep their spelling).

    >>> data_literal("it's"), data_literal(3, "3.0"), data_literal(None), data_literal(True)
    ("'it''s'", '3.0', 'NULL', 'true')
    >>> data_literal(["a", "b c"]), data_literal({"owner": "web"})
    ('\\'{"a","b c"}\\'', '\\'{"owner": "web"}\\'')
    >>> data_literal({"sql": "now()"})
    'now()'
    """
    if isinstance(value, dict) and set(value) == {"sql"}:
        return str(value["sql"])
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return text if text is not None else str(value)
    if isinstance(value, list):
        return quote_literal(_array_text(value))
    if isinstance(value, dict):
        return quote_literal(json.dumps(value, ensure_ascii=False))
    return quote_literal(str(value))


def _array_text(items: list[Any]) -> str:
    parts = []
    for item in items:
        if item is None:
            parts.append("NULL")
        elif isinstance(item, list):
            parts.append(_array_text(item))
        elif isinstance(item, bool):
            parts.append("true" if item else "false")
        elif isinstance(item, int | float):
            parts.append(str(item))
        else:
            text = json.dumps(item, ensure_ascii=False) if isinstance(item, dict) else str(item)
            parts.append('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return "{" + ",".join(parts) + "}"


def build_rows(
    document: SourceDocument, path: JsonPath, table: Table, spec: dict[str, Any], ctx: BuildContext
) -> ReferenceRows:
    """``rows: {key, columns, values, on_conflict}`` of one table, each row in table column order."""
    order = {c.name: i for i, c in enumerate(table.columns)}
    columns = spec.get("columns")
    rows = []
    spans = []
    for position, entry in enumerate(spec.get("values") or []):
        entry_path = (*path, "values", position)
        if isinstance(entry, list):
            if columns is None or len(entry) != len(columns):
                message = (
                    f"row {position + 1} of {table.name} is a list, but `rows:` has no `columns:`"
                    if columns is None
                    else f"row {position + 1} of {table.name} has {len(entry)} values "
                    f"for {len(columns)} columns"
                )
                ctx.error(
                    "C388",
                    message,
                    document.span(entry_path),
                    "give one value per name in `columns:`, or write the row as a mapping",
                )
                continue
            pairs = [
                (str(c), data_literal(v, document.text((*entry_path, i))))
                for i, (c, v) in enumerate(zip(columns, entry, strict=True))
            ]
        else:
            pairs = [(str(c), data_literal(v, document.text((*entry_path, c)))) for c, v in entry.items()]
        pairs.sort(key=lambda pair: order.get(pair[0], len(order)))
        rows.append(tuple(pairs))
        spans.append(document.span(entry_path))
    built = ReferenceRows(
        table=table.name,
        key=tuple(spec["key"]),
        rows=tuple(rows),
        span=document.key_span(path),
        on_conflict=str(spec.get("on_conflict", "update")),
        row_spans=tuple(spans),
    )
    return with_sequence_facts(built, table.columns)
