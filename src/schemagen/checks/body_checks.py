"""C369, C371-C374: what PostgreSQL finds in a function body only when it runs (or at CREATE)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pglast import ast

from schemagen.diagnostics import Diagnostic, Span, error, warning
from schemagen.model import Catalog, Function, QualifiedName, Table
from schemagen.model.bodies import parse_body
from schemagen.model.pg.builtins import extension_types
from schemagen.model.pg.sqlparse import keywords, parse_query, walk

_FORMAT_SPEC = re.compile(r"%(?:%|(?:\d+\$)?-?(?:\d+|\*(?:\d+\$)?)?([sIL])?)")
_NOT_IN_FUNCTIONS = (
    ("CREATE", "INDEX", "CONCURRENTLY"),
    ("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY"),
    ("DROP", "INDEX", "CONCURRENTLY"),
    ("VACUUM",),
    ("CREATE", "DATABASE"),
    ("DROP", "DATABASE"),
    ("ALTER", "SYSTEM"),
)
"""Keyword runs that start a statement PostgreSQL refuses inside a function (and REINDEX … CONCURRENTLY)."""


def _bodies(catalog: Catalog) -> Iterator[tuple[Function, list[ast.Node]]]:
    for function in catalog.functions.values():
        body = parse_body(function)
        if body is not None and body.error is None:
            nodes = [n for top in body.nodes for n in walk(top, into_subqueries=True)]
            yield function, nodes


def _label(function: Function) -> str:
    return f"{function.kind} {function.key}"


def check_bodies_parse(catalog: Catalog) -> list[Diagnostic]:
    """C369: ``sql`` and ``plpgsql`` bodies parse; C379: a body the parser here cannot read (both warnings).

    Prevents: ``syntax error at or near …`` and PL/pgSQL compile errors such as
    ``"v" is not a known variable`` at CREATE FUNCTION. A warning, not an error: live
    databases hold such bodies (pg_dump sets ``check_function_bodies = off``), and an
    inspected project must build; the body is created with the check off, as pg_dump does.
    """
    found = []
    for function in catalog.functions.values():
        body = parse_body(function)
        if body is not None and body.limitation is not None:
            found.append(
                warning(
                    "C379",
                    f"body of {_label(function)} is not analysed: it holds {body.limitation}",
                    function.span,
                    "nothing to fix in the body: it is created as written, ordered after every "
                    "object whose name it mentions, and its queries are not checked",
                )
            )
        if body is not None and body.error is not None:
            found.append(
                warning(
                    "C369",
                    f"body of {_label(function)} does not parse ({function.language}): {body.error}; "
                    "it is created with check_function_bodies = off, as pg_dump does, and fails when called",
                    function.span,
                    "fix the body; it is parsed with PostgreSQL's own SQL and PL/pgSQL parsers",
                )
            )
    return found


def check_body_statements(catalog: Catalog) -> list[Diagnostic]:
    """C371-C372: statements a function cannot run, and ``format()`` strings it cannot expand.

    Prevents: ``CREATE INDEX CONCURRENTLY cannot be executed from a function``
    (also VACUUM, REINDEX CONCURRENTLY, …; often hidden in ``EXECUTE format(…)``
    inside an ``EXCEPTION WHEN OTHERS`` that swallows it) and ``unrecognized
    format() type specifier``.
    """
    found = []
    for function, nodes in _bodies(catalog):
        statement = _not_in_functions(nodes, parse_body(function).dynamic)
        if statement is not None:
            found.append(
                error(
                    "C371",
                    f"{_label(function)} runs {statement!r}, "
                    "which cannot be executed inside a function or transaction block",
                    function.span,
                    "run it from the client or a scheduler, outside any function",
                )
            )
        for node in nodes:
            if (
                isinstance(node, ast.FuncCall)
                and [n.sval for n in node.funcname][-1] == "format"
                and node.args
            ):
                bad = _bad_format(_string(node.args[0]))
                if bad:
                    found.append(
                        error(
                            "C372",
                            f"{_label(function)} calls format() with specifier {bad!r}; format() knows "
                            "only %s, %I, %L and %% (with optional position, - and width)",
                            function.span,
                            "format numbers first (to_char, round) and insert them with %s",
                        )
                    )
    return found


def _not_in_functions(nodes: list[ast.Node], dynamic: tuple[ast.Node, ...]) -> str | None:
    """The first statement a function cannot run: a statement of the body, or a string it EXECUTEs.

    Only strings in expressions that reach ``EXECUTE`` count: a function may
    return DDL as text, or mention VACUUM in a message (and a ``sql`` body has
    no dynamic SQL at all).
    """
    for node in nodes:
        if isinstance(node, ast.IndexStmt) and node.concurrent:
            return "CREATE INDEX CONCURRENTLY"
        if isinstance(node, ast.VacuumStmt):
            return "VACUUM"
    for node in (sub for top in dynamic for sub in walk(top, into_subqueries=True)):
        text = _string(node)
        statement = _refused_statement(text) if text is not None else None
        if statement is not None:
            return statement
    return None


def _refused_statement(text: str) -> str | None:
    """The first run of keywords in (a fragment of) SQL text that a function cannot execute."""
    found = keywords(text)
    words = [word for word, _, _ in found]
    for i, (word, start, _) in enumerate(found):
        for run in _NOT_IN_FUNCTIONS:
            if tuple(words[i : i + len(run)]) == run:
                return text[start : found[i + len(run) - 1][2]]
        if word == "REINDEX":
            line_end = text.find("\n", start)
            ends = [e for w, s, e in found[i + 1 :] if w == "CONCURRENTLY" and (line_end < 0 or s < line_end)]
            if ends:
                return text[start : ends[-1]]
    return None


def _string(node: ast.Node) -> str | None:
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
        return node.val.sval
    return None


def _bad_format(text: str | None) -> str | None:
    """The first specifier of a ``format()`` string PostgreSQL would reject, or None."""
    position = 0
    while text is not None and (position := text.find("%", position)) != -1:
        spec = _FORMAT_SPEC.match(text, position)
        if spec is None or (spec.group(0) != "%%" and spec.group(1) is None):
            return text[position : position + 3]
        position = spec.end()
    return None


def check_body_references(catalog: Catalog) -> list[Diagnostic]:
    """C373-C374: relations and ``alias.column`` references in bodies and view queries exist.

    C373 (error): a schema-qualified relation of a declared schema that is not
    declared, or ``alias.column`` where the alias is a declared table without
    that column. Prevents, at the first call of a PL/pgSQL function (or at CREATE
    VIEW): ``relation "x" does not exist``, ``column s.key does not exist``. C374
    (warning): a body or view reads a relation an extension creates
    (``pg_stat_statements``) and the extension is not declared.
    """
    found = []
    for function, nodes in _bodies(catalog):
        found.extend(_references(catalog, _label(function), function.span, nodes))
    for name, view in catalog.views.items():
        nodes = list(parse_query(view.query).all_nodes)
        kind = "materialized view" if view.materialized else "view"
        found.extend(_references(catalog, f"{kind} {name}", view.span, nodes))
    return found


def _references(catalog: Catalog, label: str, span: Span | None, nodes: list[ast.Node]) -> list[Diagnostic]:
    found = []
    aliases: dict[str, Table] = {}
    for node in nodes:
        if isinstance(node, ast.RangeVar):
            found.extend(_check_relation(catalog, label, span, node, aliases))
    for node in nodes:
        if isinstance(node, ast.ColumnRef) and len(node.fields) == 2:
            alias, column = (f.sval if isinstance(f, ast.String) else "*" for f in node.fields)
            table = aliases.get(alias)
            if table is not None and column != "*" and table.column(column) is None:
                found.append(
                    error(
                        "C373",
                        f"{label} reads {alias}.{column}, but {table.name} has no column {column!r}",
                        span,
                        f"columns of {table.name}: {', '.join(c.name for c in table.columns)}",
                    )
                )
    return found


def _check_relation(
    catalog: Catalog, label: str, span: Span | None, node: ast.RangeVar, aliases: dict[str, Table]
) -> list[Diagnostic]:
    name = node.relname
    if node.schemaname is None:
        extension = extension_types().get(name)
        if extension and extension not in catalog.extensions and name not in _declared_names(catalog):
            return [
                warning(
                    "C374",
                    f"{label} reads {name}, which extension {extension!r} creates, "
                    "but the extension is not declared",
                    span,
                    f"declare {extension} under extensions: (and check it is loaded where it must be)",
                )
            ]
        return []
    qualified = QualifiedName(node.schemaname, name)
    table = catalog.tables.get(qualified)
    if table is not None:
        aliases[node.alias.aliasname if node.alias else name] = table
        return []
    known = (
        qualified in catalog.views or qualified in catalog.sequences or qualified in catalog.foreign_tables
    )
    if known or node.schemaname not in catalog.schemas:
        return []
    return [
        error(
            "C373",
            f"{label} reads {qualified}, which is not declared",
            span,
            "check the name (a function body is only checked by PostgreSQL when it runs)",
        )
    ]


def _declared_names(catalog: Catalog) -> set[str]:
    return {q.name for q in (*catalog.tables, *catalog.views)}
