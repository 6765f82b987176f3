"""Function and procedure bodies, parsed with PostgreSQL's parsers (SQL and PL/pgSQL).

PostgreSQL checks a PL/pgSQL body's syntax at CREATE FUNCTION but its queries only
when they first run; a LANGUAGE sql body is checked at CREATE. Here both are parsed
(pglast: libpg_query, the server's own grammars) into the queries and expressions
they contain, once per body text: the checks (``checks/body_checks``) and the
SQL-reference analyser (``sqlrefs``) read the same parse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pglast import ast, parse_sql
from pglast.parser import ParseError, parse_plpgsql_json, scan

from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.sqlparse import column_references, parse_expression

_WRAPPER = "CREATE {kind} f({arguments}) {returns} LANGUAGE plpgsql AS {tag}{body}{tag}"
"""Only to hand a body to the PL/pgSQL parser (which wants a whole statement); never rendered."""
_STANDARD_WRAPPER = "CREATE FUNCTION f() RETURNS void LANGUAGE sql "
"""Only to hand a SQL-standard body to the parser (it is part of CREATE FUNCTION); never rendered."""

_RAW_PARSE_DEFAULT, _RAW_PARSE_EXPRESSION = 0, 2
_RAW_PARSE_ASSIGN = frozenset({3, 4, 5})  # ``a := …``, ``a.b := …``, ``a.b.c := …``


@dataclass(frozen=True)
class Signature:
    """What the PL/pgSQL parser needs besides the body: kind, arguments and result.

    ``arguments`` holds (mode, name or "", type) triples; ``returns_table`` (name, type) pairs.
    """

    kind: str = "function"
    arguments: tuple[tuple[str, str, str], ...] = ()
    returns: str | None = None
    returns_table: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Body:
    """A parsed body: the ASTs of its queries and expressions, or the parser's message.

    ``dynamic`` holds the expressions whose value reaches ``EXECUTE`` (PL/pgSQL
    ``EXECUTE``, ``RETURN QUERY EXECUTE``, ``FOR … IN EXECUTE``, ``OPEN … FOR
    EXECUTE``), and what is assigned to a variable such an expression reads.
    """

    nodes: tuple[ast.Node, ...] = ()
    error: str | None = None
    limitation: str | None = None
    """A construct the parser here cannot read (not the body's fault): the body is not analysed."""
    dynamic: tuple[ast.Node, ...] = ()
    variables: frozenset[str] = frozenset()
    """PL/pgSQL variables (arguments, declared names, ``new``/``old``…): not columns."""


def _parser_type(mode: str, type_: str) -> str:
    """The type the wrapper declares: ``anyarray`` for a VARIADIC or IN array argument.

    The PL/pgSQL parser's stand-in catalog knows no array type (``VARIADIC parameter
    must be an array``) and reads an array of a user type as ``_record`` (``cannot
    accept type _record``); the body's parse needs the argument's name only.
    """
    if mode == "VARIADIC" or (mode == "IN" and type_.endswith("[]")):
        return "anyarray"
    return type_


def _wrapper(body: str, signature: Signature) -> str:
    arguments = ", ".join(
        f"{mode} {quote_ident(name) if name else ''} {_parser_type(mode, type_)}".replace("  ", " ")
        for mode, name, type_ in signature.arguments
    )
    if signature.kind == "procedure":
        returns = ""
    elif signature.returns_table:
        returns = (
            "RETURNS TABLE (" + ", ".join(f"{quote_ident(n)} {t}" for n, t in signature.returns_table) + ")"
        )
    else:
        returns = f"RETURNS {signature.returns or 'void'}"
    tag = "$sg_body$"
    while tag in body:
        tag = tag[:-1] + "_$"
    kind = "PROCEDURE" if signature.kind == "procedure" else "FUNCTION"
    return _WRAPPER.format(kind=kind, arguments=arguments, returns=returns, tag=tag, body=body)


def is_sql_standard_body(language: str, body: str) -> bool:
    """A ``LANGUAGE sql`` body in SQL-standard form (``BEGIN ATOMIC … END`` or ``RETURN expr``).

    >>> is_sql_standard_body("sql", "begin atomic select 1; end")
    True
    >>> is_sql_standard_body("sql", "SELECT 1")
    False
    """
    if language.lower() != "sql":
        return False
    head = [w.upper() for w in body.split(None, 2)[:2]]
    return head[:1] == ["RETURN"] or head == ["BEGIN", "ATOMIC"]


def parse_body(language: str, body: str, signature: Signature = Signature()) -> Body | None:
    """Parse a ``sql`` or ``plpgsql`` body; None for other languages (not analysable).

    A SQL-standard body gives an empty ``Body``: it is parsed with its CREATE
    statement by the lint gate (see :func:`parse_standard_body` for its statements).
    """
    language = language.lower()
    if is_sql_standard_body(language, body):
        return Body()
    if language == "sql":
        return _parse_sql_body(body)
    if language == "plpgsql":
        return _parse_plpgsql_body(_wrapper(body, signature))
    return None


@lru_cache(maxsize=1024)
def parse_standard_body(body: str) -> Body:
    """The statements of a SQL-standard body (``RETURN expr`` gives its ``ReturnStmt``).

    >>> [type(n).__name__ for n in parse_standard_body("BEGIN ATOMIC SELECT 1; SELECT 2; END").nodes]
    ['SelectStmt', 'SelectStmt']
    """
    try:
        statements = parse_sql(_STANDARD_WRAPPER + body)
    except ParseError as exc:
        return Body(error=str(exc.args[0]))
    create = statements[0].stmt if len(statements) == 1 else None
    if not isinstance(create, ast.CreateFunctionStmt) or create.sql_body is None:
        return Body(error="not a SQL-standard function body")
    found = create.sql_body
    if isinstance(found, tuple) and found and isinstance(found[0], tuple):
        found = found[0]  # BEGIN ATOMIC: a list holding the list of statements
    nodes = found if isinstance(found, tuple) else (found,)
    return Body(tuple(n for n in nodes if isinstance(n, ast.Node)))


@lru_cache(maxsize=1024)
def _parse_sql_body(body: str) -> Body:
    text = body.strip()
    if text.upper().startswith("BEGIN ATOMIC"):
        return Body()  # a SQL-standard body is parsed with its CREATE statement by the lint gate
    try:
        return Body(tuple(raw.stmt for raw in parse_sql(text)))
    except ParseError as exc:
        return Body(error=str(exc.args[0]))


_LIMITATIONS = {
    "LookupExplicitNamespace": "a variable whose type is qualified with a schema other than public "
    "or pg_catalog (`v app.users;`): the PL/pgSQL parser used here has no catalog to look it up",
}
"""libpg_query's ``Not implemented (…)`` messages: the construct each stands for."""


def _limitation(message: str) -> str | None:
    """The construct a parser message says the parser cannot handle, or None (a real error)."""
    if not message.startswith("Not implemented"):
        return None
    for marker, construct in _LIMITATIONS.items():
        if marker in message:
            return construct
    return message


@lru_cache(maxsize=1024)
def _parse_plpgsql_body(statement: str) -> Body:
    try:
        tree = json.loads(parse_plpgsql_json(statement))
    except ParseError as exc:
        message = str(exc.args[0])
        limitation = _limitation(message)
        return Body(limitation=limitation) if limitation else Body(error=message)
    nodes: list[ast.Node] = []
    for query, mode in _embedded(tree):
        if mode == _RAW_PARSE_DEFAULT:
            try:
                nodes.extend(raw.stmt for raw in parse_sql(query))
            except ParseError as exc:
                return Body(error=f"{exc.args[0]} in: {query}")
            continue
        if mode in _RAW_PARSE_ASSIGN:
            query = query.split(":=", 1)[-1] if ":=" in query else query.split("=", 1)[-1]
        elif mode != _RAW_PARSE_EXPRESSION:
            continue
        parsed = parse_expression(query)
        node = parsed.node if parsed.node is not None else _select_list(query)
        if node is None:
            return Body(error=f"{parsed.error} in: {query}")
        nodes.append(node)
    variables = frozenset(name.lower() for name in _variable_names(tree) if name)
    return Body(tuple(nodes), dynamic=tuple(_dynamic(tree)), variables=variables)


_NOT_A_TYPE = frozenset({"ALIAS", "CURSOR", "NO", "SCROLL"})


@lru_cache(maxsize=1024)
def declared_types(body: str) -> tuple[tuple[str | None, str], ...]:
    """(schema or None, name) of each type a PL/pgSQL body's DECLARE sections name.

    PostgreSQL resolves these when the function is created (``v app.users;``,
    ``r app.users%ROWTYPE``, ``c app.t.col%TYPE`` names the table ``app.t``), so
    the function must come after them. Read with PostgreSQL's scanner: the
    PL/pgSQL parser used here keeps no type name for a row variable.

    >>> declared_types("DECLARE v app.users; n int := 0; c app.t.col%TYPE; BEGIN RETURN; END")
    (('app', 'users'), (None, 'int'), ('app', 't'))
    """
    try:
        tokens = [(body[t.start : t.end + 1], t.name) for t in scan(body)]
    except ParseError:
        return ()
    found: list[tuple[str | None, str]] = []
    declaring, start = False, 0
    for i, (word, _) in enumerate(tokens):
        upper = word.upper()
        if upper == "DECLARE":
            declaring, start = True, i + 1
        elif declaring and upper == "BEGIN":
            declaring = False
        elif declaring and word == ";":
            declared = _declared_type(tokens[start:i])
            if declared is not None:
                found.append(declared)
            start = i + 1
    return tuple(found)


def _declared_type(declaration: list[tuple[str, str]]) -> tuple[str | None, str] | None:
    """The type one declaration (``name [CONSTANT] type …``, without ``;``) names, or None."""
    position = 2 if len(declaration) > 2 and declaration[1][0].upper() == "CONSTANT" else 1
    chain: list[str] = []
    while position < len(declaration):
        word, kind = declaration[position]
        if not chain and word.upper() in _NOT_A_TYPE:
            return None
        if kind not in ("IDENT",) and not word[:1].isalpha() and not word.startswith('"'):
            break
        chain.append(word[1:-1].replace('""', '"') if word.startswith('"') else word.lower())
        if position + 1 < len(declaration) and declaration[position + 1][0] == ".":
            position += 2
            continue
        position += 1
        break
    following = declaration[position + 1][0].upper() if position + 1 < len(declaration) else ""
    if position < len(declaration) and declaration[position][0] == "%" and following == "TYPE":
        chain = chain[:-1]  # a column's type: the relation holds it (a bare name is a variable)
    if not chain or len(chain) > 2:
        return None
    return (chain[0], chain[1]) if len(chain) == 2 else (None, chain[0])


def _select_list(query: str) -> ast.Node | None:
    """A PL/pgSQL expression that is more than one value: the SELECT it stands for, or None.

    PL/pgSQL reads an expression as ``SELECT <expression>``, so a target list with
    names (the arguments of a cursor, ``c (a := x)``, reach the parser as ``x AS a``)
    or even a ``FROM`` clause (``v := a FROM t``) is valid; the query is analysed whole.
    """
    try:
        statements = parse_sql("SELECT " + query)
    except ParseError:
        return None
    if len(statements) != 1 or not isinstance(statements[0].stmt, ast.SelectStmt):
        return None
    return statements[0].stmt


_DYNAMIC_QUERY = {
    "PLpgSQL_stmt_dynexecute": "query",
    "PLpgSQL_stmt_dynfors": "query",
    "PLpgSQL_stmt_return_query": "dynquery",
    "PLpgSQL_stmt_open": "dynquery",
}


def _dynamic(tree: object) -> list[ast.Node]:
    """The expressions of a PL/pgSQL tree whose value is run by ``EXECUTE``.

    Follows variables: ``v := format(…); EXECUTE v`` makes the assignment's
    expression dynamic too (repeated until nothing new is found).
    """
    names = _variable_names(tree)
    executed: list[str] = []
    assignments: list[tuple[str, str]] = []
    for kind, statement in _statements(tree):
        if kind in _DYNAMIC_QUERY and isinstance(statement.get(_DYNAMIC_QUERY[kind]), dict):
            executed.append(statement[_DYNAMIC_QUERY[kind]]["PLpgSQL_expr"]["query"])
        elif kind == "PLpgSQL_stmt_assign" and 0 <= statement.get("varno", -1) < len(names):
            query = statement["expr"]["PLpgSQL_expr"]["query"]
            assignments.append(
                (names[statement["varno"]], query.split(":=", 1)[-1] if ":=" in query else query)
            )
    found: list[ast.Node] = []
    pending, seen = list(executed), set()
    while pending:
        text = pending.pop()
        if text in seen or (parsed := parse_expression(text)).node is None:
            continue
        seen.add(text)
        found.append(parsed.node)
        read = {ref[0] for ref in column_references(parsed)}
        pending.extend(value for variable, value in assignments if variable in read)
    return found


def _variable_names(tree: object) -> list[str | None]:
    """The names of a PL/pgSQL function's datums (arguments, variables, ``new``, ``found``…), by number."""
    return [next(iter(d.values())).get("refname") for d in _first_function(tree).get("datums", [])]


def _first_function(tree: object) -> dict:
    if isinstance(tree, list) and tree and isinstance(tree[0], dict):
        return tree[0].get("PLpgSQL_function", {})
    return {}


def _statements(tree: object) -> list[tuple[str, dict]]:
    """(statement kind, statement) of every ``PLpgSQL_stmt_*`` in a PL/pgSQL parse tree."""
    return [
        (key, value)
        for node in _json_objects(tree)
        for key, value in node.items()
        if key.startswith("PLpgSQL_stmt_") and isinstance(value, dict)
    ]


def _embedded(tree: object) -> list[tuple[str, int]]:
    """(query text, parse mode) of every ``PLpgSQL_expr`` in a PL/pgSQL parse tree."""
    return [
        (expr["query"], int(expr.get("parseMode", 0)))
        for node in _json_objects(tree)
        if isinstance(expr := node.get("PLpgSQL_expr"), dict) and "query" in expr
    ]


def _json_objects(tree: object) -> Iterator[dict]:
    """Every JSON object of a parse tree, the tree itself included, depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
