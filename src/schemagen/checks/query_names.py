"""C375-C377: names inside view queries and SQL function bodies that PostgreSQL cannot resolve.

PostgreSQL resolves a view's query when the view is created, and a ``LANGUAGE sql``
body when the function is created (``check_function_bodies``), with the
``search_path`` the DDL runs with (:data:`DDL_SEARCH_PATH`: generated/schema.sql pins
``DEFAULT_SEARCH_PATH``, and PostgreSQL searches ``pg_catalog`` first) or, for a function that
pins one, its own. Only what is certain is judged: a scope that reads a subquery,
a CTE, a set-returning function or a relation whose columns are not known is
skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pglast import ast

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog, Function, QualifiedName
from schemagen.model.bodies import parse_body
from schemagen.model.pg.builtins import extension_types
from schemagen.model.pg.sqlbodies import declared_types
from schemagen.model.pg.sqlparse import parse_query, walk
from schemagen.model.pg.sqlrefs import DEFAULT_SEARCH_PATH
from schemagen.model.pg.types import canonical_type, is_builtin_type

DDL_SEARCH_PATH = ("pg_catalog", *DEFAULT_SEARCH_PATH)


@dataclass(frozen=True)
class _Query:
    """One query to resolve: what it is, where it was written, and its search path."""

    label: str
    span: Span | None
    statements: tuple[ast.Node, ...]
    search_path: tuple[str, ...]
    parameters: frozenset[str] = frozenset()

    def finding(self, code: str, message: str, hint: str) -> Diagnostic:
        """The error for this query."""
        return error(code, message, self.span, hint)


def _search_path(function: Function) -> tuple[str, ...]:
    if function.search_path is None:
        return DDL_SEARCH_PATH
    names = [n.strip() for n in function.search_path.split(",") if n.strip()]
    return tuple(n[1:-1].replace('""', '"') if n.startswith('"') else n for n in names)


def _queries(catalog: Catalog) -> Iterator[_Query]:
    for name, view in catalog.views.items():
        parsed = parse_query(view.query)
        if parsed.node is not None:
            kind = "materialized view" if view.materialized else "view"
            yield _Query(f"{kind} {name}", view.span, (parsed.node,), DDL_SEARCH_PATH)
    for function in catalog.functions.values():
        if function.language != "sql" or function.sql_standard_body:
            continue
        body = parse_body(function)
        if body is None or body.error is not None:
            continue
        names = {a.name for a in function.arguments if a.name} | {n for n, _ in function.returns_table}
        label = f"{function.kind} {function.key}"
        yield _Query(label, function.span, body.nodes, _search_path(function), frozenset(names))


def _relations_on_path(catalog: Catalog, name: str, path: tuple[str, ...]) -> QualifiedName | bool | None:
    """The declared relation ``name`` resolves to on ``path``; True for a system or extension
    relation; None when nothing of that name is found there."""
    for schema in path:
        if schema == "pg_catalog" and name.startswith("pg_"):
            return True
        qualified = QualifiedName(schema, name)
        if any(
            qualified in m for m in (catalog.tables, catalog.views, catalog.sequences, catalog.foreign_tables)
        ):
            return qualified
        extension = extension_types().get(name)
        if extension is not None and extension in catalog.extensions:
            return True
    return None


def _cte_names(statements: tuple[ast.Node, ...]) -> set[str]:
    return {
        node.ctename
        for top in statements
        for node in walk(top, into_subqueries=True)
        if isinstance(node, ast.CommonTableExpr)
    }


def check_query_relations(catalog: Catalog) -> list[Diagnostic]:
    """C375: an unqualified relation (or a cast to a type, a call of a function, a PL/pgSQL
    variable's type, that the project declares in another schema) not on the search path.

    Prevents: ``relation "x" does not exist`` at CREATE VIEW / CREATE FUNCTION
    (the DDL runs with ``search_path = pg_catalog, public``), or a view that
    silently reads another schema's table of the same name.
    """
    found = []
    for query in _queries(catalog):
        ctes = _cte_names(query.statements)
        reported = set()
        for node in (n for top in query.statements for n in walk(top, into_subqueries=True)):
            if isinstance(node, ast.FuncCall):
                missing = _function_off_path(catalog, node, query.search_path)
                if missing is not None and missing not in reported:
                    reported.add(missing)
                    found.append(
                        query.finding(
                            "C375",
                            f"{query.label} calls {missing} unqualified, which is not found on its "
                            f"search_path ({', '.join(query.search_path) or '(empty)'}): "
                            f"function {missing} does not exist",
                            "qualify the function",
                        )
                    )
                continue
            if isinstance(node, ast.TypeCast):
                missing = _type_off_path(catalog, node.typeName, query.search_path)
                if missing is not None and missing not in reported:
                    reported.add(missing)
                    found.append(
                        query.finding(
                            "C375",
                            f"{query.label} casts to {missing} unqualified, which is not found on its "
                            f"search_path ({', '.join(query.search_path) or '(empty)'}): "
                            f'type "{missing}" does not exist',
                            "qualify the type",
                        )
                    )
                continue
            if not isinstance(node, ast.RangeVar) or node.schemaname is not None:
                continue
            name = node.relname
            if name in ctes or name in reported or _relations_on_path(catalog, name, query.search_path):
                continue
            reported.add(name)
            elsewhere = sorted(str(q) for q in (*catalog.tables, *catalog.views) if q.name == name)
            hint = f"qualify it: {' or '.join(elsewhere)}" if elsewhere else "declare it, or check the name"
            path = ", ".join(query.search_path) or "(empty)"
            found.append(
                query.finding(
                    "C375",
                    f"{query.label} reads {name} unqualified, which is not found on its search_path "
                    f'({path}): relation "{name}" does not exist',
                    hint,
                )
            )
    return found + _declared_types_off_path(catalog)


_FIRST_WORDS = frozenset({"double", "national"})
"""First words of built-in types spelled in several words (``double precision``)."""


def _function_off_path(catalog: Catalog, call: ast.FuncCall, path: tuple[str, ...]) -> str | None:
    """An unqualified call of a function the project declares only off ``path`` (else None)."""
    names = [n.sval for n in call.funcname or () if isinstance(n, ast.String)]
    if len(names) != 1:
        return None
    schemas = {f.name.schema for f in catalog.functions_named(names[0])}
    if not schemas or any(s in schemas for s in path):
        return None
    return names[0]


def _type_off_path(catalog: Catalog, type_name: ast.TypeName, path: tuple[str, ...]) -> str | None:
    """An unqualified user type name not found on ``path`` (None: qualified, built in or found)."""
    names = [n.sval for n in type_name.names or () if isinstance(n, ast.String)]
    if len(names) != 1 or _type_on_path(catalog, names[0], path):
        return None
    return names[0]


def _type_on_path(catalog: Catalog, name: str, path: tuple[str, ...]) -> bool:
    """Whether ``name`` resolves on ``path``; only a type the project declares elsewhere is reported."""
    if name in _FIRST_WORDS or is_builtin_type(canonical_type(name)) or name in extension_types():
        return True
    declared = {
        q.schema
        for q in (*catalog.enums, *catalog.domains, *catalog.composite_types, *catalog.tables, *catalog.views)
        if q.name == name
    }
    return not declared or any(
        QualifiedName(s, name) in catalog.enums
        or QualifiedName(s, name) in catalog.domains
        or QualifiedName(s, name) in catalog.composite_types
        or _relations_on_path(catalog, name, (s,))
        for s in path
    )


def _declared_types_off_path(catalog: Catalog) -> list[Diagnostic]:
    """C375 for a PL/pgSQL variable whose unqualified type is not on the function's search path.

    PostgreSQL resolves ``DECLARE v t;`` when the function is created (with
    ``check_function_bodies`` on): ``type "t" does not exist``.
    """
    found = []
    for function in catalog.functions.values():
        if function.language != "plpgsql":
            continue
        path = _search_path(function)
        for schema, name in dict.fromkeys(declared_types(function.body)):
            if schema is not None or _type_on_path(catalog, name, path):
                continue
            query = _Query(f"{function.kind} {function.key}", function.span, (), path)
            found.append(
                query.finding(
                    "C375",
                    f"{query.label} declares a variable of type {name}, which is not found on its "
                    f'search_path ({", ".join(path) or "(empty)"}): type "{name}" does not exist',
                    "qualify the type, or set the function's search_path:",
                )
            )
    return found


def _columns_of(catalog: Catalog, relation: QualifiedName) -> tuple[str, ...] | None:
    table = catalog.tables.get(relation)
    if table is not None:
        return tuple(c.name for c in table.columns)
    view = catalog.views.get(relation)
    if view is None:
        return None
    if view.columns:
        return view.columns
    parsed = parse_query(view.query)
    return _output_names(catalog, parsed.node) if parsed.node is not None else None


def _output_names(catalog: Catalog, select: ast.Node) -> tuple[str, ...] | None:
    """The column names a SELECT produces, when every target has a name PostgreSQL gives it."""
    if not isinstance(select, ast.SelectStmt) or select.targetList is None:
        return None
    names = []
    for target in select.targetList:
        if target.name:
            names.append(target.name)
        elif isinstance(target.val, ast.ColumnRef) and isinstance(target.val.fields[-1], ast.String):
            names.append(target.val.fields[-1].sval)
        else:
            return None  # a star, or an expression named by PostgreSQL's rules
    return tuple(names)


@dataclass
class _Scope:
    """The relations one SELECT reads: names (aliases) and columns; ``known`` is False when any
    relation's columns cannot be told (then unqualified columns are not judged)."""

    aliases: set[str]
    columns: set[str]
    known: bool = True


def _scope(catalog: Catalog, select: ast.SelectStmt, path: tuple[str, ...], ctes: set[str]) -> _Scope:
    scope = _Scope(set(), set())
    stack: list[object] = list(select.fromClause or ())
    while stack:
        item = stack.pop()
        if isinstance(item, ast.JoinExpr):
            stack.extend((item.larg, item.rarg))
            if item.alias is not None or item.usingClause:
                scope.known = scope.known and item.alias is None
        elif isinstance(item, ast.RangeVar):
            scope.aliases.add(item.alias.aliasname if item.alias else item.relname)
            if item.schemaname is None and item.relname in ctes:
                scope.known = False
                continue
            relation = (
                QualifiedName(item.schemaname, item.relname)
                if item.schemaname
                else _relations_on_path(catalog, item.relname, path)
            )
            columns = _columns_of(catalog, relation) if isinstance(relation, QualifiedName) else None
            if columns is None or (item.alias is not None and item.alias.colnames):
                scope.known = False
            else:
                scope.columns.update(columns)
        else:
            scope.known = False  # a subquery, a function in FROM, …
    return scope


def _unknown_columns(
    catalog: Catalog, select: ast.SelectStmt, query: _Query, outer: list[_Scope], ctes: set[str]
) -> Iterator[str]:
    if select.op is not None and select.op.name != "SETOP_NONE":
        for side in (select.larg, select.rarg):
            yield from _unknown_columns(catalog, side, query, outer, ctes)
        return
    scopes = [*outer, _scope(catalog, select, query.search_path, ctes)]
    judged = all(s.known for s in scopes)
    names = {c for s in scopes for c in s.columns} | {a for s in scopes for a in s.aliases} | query.parameters
    places: list[object] = [select.targetList, select.whereClause, select.havingClause]
    places += [j.quals for j in walk(select.fromClause or ()) if isinstance(j, ast.JoinExpr)]
    for place in places:
        for node in walk(place, into_subqueries=False):
            if isinstance(node, ast.SubLink) and isinstance(node.subselect, ast.SelectStmt):
                yield from _unknown_columns(catalog, node.subselect, query, scopes, ctes)
            elif judged and isinstance(node, ast.ColumnRef) and len(node.fields) == 1:
                field = node.fields[0]
                if isinstance(field, ast.String) and field.sval not in names:
                    yield field.sval


def check_query_columns(catalog: Catalog) -> list[Diagnostic]:
    """C376: an unqualified column in a view query or SQL body that none of its relations has.

    Prevents: ``column "x" does not exist`` at CREATE VIEW / CREATE FUNCTION.
    (``alias.column`` is C373.)
    """
    found = []
    for query in _queries(catalog):
        ctes = _cte_names(query.statements)
        for statement in query.statements:
            if not isinstance(statement, ast.SelectStmt):
                continue
            for column in dict.fromkeys(_unknown_columns(catalog, statement, query, [], ctes)):
                found.append(
                    query.finding(
                        "C376",
                        f"{query.label} reads column {column}, which none of the relations it reads has: "
                        f'column "{column}" does not exist',
                        "check the spelling against the table's columns",
                    )
                )
    return found


def check_view_column_lists(catalog: Catalog) -> list[Diagnostic]:
    """C377: a view's ``columns:`` list is longer than what its query returns.

    Prevents: ``CREATE VIEW specifies more column names than columns``.
    """
    found = []
    for name, view in catalog.views.items():
        if not view.columns:
            continue
        parsed = parse_query(view.query)
        select = parsed.node
        if not isinstance(select, ast.SelectStmt) or select.targetList is None:
            continue
        targets = select.targetList
        stars = [t for t in targets if isinstance(t.val, ast.ColumnRef)]
        if any(isinstance(t.val.fields[-1], ast.A_Star) for t in stars):
            continue
        if len(view.columns) > len(select.targetList):
            found.append(
                error(
                    "C377",
                    f"view {name} names {len(view.columns)} columns but its query returns "
                    f"{len(select.targetList)}: CREATE VIEW specifies more column names than columns",
                    view.span,
                    "name one column per item of the SELECT list",
                )
            )
    return found
