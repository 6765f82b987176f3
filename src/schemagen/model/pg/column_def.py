"""Read what follows a column's name in ``CREATE TABLE`` with PostgreSQL's own grammar.

The text is wrapped as ``CREATE TABLE t (c <text>)`` and parsed by pglast; the
ColumnDef's pieces are cut back out of the original text (so expressions keep the
user's spelling), one clause per constraint, in the order written. The parse tree is
read as libpg_query's JSON (eight times faster than building pglast's node objects;
fields at their default value are absent from it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pglast.parser import ParseError, parse_sql_json

from schemagen.model.pg.scan import words

_PREFIX = "CREATE TABLE t (c "
_PREFIX_BYTES = len(_PREFIX.encode("utf-8"))
_ACTIONS = {"a": "no action", "r": "restrict", "c": "cascade", "n": "set null", "d": "set default"}
_MATCH = {"s": "simple", "f": "full", "p": "partial"}
_ATTRIBUTES = {
    "CONSTR_ATTR_DEFERRABLE",
    "CONSTR_ATTR_NOT_DEFERRABLE",
    "CONSTR_ATTR_DEFERRED",
    "CONSTR_ATTR_IMMEDIATE",
}
_VALUE_FIELDS = {
    "Integer": ("ival", 0),
    "Boolean": ("boolval", False),
    "Float": ("fval", "0"),
    "String": ("sval", ""),
}
"""A DefElem argument's node type: its field, and the value an absent field stands for."""


@dataclass(frozen=True)
class Clause:
    """One column constraint as written: its kind (``not null``, ``default``, …) and its parts."""

    kind: str
    text: str
    name: str | None = None
    expression: str | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnDefinition:
    """The type, collation and clauses of a column definition, or where and why it does not parse."""

    type: str = ""
    collation: str | None = None
    clauses: tuple[Clause, ...] = ()
    unsupported: tuple[str, ...] = ()
    error: str | None = None
    error_word: str | None = None


@lru_cache(maxsize=8192)
def parse_column_definition(text: str) -> ColumnDefinition:
    """Parse ``text`` as written after a column name in ``CREATE TABLE``.

    >>> parse_column_definition("text not null default 'x'").clauses[1].expression
    "'x'"
    >>> parse_column_definition("bigint not nul").error_word
    'nul'
    """
    data = text.encode("utf-8")
    try:
        statements = json.loads(parse_sql_json(_PREFIX + text + ")")).get("stmts", [])
    except ParseError as exc:
        return _default_to_the_end(text) or _parse_error(exc, data)
    statement = statements[0]["stmt"].get("CreateStmt") if len(statements) == 1 else None
    elements = statement.get("tableElts", ()) if statement is not None else ()
    if statement is None or len(elements) != 1 or "ColumnDef" not in elements[0]:
        return ColumnDefinition(
            error="more than one column definition (is there a stray comma or parenthesis?)"
        )
    column = elements[0]["ColumnDef"]
    constraints = [c["Constraint"] for c in column.get("constraints", ())]
    starts = [_offset(c.get("location", 0)) for c in constraints]
    collate_clause = column.get("collClause")
    collate = _offset(collate_clause.get("location", 0)) if collate_clause is not None else None
    first = min([*starts, *([collate] if collate is not None else [])], default=len(data))
    unsupported = tuple(
        word for word, key in (("compression", "compression"), ("storage", "storage_name")) if column.get(key)
    )
    clauses = []
    for index, constraint in enumerate(constraints):
        end = starts[index + 1] if index + 1 < len(constraints) else len(data)
        segment = _cut(data, starts[index], end)
        clauses.append(_clause(constraint, segment))
    collation = None
    if collate_clause is not None:
        collation = ".".join(part["String"]["sval"] for part in collate_clause["collname"])
    type_end = min(first, collate) if collate is not None else first
    return ColumnDefinition(
        type=_cut(data, 0, type_end),
        collation=collation,
        clauses=tuple(clauses),
        unsupported=unsupported,
    )


def _default_to_the_end(text: str) -> ColumnDefinition | None:
    """``… default <a_expr>`` when the grammar's DEFAULT (a b_expr: no ``=``, ``is null``,
    ``and`` …) stops short: the expression runs to the end, as in the mapping's ``default:``."""
    found = [offset for offset, word in words(text) if word.lower() == "default"]
    if not found:
        return None
    head = parse_column_definition(text[: found[0]])
    expression = text[found[0] + len("default") :].strip()
    if head.error is not None or not expression or any(c.kind == "default" for c in head.clauses):
        return None
    clause = Clause("default", text[found[0] :].strip(), expression=expression)
    return ColumnDefinition(head.type, head.collation, (*head.clauses, clause), head.unsupported)


