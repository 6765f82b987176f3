"""Indexes: shorthand key strings, key mappings, and PostgreSQL's default index names."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from schemagen.builder.context import BuildContext, Located, name_list
from schemagen.model import Index, IndexElement, QualifiedName
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.colname import figure_index_colname
from schemagen.model.pg.naming import default_index_name
from schemagen.model.pg.quoting import unquote_ident
from schemagen.model.pg.scan import matching_paren, words

_KEY_HINT = 'a key is `column [opclass] [collate "C"] [asc|desc] [nulls first|last]` or `(expression)`'


@dataclass(frozen=True)
class ParsedKey:
    """An index key, or the reason it does not parse."""

    element: IndexElement | None = None
    error: str | None = None


def figure_element_name(expression: str) -> str | None:
    """The name an expression contributes to a default index name (None: ``expr``)."""
    return figure_index_colname(expression)


def parse_index_key(text: str, columns: Collection[str] = ()) -> ParsedKey:
    """Read ``col [opclass] [collate "C"] [asc|desc] [nulls first|last]`` or ``(expression) …``.

    A column whose name contains spaces is recognised when ``columns`` (the
    table's column names) is given.

    >>> parse_index_key("title desc nulls last").element
    IndexElement(column='title', expression=None, opclass=None, opclass_params=(), collation=None, \
descending=True, nulls_first=False, statistics=None)
    >>> parse_index_key("(lower(title))").element.expression
    'lower(title)'
    >>> parse_index_key("Mixed Case desc", {"Mixed Case"}).element.column
    'Mixed Case'
    """
    text = text.strip()
    if text in columns:
        return ParsedKey(IndexElement(column=text))
    if text.startswith("("):
        end = matching_paren(text, 0)
        if end < 0:
            return ParsedKey(error=f"unbalanced parentheses in index key '{text}'")
        return _options(None, text[1:end].strip(), [w for _, w in words(text[end + 1 :])], text)
    tokens = [w for _, w in words(text)]
    if not tokens:
        return ParsedKey(error="empty index key")
    for count in range(len(tokens), 1, -1):
        candidate = " ".join(tokens[:count])
        if candidate in columns:
            return _options(candidate, None, tokens[count:], text)
    first = tokens[0]
    return _options(unquote_ident(first), None, tokens[1:], text)


def _options(column: str | None, expression: str | None, tokens: list[str], text: str) -> ParsedKey:
    opclass = None
    collation = None
    descending = False
    nulls: str | None = None
    index = 0
    while index < len(tokens):
        word = tokens[index].lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if word in ("asc", "desc"):
            descending = word == "desc"
        elif word == "nulls" and following is not None and following.lower() in ("first", "last"):
            nulls = following.lower()
            index += 1
        elif word == "collate" and following is not None:
            collation = following.strip('"')
            index += 1
        elif opclass is None and index == 0:
            opclass = tokens[index]
        else:
            return ParsedKey(error=f"cannot read '{tokens[index]}' in index key '{text}'")
        index += 1
    return ParsedKey(
        IndexElement(
            column=column,
            expression=expression,
            opclass=opclass,
            collation=collation,
            descending=descending,
            nulls_first=_nulls_first(descending, nulls),
        )
    )


def _nulls_first(descending: bool, nulls: str | None) -> bool | None:
    """None when NULLS matches the direction's default (LAST for ASC, FIRST for DESC)."""
    if nulls is None or (nulls == "first") == descending:
        return None
    return nulls == "first"


def _key_element(key: Any, columns: Collection[str]) -> ParsedKey:
    if isinstance(key, str):
        return parse_index_key(key, columns)
    order = str(key.get("order", "asc")).lower()
    nulls = key.get("nulls")
    return ParsedKey(
        IndexElement(
            column=key.get("column"),
            expression=key.get("expression"),
            opclass=key.get("opclass"),
            collation=key.get("collation"),
            statistics=key_statistics(key.get("statistics")),
            descending=order == "desc",
            nulls_first=_nulls_first(order == "desc", str(nulls).lower() if nulls else None),
        )
    )


def build_indexes(
    document: SourceDocument,
    path: JsonPath,
    table: QualifiedName,
    entries: list[Any],
    ctx: BuildContext,
    columns: Collection[str] = (),
) -> list[Index]:
    """The indexes listed at ``path`` (a table's or materialized view's ``indexes:``).

    ``columns`` are the relation's column names (to read keys with spaces).
    """
    result = []
    for position, entry in enumerate(entries):
        entry_path = (*path, position)
        options = entry if isinstance(entry, dict) else {"columns": entry}
        keys_path = (*entry_path, "columns") if isinstance(entry, dict) else entry_path
        elements = []
        if not isinstance(options.get("columns"), list):
            continue  # not a list of keys: validation reports it (V2xx), once
        for key_position, key in enumerate(options["columns"]):
            parsed = _key_element(key, columns)
            if parsed.element is None:
                ctx.error(
                    "C382",
                    parsed.error or "cannot read index key",
                    document.span((*keys_path, key_position)),
                    _KEY_HINT,
                )
                continue
            elements.append(parsed.element)
        if len(elements) != len(options["columns"]):
            continue
        include = name_list(options.get("include")) or ()
        name = options.get("name")
        if name is None:
            names = [e.column or figure_element_name(e.expression or "") for e in elements]
            taken = ctx.relation_names[table.schema]
            name = default_index_name(table.name, [*names, *include], taken=taken)
        qualified = QualifiedName(table.schema, name)
        if not ctx.define("index", qualified, Located(document, entry_path), str(qualified)):
            continue
        ctx.take_relation_name(table.schema, name)
        parameters = options.get("with") or {}
        result.append(
            Index(
                name=qualified,
                table=table,
                elements=tuple(elements),
                using=str(options.get("using", "btree")).lower(),
                unique=bool(options.get("unique", False)),
                nulls_not_distinct=bool(options.get("nulls_not_distinct", False)),
                include=include,
                where=options.get("where"),
                storage_parameters=tuple(
                    (key, ctx.sql(document, (*entry_path, "with", key), value))
                    for key, value in parameters.items()
                ),
                comment=options.get("comment"),
                renamed_from=options.get("renamed_from"),
                span=document.span(entry_path),
            )
        )
    return result


def key_statistics(value: Any) -> int | None:
    """``statistics: n`` of an expression key; -1 is the default (None), as PostgreSQL reads it back."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
