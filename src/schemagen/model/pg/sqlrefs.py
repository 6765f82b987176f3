"""The SQL-reference analyser: what an expression, a view query or a function body uses.

Reads SQL with PostgreSQL's own parser (pglast) and answers with the relations,
columns (per relation), functions (with their argument count) and types the text
uses, resolved like PostgreSQL resolves them when it creates the object: qualified
names as written, unqualified ones through a search path against the declared
objects (:class:`Declared`). Without a ``Declared`` an unqualified name stands for
its candidate in every schema of the path (an over-approximation: callers that
order changes only act on names the plan creates or drops).

Text the parser refuses never raises: the answer is ``known=False`` and holds every
name PostgreSQL's scanner finds (in every kind), so callers can fall back
conservatively. Results are cached per (text, what it is, search path, context).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pglast import ast
from pglast.parser import ParseError, scan

from schemagen.model.pg.quoting import unquote_ident
from schemagen.model.pg.scan import split_top_level
from schemagen.model.pg.sqlbodies import (
    Body,
    Signature,
    is_sql_standard_body,
    parse_body,
    parse_standard_body,
)
from schemagen.model.pg.sqlparse import children, parse_expression, parse_query

Name = tuple[str, str]
"""(schema, name) of a relation, function, type or sequence."""

DEFAULT_SEARCH_PATH: tuple[str, ...] = ("public",)
"""Where bare names resolve when the generated DDL runs: generated/schema.sql pins it
(``SET LOCAL search_path = public``; PostgreSQL searches ``pg_catalog`` first)."""

_CATALOG = "pg_catalog"
_REGCLASS = frozenset({"regclass"})
_SEQUENCE_FUNCTIONS = frozenset({"nextval", "currval", "setval"})


class Text(enum.Enum):
    """What a text is, which decides how it is parsed."""

    EXPRESSION = "expression"  # a value expression (CHECK, DEFAULT, index, policy, trigger WHEN)
    QUERY = "query"  # a view query
    BODY = "body"  # a function body in the language given


@dataclass(frozen=True)
class Declared:
    """The declared catalog as the analyser needs it: names by kind, columns by relation.

    A relation (table or view) whose columns are not known maps to None.
    """

    relations: Mapping[Name, tuple[str, ...] | None] = field(default_factory=dict)
    functions: frozenset[Name] = frozenset()
    types: frozenset[Name] = frozenset()
    sequences: frozenset[Name] = frozenset()
    _cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)


@dataclass(frozen=True)
class References:
    """What a text uses. ``known`` is False when it could not be analysed (see module doc).

    ``columns`` holds (schema, relation, column); a ``*`` column means "every column"
    (a star over a relation whose columns are not declared).
    """

    known: bool = True
    relations: frozenset[Name] = frozenset()
    columns: frozenset[tuple[str, str, str]] = frozenset()
    functions: frozenset[tuple[str, str, int | None]] = frozenset()
    types: frozenset[Name] = frozenset()
    sequences: frozenset[Name] = frozenset()

    def uses_column(self, relation: Name, column: str) -> bool:
        """Whether the text uses ``column`` of ``relation`` (always, when not known)."""
        if not self.known:
            return relation in self.relations
        return (*relation, column) in self.columns or (*relation, "*") in self.columns

    def function_names(self) -> frozenset[Name]:
        """The functions used, without argument counts."""
        return frozenset((schema, name) for schema, name, _ in self.functions)


UNKNOWN = References(known=False)


def references(
    text: str | None,
    what: Text = Text.EXPRESSION,
    *,
    search_path: tuple[str, ...] = DEFAULT_SEARCH_PATH,
    declared: Declared | None = None,
    table: Name | None = None,
    language: str = "sql",
    signature: Signature | None = None,
) -> References:
    """What ``text`` uses; ``table`` is the relation bare columns of an expression belong to.

    >>> refs = references("SELECT a FROM t", Text.QUERY)
    >>> sorted(refs.relations), sorted(refs.columns)
    ([('public', 't')], [('public', 't', 'a')])
    >>> references("lower(x) > 0", table=("app", "t")).columns
    frozenset({('app', 't', 'x')})
    >>> references("SELECT FROM WHERE", Text.QUERY).known
    False
    """
    if not text:
        return References()
    if declared is None and what is Text.EXPRESSION and table is not None:
        return _table_expression(text, search_path, table)
    key = (text, what, search_path, table, language.lower(), signature or Signature())
    if declared is None:
        return _references(key, None)
    cache = declared._cache
    if key not in cache:
        cache[key] = _references(key, declared)
    return cache[key]


_THE_TABLE: Name = ("", "")
"""Stands for the table of an expression analysed once for every table."""


@lru_cache(maxsize=65536)
def _table_expression(text: str, search_path: tuple[str, ...], table: Name) -> References:
    """One analysis per expression text, whatever its table: columns are only attributed to it."""
    found = _undeclared((text, Text.EXPRESSION, search_path, _THE_TABLE, "sql", Signature()))
    if not found.known:
        return found
    return replace(
        found,
        relations=frozenset(table if r == _THE_TABLE else r for r in found.relations),
        columns=frozenset((*table, c) if (s, t) == _THE_TABLE else (s, t, c) for s, t, c in found.columns),
    )


@lru_cache(maxsize=8192)
def _undeclared(key: tuple) -> References:
    return _analyse(key, None)


def _references(key: tuple, declared: Declared | None) -> References:
    return _undeclared(key) if declared is None else _analyse(key, declared)


def _analyse(key: tuple, declared: Declared | None) -> References:
    text, what, search_path, table, language, signature = key
    statements, parameters = _parse(text, what, language, signature)
    if statements is None:
        return _scanned(text, search_path, declared)
    walker = _Walker(_Resolver(search_path, declared), parameters)
    try:
        if what is Text.EXPRESSION:
            # the table itself, and ``NEW``/``OLD`` of a trigger's WHEN condition
            frame = [_Entry(alias, (table,)) for alias in (table[1], "new", "old")] if table else []
            walker.expression(statements[0], [frame] if frame else [])
        else:
            for statement in statements:
                walker.statement(statement, [])
    except (RecursionError, AttributeError, TypeError):  # a tree shape not foreseen: never raise
        return _scanned(text, search_path, declared)
    return walker.result()


def _parse(
    text: str, what: Text, language: str, signature: Signature
) -> tuple[tuple[ast.Node, ...] | None, frozenset[str]]:
    """The statements (or the expression) of ``text``, and the names that are parameters, not columns."""
    if what is Text.EXPRESSION:
        parsed = parse_expression(text)
        return ((parsed.node,) if parsed.node is not None else None), frozenset()
    if what is Text.QUERY:
        parsed = parse_query(text)
        return ((parsed.node,) if parsed.node is not None else None), frozenset()
    parameters = frozenset(name.lower() for _, name, _ in signature.arguments if name)
    if is_sql_standard_body(language, text):
        body: Body | None = parse_standard_body(text)
    else:
        body = parse_body(language, text, signature)
    if body is None or body.error is not None or body.limitation is not None:
        return None, frozenset()  # the names the scanner finds stand in (``_scanned``)
    return body.nodes, parameters | body.variables


# --- resolution --------------------------------------------------------------------------


@dataclass
class _Resolver:
    """Resolves names through the search path against the declared objects."""

    search_path: tuple[str, ...]
    declared: Declared | None

    def _find(self, schema: str | None, name: str, exists: Iterable[Name] | None) -> tuple[Name, ...]:
        if schema is not None:
            return () if schema == _CATALOG else ((schema, name),)
        path = [s for s in self.search_path if s != _CATALOG]
        if exists is None:
            return tuple((s, name) for s in path)
        existing = exists if isinstance(exists, frozenset | Mapping) else frozenset(exists)
        return next((((s, name),) for s in path if (s, name) in existing), ())

    def relation(self, schema: str | None, name: str) -> tuple[Name, ...]:
        return self._find(schema, name, None if self.declared is None else self.declared.relations)

    def function(self, schema: str | None, name: str) -> tuple[Name, ...]:
        return self._find(schema, name, None if self.declared is None else self.declared.functions)

    def type(self, schema: str | None, name: str) -> tuple[Name, ...]:
        if self.declared is None:
            return self._find(schema, name, None)
        return self._find(schema, name, self._with_relations("types"))

    def sequence(self, schema: str | None, name: str) -> tuple[Name, ...]:
        if self.declared is None:
            return self._find(schema, name, None)
        return self._find(schema, name, self._with_relations("sequences"))

    def _with_relations(self, kind: str) -> frozenset[Name]:
        """The declared names of ``kind`` and the relations (made once per Declared: 10,000 tables)."""
        assert self.declared is not None
        cache, key = self.declared._cache, ("with relations", kind)
        if key not in cache:
            cache[key] = getattr(self.declared, kind) | frozenset(self.declared.relations)
        return cache[key]

    def columns(self, relation: Name) -> tuple[str, ...] | None:
        """The declared columns of a relation, or None when unknown."""
        if self.declared is None:
            return None
        return self.declared.relations.get(relation)


# --- the walk ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """One item of a FROM list: its visible name and the relation(s) it reads (none: derived)."""

    alias: str
    relations: tuple[Name, ...]


_Frame = list[_Entry]


class _Walker:
    """Walks statements and expressions with FROM-clause scopes, collecting references."""

    def __init__(self, resolver: _Resolver, parameters: frozenset[str]) -> None:
        self.resolver = resolver
        self.parameters = parameters
        self.relations: set[Name] = set()
        self.columns: set[tuple[str, str, str]] = set()
        self.functions: set[tuple[str, str, int | None]] = set()
        self.types: set[Name] = set()
        self.sequences: set[Name] = set()
        self.ctes: list[set[str]] = []

    def result(self) -> References:
        return References(
            True,
            frozenset(self.relations),
            frozenset(self.columns),
            frozenset(self.functions),
            frozenset(self.types),
            frozenset(self.sequences),
        )

    # statements

    def statement(self, node: ast.Node, scopes: list[_Frame]) -> None:
        if isinstance(node, ast.SelectStmt):
            self.select(node, scopes)
        elif isinstance(node, ast.InsertStmt | ast.UpdateStmt | ast.DeleteStmt):
            self.modify(node, scopes)
        elif isinstance(node, ast.ReturnStmt):
            self.expression(node.returnval, scopes)
        else:
            self.expression(node, scopes)

    def _with(self, clause: ast.WithClause | None, scopes: list[_Frame]) -> set[str]:
        names: set[str] = set()
        if clause is None:
            return names
        self.ctes.append(names)
        for cte in clause.ctes or ():
            if clause.recursive:
                names.add(cte.ctename)
            self.statement(cte.ctequery, scopes)
            names.add(cte.ctename)
        return names

    def select(self, node: ast.SelectStmt, scopes: list[_Frame]) -> None:
        pushed = node.withClause is not None
        self._with(node.withClause, scopes)
        try:
            if node.op is not None and node.op.name != "SETOP_NONE":
                self.select(node.larg, scopes)
                self.select(node.rarg, scopes)
                inner = scopes
            else:
                frame: _Frame = []
                for item in node.fromClause or ():
                    self.from_item(item, frame, scopes)
                inner = [frame, *scopes]
                for part in (node.valuesLists, node.targetList, node.whereClause, node.groupClause):
                    self.expression(part, inner)
                for part in (node.havingClause, node.windowClause, node.distinctClause, node.intoClause):
                    self.expression(part, inner)
            self.expression(node.sortClause, inner)
            self.expression((node.limitCount, node.limitOffset, node.lockingClause), scopes)
        finally:
            if pushed:
                self.ctes.pop()

    def modify(self, node: ast.InsertStmt | ast.UpdateStmt | ast.DeleteStmt, scopes: list[_Frame]) -> None:
        pushed = node.withClause is not None
        self._with(node.withClause, scopes)
        try:
            frame: _Frame = []
            target = self.from_item(node.relation, frame, scopes)
            if isinstance(node, ast.InsertStmt):
                for column in node.cols or ():
                    self.column_of(target, column.name)
                if node.selectStmt is not None:
                    self.statement(node.selectStmt, scopes)
                self.on_conflict(node.onConflictClause, target, [frame, *scopes])
            else:
                for item in getattr(node, "fromClause", None) or getattr(node, "usingClause", None) or ():
                    self.from_item(item, frame, scopes)
                if isinstance(node, ast.UpdateStmt):
                    for res in node.targetList or ():
                        self.column_of(target, res.name)
                        self.expression(res.val, [frame, *scopes])
                self.expression(node.whereClause, [frame, *scopes])
            returning = getattr(node, "returningClause", None) or getattr(node, "returningList", None)
            self.expression(returning, [frame, *scopes])
        finally:
            if pushed:
                self.ctes.pop()

    def on_conflict(
        self, clause: ast.OnConflictClause | None, target: _Entry | None, scopes: list[_Frame]
    ) -> None:
        """``ON CONFLICT (key) DO UPDATE SET c = excluded.c``: columns of the target, both ways."""
        if clause is None:
            return
        for element in (clause.infer.indexElems or ()) if clause.infer is not None else ():
            self.column_of(target, element.name)
        for res in clause.targetList or ():
            self.column_of(target, res.name)
        excluded = [_Entry("excluded", target.relations)] if target is not None else []
        self.expression(
            (clause.infer, clause.targetList, clause.whereClause), [excluded + scopes[0], *scopes[1:]]
        )

    def column_of(self, entry: _Entry | None, column: str | None) -> None:
        if entry is not None and column:
            self.columns.update((*relation, column) for relation in entry.relations)

    def from_item(self, item: ast.Node, frame: _Frame, scopes: list[_Frame]) -> _Entry | None:
        if isinstance(item, ast.RangeVar):
            alias = item.alias.aliasname if item.alias is not None else item.relname
            if item.schemaname is None and any(item.relname in names for names in self.ctes):
                entry = _Entry(alias, ())
            else:
                relations = self.resolver.relation(item.schemaname, item.relname)
                self.relations.update(relations)
                entry = _Entry(alias, relations)
            frame.append(entry)
            return entry
        if isinstance(item, ast.JoinExpr):
            self.from_item(item.larg, frame, scopes)
            self.from_item(item.rarg, frame, scopes)
            for name in item.usingClause or ():
                self.bare_column(name.sval, [frame])
            self.expression(item.quals, [frame, *scopes])
            if item.alias is not None:
                frame.append(_Entry(item.alias.aliasname, ()))
            return None
        if isinstance(item, ast.RangeSubselect):
            self.statement(item.subquery, [frame, *scopes] if item.lateral else scopes)
            entry = _Entry(item.alias.aliasname if item.alias is not None else "", ())
            frame.append(entry)
            return entry
        self.expression(item, [frame, *scopes])
        alias = getattr(item, "alias", None)
        frame.append(_Entry(alias.aliasname if isinstance(alias, ast.Alias) else "", ()))
        return None

    # expressions

    def expression(self, node: object, scopes: list[_Frame]) -> None:
        for sub in _nodes(node):
            if isinstance(sub, ast.ColumnRef):
                self.column_ref(sub, scopes)
            elif isinstance(sub, ast.SubLink):
                self.expression(sub.testexpr, scopes)
                self.statement(sub.subselect, scopes)
            elif isinstance(sub, _STATEMENTS):
                self.statement(sub, scopes)
            elif isinstance(sub, ast.RangeVar):
                self.relations.update(self.resolver.relation(sub.schemaname, sub.relname))
            else:
                self.leaf(sub)

    def leaf(self, node: ast.Node) -> None:
        """A node that is neither a column, a subquery nor a relation (its children come next)."""
        if isinstance(node, ast.FuncCall):
            names = [n.sval for n in node.funcname]
            schema, name = (names[-2] if len(names) > 1 else None), names[-1]
            count = None if node.func_variadic else len(node.args or ())
            self.functions.update((*found, count) for found in self.resolver.function(schema, name))
            if name.lower() in _SEQUENCE_FUNCTIONS and schema in (None, _CATALOG) and node.args:
                self.regclass(node.args[0])
        elif isinstance(node, ast.TypeCast):
            if _type_names(node.typeName) in (("regclass",), (_CATALOG, "regclass")):
                self.regclass(node.arg)
        elif isinstance(node, ast.TypeName) and 1 <= len(node.names or ()) <= 2:
            names = _type_names(node)
            schema, name = (names[0] if len(names) == 2 else None), names[-1]
            self.types.update(self.resolver.type(schema, name))

    def regclass(self, node: ast.Node) -> None:
        """``'schema.seq'`` as ``regclass``: the relation (usually a sequence) the string names."""
        if isinstance(node, ast.TypeCast):
            node = node.arg
        if isinstance(node, ast.A_Const) and isinstance(node.val, ast.String):
            parts = split_qualified(node.val.sval)
            if parts is not None and 1 <= len(parts) <= 2:
                schema, name = (parts[0] if len(parts) == 2 else None), parts[-1]
                self.sequences.update(self.resolver.sequence(schema, name))

    def column_ref(self, node: ast.ColumnRef, scopes: list[_Frame]) -> None:
        fields = [f.sval if isinstance(f, ast.String) else "*" for f in node.fields]
        if fields == ["*"]:
            for entry in scopes[0] if scopes else ():
                self.star(entry)
            return
        if len(fields) == 1:
            self.bare_column(fields[0], scopes)
            return
        *qualifier, column = fields
        entry = self.qualified_entry(tuple(qualifier), scopes)
        if entry is None:
            if len(qualifier) == 1 and qualifier[0] not in self.parameters:
                # ``(composite).field`` written without parentheses is a column of a relation in scope
                self.bare_column(qualifier[0], scopes)
            return
        if column == "*":
            self.star(entry)
        else:
            self.column_of(entry, column)

    def star(self, entry: _Entry) -> None:
        for relation in entry.relations:
            known = self.resolver.columns(relation)
            self.columns.update((*relation, c) for c in (known if known is not None else ("*",)))

    def qualified_entry(self, qualifier: tuple[str, ...], scopes: list[_Frame]) -> _Entry | None:
        for frame in scopes:
            for entry in frame:
                if len(qualifier) == 1 and entry.alias == qualifier[0]:
                    return entry
                if len(qualifier) == 2 and (qualifier[0], qualifier[1]) in entry.relations:
                    return entry
        return None

    def bare_column(self, column: str, scopes: list[_Frame]) -> None:
        """An unqualified column: the innermost FROM list that can have it owns it."""
        for frame in scopes:
            owners, unknown = [], []
            for entry in frame:
                for relation in entry.relations:
                    known = self.resolver.columns(relation)
                    if known is None:
                        unknown.append(relation)
                    elif column in known:
                        owners.append(relation)
            if owners or (unknown and column not in self.parameters):
                self.columns.update((*relation, column) for relation in owners or unknown)
                return
            if any(not entry.relations for entry in frame) and column not in self.parameters:
                return  # a column of a subquery, a function or a CTE


_STATEMENTS = ast.SelectStmt | ast.InsertStmt | ast.UpdateStmt | ast.DeleteStmt


def _nodes(node: object) -> Iterator[ast.Node]:
    """Every node under ``node``, not entering columns, subqueries or nested statements."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, tuple | list):
            stack.extend(reversed(current))
            continue
        if not isinstance(current, ast.Node):
            continue
        yield current
        if not isinstance(current, ast.ColumnRef | ast.SubLink | ast.RangeVar | _STATEMENTS):
            stack.extend(children(current))