def _offset(location: int) -> int:
    return location - _PREFIX_BYTES


def _cut(data: bytes, start: int, end: int) -> str:
    return data[start:end].decode("utf-8").strip()


def _parse_error(exc: ParseError, data: bytes) -> ColumnDefinition:
    message = str(exc.args[0]) if exc.args else str(exc)
    position = exc.args[1] - _PREFIX_BYTES if len(exc.args) > 1 and isinstance(exc.args[1], int) else None
    word = None
    if position is not None and 0 <= position < len(data):
        rest = data[position:].decode("utf-8", errors="replace").split()
        word = rest[0] if rest else None
    if word is None or position is None or position >= len(data):
        last = data.decode("utf-8").split()[-1:]
        if last and last[0].lower() == "default":
            return ColumnDefinition(error="'default' needs an expression after it")
        return ColumnDefinition(error="the definition ends too early (an unfinished clause or parenthesis)")
    return ColumnDefinition(error=message, error_word=word)


def _body(segment: str, keyword_words: int) -> str:
    """``segment`` without its first ``keyword_words`` words."""
    parts = segment.split(None, keyword_words)
    return parts[keyword_words] if len(parts) > keyword_words else ""


def _strip_parens(text: str) -> str:
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip()
    return text


def _clause(constraint: dict[str, Any], segment: str) -> Clause:
    kind = constraint["contype"]
    name = constraint.get("conname")
    no_inherit = bool(constraint.get("is_no_inherit"))
    if name is not None:
        segment = _body(segment, 2)
    if kind == "CONSTR_NULL":
        return Clause("null", segment, name)
    if kind == "CONSTR_NOTNULL":
        return Clause("not null", segment, name, options={"no_inherit": no_inherit})
    if kind == "CONSTR_DEFAULT":
        return Clause("default", segment, name, expression=_body(segment, 1))
    if kind == "CONSTR_CHECK":
        body = _body(segment, 1)
        if no_inherit:
            body = body.rsplit(None, 2)[0]
        return Clause(
            "check", segment, name, expression=_strip_parens(body), options={"no_inherit": no_inherit}
        )
    if kind == "CONSTR_IDENTITY":
        options = {}
        for option in constraint.get("options", ()):
            element = option["DefElem"]
            options[element["defname"]] = _option_value(element.get("arg"))
        always = constraint.get("generated_when") == "a"
        return Clause("identity", segment, name, options={"always": always, **options})
    if kind == "CONSTR_GENERATED":
        body = segment.rstrip()
        last = body.rsplit(None, 1)
        stored = True
        if len(last) == 2 and last[1].lower() in ("stored", "virtual"):
            stored = last[1].lower() == "stored"
            body = last[0]
        opening = body.find("(")
        return Clause(
            "generated", segment, name, expression=_strip_parens(body[opening:]), options={"stored": stored}
        )
    if kind == "CONSTR_PRIMARY":
        return Clause("primary key", segment, name, options=_index_options(constraint))
    if kind == "CONSTR_UNIQUE":
        options = _index_options(constraint)
        options["nulls_not_distinct"] = bool(constraint.get("nulls_not_distinct"))
        return Clause("unique", segment, name, options=options)
    if kind == "CONSTR_FOREIGN":
        table = constraint["pktable"]
        options = {
            "schema": table.get("schemaname"),
            "table": table.get("relname"),
            "columns": tuple(part["String"]["sval"] for part in constraint.get("pk_attrs", ())),
            "on_delete": _ACTIONS.get(constraint.get("fk_del_action") or "a", "no action"),
            "on_update": _ACTIONS.get(constraint.get("fk_upd_action") or "a", "no action"),
            "match": _MATCH.get(constraint.get("fk_matchtype") or "s", "simple"),
            "set_columns": bool(constraint.get("fk_del_set_cols")),
        }
        return Clause("references", segment, name, options=options)
    if kind in _ATTRIBUTES:
        return Clause(kind.removeprefix("CONSTR_ATTR_").lower().replace("_", " "), segment, name)
    return Clause(kind.removeprefix("CONSTR_").lower().replace("_", " "), segment, name)


def _option_value(arg: dict[str, Any] | None) -> Any:
    """A sequence option's value: True when only named, the constant given, None for a type."""
    if arg is None:
        return True
    for node, (key, absent) in _VALUE_FIELDS.items():
        if node in arg:
            return arg[node].get(key, absent)
    return None


def _index_options(constraint: dict[str, Any]) -> dict:
    return {
        "index_options": bool(constraint.get("options")) or constraint.get("indexspace") is not None,
    }
