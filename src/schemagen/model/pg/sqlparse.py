"""Parse SQL expressions with PostgreSQL's own parser (pglast) and list what they use.

An expression is parsed as ``SELECT <expression>``; anything that turns the wrapper
into more than one plain target (``1 FROM t``, ``x AS y``, ``1; DROP …``) is a parse
error too, so a value cannot smuggle SQL into the generated DDL.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from pglast import ast, parse_sql
from pglast.parser import ParseError, scan

_PREFIX = "SELECT "
_SELECT_DEFAULTS = {"targetList", "groupDistinct", "limitOption", "op", "all"}


@dataclass(frozen=True)
class FunctionCall:
    """A call found in an expression: ``schema`` is None when unqualified."""

    schema: str | None
    name: str
    node: ast.Node = field(compare=False, repr=False)


@dataclass(frozen=True)
class ParsedExpression:
    """The result of parsing one expression: its AST, or the parser's message."""

    node: ast.Node | None
    error: str | None = None
    position: int | None = None  # 0-based offset of the error in the expression text

    @cached_property
    def nodes(self) -> tuple[ast.Node, ...]:
        """Every node outside subqueries, computed once (see :func:`walk`)."""
        return tuple(walk(self.node)) if self.node is not None else ()

    @cached_property
    def all_nodes(self) -> tuple[ast.Node, ...]:
        """Every node, subqueries included, computed once."""
        return tuple(walk(self.node, into_subqueries=True)) if self.node is not None else ()


@lru_cache(maxsize=65536)
def parse_expression(text: str) -> ParsedExpression:
    """Parse ``text`` as one SQL value expression.

    >>> parse_expression("length(name) > 0").error is None
    True
    >>> parse_expression("length(name) >").error
    'syntax error at end of input'
    """
    try:
        statements = parse_sql(_PREFIX + text)
    except ParseError as exc:
        message, location = exc.args[0], exc.args[1] if len(exc.args) > 1 else None
        position = None if location is None else max(0, location - len(_PREFIX))
        return ParsedExpression(None, str(message), position)
    if len(statements) != 1 or not isinstance(statements[0].stmt, ast.SelectStmt):
        return ParsedExpression(None, "more than one statement: an expression must be a single value")
    select = statements[0].stmt
    extra = sorted(
        name for name in select.__slots__ if name not in _SELECT_DEFAULTS and getattr(select, name)
    )
    targets = select.targetList or ()
    if extra or len(targets) != 1 or targets[0].name is not None:
        return ParsedExpression(None, "not a single value expression (stray FROM, AS, comma or clause)")
    for token in scan(_PREFIX + text):
        if token.name == "SQL_COMMENT":
            position = token.start - len(_PREFIX)
            return ParsedExpression(None, "a -- comment would swallow the rest of the DDL line", position)
    return ParsedExpression(targets[0].val)


@lru_cache(maxsize=1024)
def parse_query(text: str) -> ParsedExpression:
    """Parse ``text`` as one query (a view's SELECT / VALUES / WITH …)."""
    try:
        statements = parse_sql(text)
    except ParseError as exc:
        return ParsedExpression(None, str(exc.args[0]), exc.args[1] if len(exc.args) > 1 else None)
    if len(statements) != 1 or not isinstance(statements[0].stmt, ast.SelectStmt):
        return ParsedExpression(None, "a view query must be exactly one SELECT, VALUES or WITH query")
    return ParsedExpression(statements[0].stmt)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...] | None:
    r"""The tokens of SQL text as PostgreSQL's scanner reads them (comments included), or None.

    Whitespace between tokens is not kept; inside a literal or quoted name it is.
    None when the scanner refuses the text (an unterminated quote).

    >>> tokens("a>0") == tokens("a  >\n 0")
    True
    >>> tokens("'a  b' -- note")
    ("'a  b'", '-- note')
    >>> tokens("'open") is None
    True
    """
    try:
        return tuple(text[token.start : token.end + 1] for token in scan(text))
    except ParseError:
        return None


def keywords(text: str) -> list[tuple[str, int, int]]:
    """(keyword, start, end) of each SQL keyword in text, as PostgreSQL's scanner finds them.

    Works on fragments too: text after a quote the scanner cannot close is not read.
    ``end`` is exclusive; the keyword is upper-cased.

    >>> [word for word, _, _ in keywords("create index concurrently i on t ('vacuum')")]
    ['CREATE', 'INDEX', 'CONCURRENTLY', 'ON']
    """
    try:
        scanned = list(scan(text))
    except ParseError as exc:
        location = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], int) else 0
        return keywords(text[:location]) if 0 < location < len(text) else []
    return [
        (text[t.start : t.end + 1].upper(), t.start, t.end + 1) for t in scanned if t.kind != "NO_KEYWORD"
    ]