def _type_names(type_name: ast.TypeName) -> tuple[str, ...]:
    names = tuple(n.sval for n in type_name.names or ())
    if len(names) == 2 and names[0] == _CATALOG:
        return (_CATALOG, names[1])
    return names


def split_qualified(text: str) -> list[str] | None:
    """Split an identifier string such as ``'"App".t_seq'`` as ``regclass`` reads it.

    Unquoted parts fold to lower case; None when a part is malformed.

    >>> split_qualified('"App".t_seq')
    ['App', 't_seq']
    >>> split_qualified("Tasks.Seq")
    ['tasks', 'seq']
    >>> split_qualified('a"b') is None
    True
    """
    parts = []
    for part in (p.strip() for p in split_top_level(text, ".")):
        if len(part) >= 2 and part[0] == part[-1] == '"':
            parts.append(unquote_ident(part))
        elif part and '"' not in part:
            parts.append(part.lower())
        else:
            return None
    return parts


# --- the fallback ------------------------------------------------------------------------


def _scanned(text: str, search_path: tuple[str, ...], declared: Declared | None) -> References:
    """Every name PostgreSQL's scanner finds in text the parser refused, as every kind."""
    resolver = _Resolver(search_path, declared)
    names: set[Name] = set()
    for parts in _identifier_chains(text):
        if len(parts) >= 2:
            names.add((parts[-2], parts[-1]))
        for part in parts[-2:]:
            for find in (resolver.relation, resolver.function, resolver.type, resolver.sequence):
                names.update(find(None, part))
    found = frozenset(n for n in names if n[0] != _CATALOG)
    functions = frozenset((schema, name, None) for schema, name in found)
    return References(False, found, frozenset(), functions, found, found)


def _identifier_chains(text: str) -> Iterator[list[str]]:
    """``a``, ``a.b``, ``"A".b`` … as PostgreSQL's scanner splits them (string literals skipped)."""
    try:
        tokens = list(scan(text))
    except ParseError:
        return
    chain: list[str] = []
    expect_name = True
    for token in tokens:
        word = text[token.start : token.end + 1]
        is_name = token.name == "IDENT" or (token.kind not in _NOT_NAME_KINDS and word[:1].isalpha())
        if is_name and token.name not in _NOT_NAMES:
            if not expect_name:
                yield chain
                chain = []
            chain.append(word[1:-1].replace('""', '"') if word.startswith('"') else word.lower())
            expect_name = False
        elif token.name == "ASCII_46" and chain and not expect_name:
            expect_name = True
        else:
            if chain:
                yield chain
            chain, expect_name = [], True
    if chain:
        yield chain


_NOT_NAMES = frozenset({"SCONST", "FCONST", "ICONST", "BCONST", "XCONST", "USCONST", "PARAM", "Op"})
_NOT_NAME_KINDS = frozenset({"RESERVED_KEYWORD"})
