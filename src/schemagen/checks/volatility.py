"""How volatile a function call is: built-in data, declared functions, extensions."""

from __future__ import annotations

from pglast import ast

from schemagen.checks.typenames import resolve_base
from schemagen.model import Catalog, Function, Table
from schemagen.model.pg.builtins import (
    builtin_overloads,
    builtin_volatility,
    extension_volatility,
    type_aliases,
    volatile_operators,
)
from schemagen.model.pg.sqlparse import FunctionCall, function_calls, parse_expression, sql_value_functions
from schemagen.model.pg.types import STRING_TYPES

UNKNOWN = "?"
"""Returned for a function schemagen does not know."""

_INLINED = frozenset({"quote_literal", "quote_nullable"})
"""Mixed built-ins whose non-immutable overload is a SQL wrapper PostgreSQL inlines
before it judges an index expression (``quote_literal(anyelement)`` becomes
``quote_literal($1::text)``): never narrowed to an error."""

_NAMES = {"i": "IMMUTABLE", "s": "STABLE", "v": "VOLATILE"}


def describe(letters: str) -> str:
    """``"is"`` → ``"IMMUTABLE or STABLE"``."""
    return " or ".join(_NAMES[letter] for letter in letters)


def call_volatility(catalog: Catalog, call: FunctionCall, table: Table | None, depth: int = 0) -> str:
    """The possible volatilities of a call as sorted ``i``/``s``/``v`` letters, or ``UNKNOWN``.

    A built-in name whose overloads differ is narrowed by the argument types when
    they can be read off the expression (columns of ``table``, casts, numbers). A
    declared ``LANGUAGE sql`` function PostgreSQL would inline is judged by its
    body, as PostgreSQL does.
    """
    if call.schema in (None, "pg_catalog"):
        letters = builtin_volatility(call.name)
        if letters is not None:
            if len(letters) > 1 and call.name not in _INLINED:
                return _narrow(catalog, call, table) or letters
            return letters
    matching = [f for f in catalog.functions_named(call.name) if call.schema in (None, f.name.schema)]
    if matching:
        if len(matching) == 1:
            inlined = _inlined_volatility(catalog, matching[0], depth)
            if inlined is not None:
                return inlined
        return "".join(sorted({f.volatility[0].lower() for f in matching}))
    for name, extension in catalog.extensions.items():
        if call.schema in (None, extension.schema or "public"):
            letters = extension_volatility(name, call.name)
            if letters is not None:
                return letters
    return UNKNOWN


def _narrow(catalog: Catalog, call: FunctionCall, table: Table | None) -> str | None:
    args = call.node.args or ()
    types = [argument_type(catalog, arg, table) for arg in args]
    candidates = {
        vol
        for params, vol in builtin_overloads(call.name)
        if len(params) == len(types) and all(_accepts(p, t) for p, t in zip(params, types, strict=True))
    }
    return "".join(sorted(candidates)) if candidates else None


def _accepts(param: str, arg: str | None) -> bool:
    if arg is None or param.startswith("any"):
        return True
    return param == arg or (param == "text" and arg in STRING_TYPES)


def argument_type(catalog: Catalog, node: ast.Node, table: Table | None) -> str | None:
    """The type of a simple argument in ``format_type`` spelling, or None when unknown."""
    if isinstance(node, ast.ColumnRef) and table is not None:
        name = node.fields[-1]
        column = table.column(name.sval) if isinstance(name, ast.String) else None
        if column is None:
            return None
        ref = resolve_base(catalog, column.type)
        return None if ref.schema is not None else ref.name + ("[]" if ref.array else "")
    if isinstance(node, ast.TypeCast):
        names = [n.sval for n in node.typeName.names]
        if len(names) == 1 or names[0] == "pg_catalog":
            name = type_aliases().get(names[-1], names[-1])
            return name + ("[]" if node.typeName.arrayBounds else "")
        return None
    if isinstance(node, ast.A_Const) and node.val is not None:
        return {ast.Integer: "integer", ast.Float: "numeric", ast.Boolean: "boolean"}.get(type(node.val))
    return None


_TIME_TYPES = frozenset({"date", "timestamp without time zone", "time without time zone", "interval"})
_ZONED = "timestamp with time zone"


def stable_cast(catalog: Catalog, node: ast.TypeCast, table: Table | None) -> str | None:
    """Describe a cast PostgreSQL implements with a STABLE function, or None.

    Covers the common cases that depend on the session's TimeZone or DateStyle:
    text to a date/time type, ``timestamptz`` to a local date/time or text, and a
    local date/time to ``timestamptz``. Literal operands are folded by the parser
    and are fine.
    """
    if isinstance(node.arg, ast.A_Const):
        return None
    source = argument_type(catalog, node.arg, table)
    target = argument_type(catalog, node, None)
    if source is None or target is None or source == target:
        return None
    zoned_or_time = _TIME_TYPES | {_ZONED, "time with time zone"}
    if source in STRING_TYPES and target in zoned_or_time:
        return f"cast from {source} to {target}"
    if source == _ZONED and (target in _TIME_TYPES or target in STRING_TYPES):
        return f"cast from {source} to {target}"
    if source in {"date", "timestamp without time zone"} and target == _ZONED:
        return f"cast from {source} to {target}"
    return None


def operator_volatility(catalog: Catalog, node: ast.A_Expr, table: Table | None) -> tuple[str, str] | None:
    """``(description, volatility)`` of a binary operator that is not IMMUTABLE, or None.

    Both operand types must be known (columns, casts, numbers); an untyped literal
    takes the other side's type, which makes the common comparisons immutable.
    """
    if len(node.name or ()) != 1 or node.lexpr is None or node.rexpr is None:
        return None
    if not isinstance(node.lexpr, ast.Node) or not isinstance(node.rexpr, ast.Node):
        return None
    operator = node.name[0].sval
    left, right = argument_type(catalog, node.lexpr, table), argument_type(catalog, node.rexpr, table)
    if left is None or right is None:
        return None
    for (op, op_left, op_right), letters in volatile_operators().items():
        if op == operator and _operand(op_left, left) and _operand(op_right, right):
            return f"operator {left} {operator} {right}", letters
    return None


def _operand(param: str, arg: str) -> bool:
    # ``text || anynonarray`` is a SQL function PostgreSQL inlines before it judges an
    # index expression: its volatility is then the operand's output function's.
    return param == arg or (param == "text" and arg in STRING_TYPES)


def _inlined_volatility(catalog: Catalog, function: Function, depth: int) -> str | None:
    """The volatility of a declared SQL function's body if PostgreSQL would inline it, else None.

    PostgreSQL inlines a non-set-returning ``LANGUAGE sql`` function whose body is
    one ``SELECT expression`` (no FROM), without SECURITY DEFINER or SET options.
    """
    if depth > 3 or function.language != "sql" or function.volatility.upper() == "IMMUTABLE":
        return None
    if (
        function.security_definer
        or function.search_path
        or (function.returns or "").upper().startswith("SETOF")
    ):
        return None
    if function.returns_table or function.kind != "function":
        return None
    text = function.body.strip().rstrip(";")
    if not text.upper().startswith("SELECT "):
        return None
    parsed = parse_expression(text[len("SELECT ") :])
    if parsed.node is None:
        return None
    letters = {"s" for _ in sql_value_functions(parsed)}
    for call in function_calls(parsed):
        letters.add(call_volatility(catalog, call, None, depth + 1))
    if UNKNOWN in letters or any(len(v) > 1 for v in letters):
        return None
    return "v" if "v" in letters else "s" if "s" in letters else "i"