def walk(node: object, *, into_subqueries: bool = False) -> Iterator[ast.Node]:
    """Every AST node under ``node`` (itself included), depth first.

    Subqueries (``SubLink``) are yielded but not entered unless ``into_subqueries``:
    their column references belong to other tables.
    """
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, tuple | list):
            stack.extend(reversed(current))
            continue
        if not isinstance(current, ast.Node):
            continue
        yield current
        if isinstance(current, ast.SubLink) and not into_subqueries:
            if current.testexpr is not None:
                stack.append(current.testexpr)
            continue
        for name in _child_slots(type(current)):
            value = getattr(current, name, None)
            if value is not None:
                stack.append(value)


def children(node: ast.Node) -> Iterator[object]:
    """The direct children of an AST node (nodes, lists of nodes), in reverse slot order."""
    for name in _child_slots(type(node)):
        value = getattr(node, name, None)
        if value is not None:
            yield value


@cache
def _child_slots(cls: type) -> tuple[str, ...]:
    """The slots of an AST class that can hold nodes (pointers and lists), reversed."""
    return tuple(name for name, info in reversed(cls.__slots__.items()) if info.c_type.endswith("*"))


def function_calls(parsed: ParsedExpression) -> list[FunctionCall]:
    """The function calls of an expression, outside subqueries."""
    calls = []
    for sub in parsed.nodes:
        if isinstance(sub, ast.FuncCall):
            names = [n.sval for n in sub.funcname]
            schema = names[-2] if len(names) >= 2 else None
            calls.append(FunctionCall(schema, names[-1], sub))
    return calls


def column_references(parsed: ParsedExpression) -> list[tuple[str, ...]]:
    """Column references outside subqueries, as name tuples (``*`` for a star)."""
    refs = []
    for sub in parsed.nodes:
        if isinstance(sub, ast.ColumnRef):
            refs.append(tuple(f.sval if isinstance(f, ast.String) else "*" for f in sub.fields))
    return refs


def has_subquery(parsed: ParsedExpression) -> bool:
    """True when the expression contains a subquery."""
    return any(isinstance(sub, ast.SubLink) for sub in parsed.nodes)


def sql_value_functions(parsed: ParsedExpression) -> list[str]:
    """``CURRENT_TIMESTAMP``, ``CURRENT_USER``, …: SQL-standard functions without parentheses."""
    found = []
    for sub in parsed.nodes:
        if isinstance(sub, ast.SQLValueFunction):
            found.append(sub.op.name.removeprefix("SVFOP_"))
    return found


NOT_A_CONSTANT = object()
"""What :func:`constant_value` answers for text that is not one constant."""


def constant_value(text: str) -> object:
    """The value of a constant as PostgreSQL reads it, or ``NOT_A_CONSTANT``.

    Integers give ``int``; other numbers their text as written; strings their value
    (a cast or a collation around one is dropped); booleans ``bool``; NULL None.

    >>> [constant_value(t) for t in ("-5", "1.5", "'it''s'", "'2024-01-01'::date", "TRUE", "NULL")]
    [-5, '1.5', "it's", '2024-01-01', True, None]
    >>> constant_value("MAXVALUE") is NOT_A_CONSTANT
    True
    """
    node = parse_expression(text).node
    if isinstance(node, ast.CollateClause):
        node = node.arg
    literal = string_literal(node) if node is not None else None
    if literal is not None:
        return literal[0]
    if not isinstance(node, ast.A_Const):
        return NOT_A_CONSTANT
    if node.isnull:
        return None
    value = node.val
    if isinstance(value, ast.Integer):
        return value.ival
    if isinstance(value, ast.Float):
        digits = value.fval.removeprefix("-")
        return int(value.fval) if digits.isdigit() else text.strip()
    if isinstance(value, ast.Boolean):
        return value.boolval
    return NOT_A_CONSTANT


def string_literal(node: ast.Node) -> tuple[str, tuple[str, ...] | None] | None:
    """``'x'`` or ``'x'::type`` → (value, type names or None); anything else → None."""
    type_names = None
    if isinstance(node, ast.TypeCast):
        type_names = tuple(n.sval for n in node.typeName.names)
        if node.typeName.arrayBounds:
            return None
        node = node.arg
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
        return node.val.sval, type_names
    return None
