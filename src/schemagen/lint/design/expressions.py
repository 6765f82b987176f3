"""Design rules over expressions and queries, on sqlglot's AST (D718-D721).

A CHECK calling a STABLE or VOLATILE function is C352 (the checks know every
built-in's volatility); here D718 is the default that reads like one but is a
constant: the literal ``'now'`` cast to a date/time type.

sqlglot reads CHECK, default, index-predicate, policy and trigger expressions,
view queries and SQL function bodies; its scopes resolve the table behind a
``NOT IN (SELECT col FROM …)`` so the column's nullability can be looked up in
the model. A text sqlglot cannot parse, or parses only as an opaque
``Command``, is not analysable and is skipped (never reported clean or dirty);
PostgreSQL's own grammar (the parse gate and the checks) has already judged it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.optimizer.scope import build_scope

from schemagen.diagnostics import Diagnostic, Span
from schemagen.lint.design.tables import base_type
from schemagen.lint.severity import finding
from schemagen.model import Catalog, QualifiedName

_FROZEN_LITERALS = frozenset({"now", "today", "tomorrow", "yesterday"})
_DATETIME = ("timestamp", "date", "time")
"""Base type names (the facts layer's spelling) whose string literal 'now' is converted once."""


_SQLGLOT_LOG = logging.getLogger("sqlglot")


@contextmanager
def _quiet_sqlglot() -> Iterator[None]:
    """sqlglot logs a warning for each text it falls back to reading as a bare command
    (``comment IS NULL``: a column named like a keyword); what it cannot analyse is simply
    left out here, so the warning would be noise on the user's terminal."""
    level = _SQLGLOT_LOG.level
    _SQLGLOT_LOG.setLevel(logging.ERROR)
    try:
        yield
    finally:
        _SQLGLOT_LOG.setLevel(level)


@lru_cache(maxsize=4096)
def parse_expression(text: str) -> exp.Expression | None:
    """One expression (or query) as sqlglot reads it; None when it is not analysable."""
    try:
        with _quiet_sqlglot():
            tree = sqlglot.parse_one(text, read="postgres")
    except (SqlglotError, ValueError, RecursionError):
        return None
    return None if tree is None or isinstance(tree, exp.Command) else tree


def parse_body(text: str) -> list[exp.Expression]:
    """The statements of a SQL function body; the ones sqlglot cannot analyse are left out."""
    try:
        with _quiet_sqlglot():
            trees = sqlglot.parse(text, read="postgres")
    except (SqlglotError, ValueError, RecursionError):
        return []
    return [t for t in trees if t is not None and not isinstance(t, exp.Command)]


def _sites(catalog: Catalog) -> Iterator[tuple[str, str, Span | None, str, QualifiedName | None]]:
    """(kind, text, span, what, schema context) of every expression and query the model holds."""
    for table in catalog.tables.values():
        for check in table.checks:
            yield (
                "check",
                check.expression,
                check.span or table.span,
                f"CHECK {check.name} on {table.name}",
                None,
            )
        for column in table.columns:
            if column.default:
                yield "default", column.default, column.span, f"default of {table.name}.{column.name}", None
    for domain in catalog.domains.values():
        for check in domain.checks:
            yield (
                "check",
                check.expression,
                check.span or domain.span,
                f"CHECK {check.name} on {domain.name}",
                None,
            )
    for index in catalog.indexes.values():
        if index.where:
            yield "predicate", index.where, index.span, f"WHERE of index {index.name}", None
    for policy in catalog.policies.values():
        for text in (policy.using, policy.with_check):
            if text:
                yield "query", text, policy.span, f"policy {policy.name} on {policy.table}", policy.table
    for trigger in catalog.triggers.values():
        if trigger.when:
            yield "predicate", trigger.when, trigger.span, f"WHEN of trigger {trigger.name}", None
    for view in catalog.views.values():
        yield "view", view.query, view.span, f"view {view.name}", view.name
    for function in catalog.functions.values():
        if function.language == "sql" and function.body:
            yield "body", function.body, function.span, f"function {function.name}", function.name


def expression_rules(catalog: Catalog) -> Iterator[Diagnostic]:
    """D718-D721 over every expression, view query and SQL function body."""
    for kind, text, span, what, context in _sites(catalog):
        if not _may_match(kind, text):
            continue
        trees = parse_body(text) if kind == "body" else [t for t in [parse_expression(text)] if t is not None]
        for tree in trees:
            if kind == "view":
                yield from _select_star(tree, span, what)
            yield from _equals_null(tree, span, what)
            if kind in ("view", "body", "query"):
                yield from _not_in_nullable(catalog, tree, span, what, context)
    for table in catalog.tables.values():
        for column in table.columns:
            if (
                column.default
                and "'" in column.default
                and base_type(catalog, column.type).startswith(_DATETIME)
            ):
                tree = parse_expression(column.default)
                if tree is not None and _frozen_literal(tree):
                    yield finding(
                        "D718",
                        f"default of {table.name}.{column.name} is the literal {column.default}: "
                        "PostgreSQL evaluates it once, when the table is created, not at each insert",
                        column.span,
                        "use now() (or current_date) instead of the string",
                    )


def _may_match(kind: str, text: str) -> bool:
    """A fast path: only texts with a word or symbol some rule looks for are parsed.

    Every rule decides on the AST; this only skips parsing texts that cannot hold
    ``NULL`` (D721), ``NOT … IN`` (D720) or ``*`` (D719). Most CHECKs, defaults and
    predicates hold none, and sqlglot's parse is the cost of these rules.
    """
    lowered = text.lower()
    if "null" in lowered:
        return True
    return kind in ("view", "body", "query") and ("*" in lowered or "not" in lowered)


def _frozen_literal(tree: exp.Expression) -> bool:
    node = tree.this if isinstance(tree, exp.Cast) else tree
    return isinstance(node, exp.Literal) and node.is_string and node.name.strip().lower() in _FROZEN_LITERALS


def _select_star(tree: exp.Expression, span, what) -> Iterator[Diagnostic]:
    for select in tree.find_all(exp.Select):
        if select.find_ancestor(exp.Exists):
            continue
        for projection in select.expressions:
            if isinstance(projection, exp.Star) or (
                isinstance(projection, exp.Column) and isinstance(projection.this, exp.Star)
            ):
                yield finding(
                    "D719",
                    f"{what} selects *: PostgreSQL expands it once, at CREATE VIEW, so columns added "
                    "later never appear and the view blocks dropping any column",
                    span,
                    "list the columns",
                )
                return


def _equals_null(tree: exp.Expression, span, what) -> Iterator[Diagnostic]:
    for node in tree.find_all(exp.EQ, exp.NEQ):
        if isinstance(node.this, exp.Null) or isinstance(node.expression, exp.Null):
            op = "=" if isinstance(node, exp.EQ) else "<>"
            yield finding(
                "D721",
                f"{what} compares with {op} NULL, which is never true (it yields NULL)",
                span,
                f"write IS {'NOT ' if op == '<>' else ''}NULL",
            )
            return


def _not_in_nullable(catalog, tree, span, what, context: QualifiedName | None) -> Iterator[Diagnostic]:
    for node in tree.find_all(exp.Not):
        inner = node.this
        if not isinstance(inner, exp.In) or not isinstance(
            inner.args.get("query"), exp.Subquery | exp.Select
        ):
            continue
        query = inner.args["query"]
        select = query.this if isinstance(query, exp.Subquery) else query
        column = _projected_column(catalog, select, context)
        if column is not None:
            table, name = column
            yield finding(
                "D720",
                f"{what}: NOT IN (SELECT {name} FROM {table} …) is empty as soon as {name} holds one NULL "
                f"({table}.{name} is nullable)",
                span,
                "use NOT EXISTS (SELECT 1 FROM … WHERE …), or filter WHERE col IS NOT NULL",
            )
            return


def _projected_column(catalog: Catalog, select, context) -> tuple[QualifiedName, str] | None:
    """The nullable model column a one-column subquery projects, found through sqlglot's scope."""
    if not isinstance(select, exp.Select) or len(select.expressions) != 1:
        return None
    projection = select.expressions[0]
    column = projection.this if isinstance(projection, exp.Alias) else projection
    if not isinstance(column, exp.Column):
        return None
    scope = build_scope(select)
    if scope is None:
        return None
    tables = [s for s in scope.sources.values() if isinstance(s, exp.Table)]
    if column.table:
        source = scope.sources.get(column.table)
        tables = [source] if isinstance(source, exp.Table) else []
    if len(tables) != 1:
        return None
    source = tables[0]
    schema = source.db or (context.schema if context else "public")
    model = catalog.tables.get(QualifiedName(schema, source.name))
    if model is None:
        return None
    declared = model.column(column.name)
    if declared is None or declared.not_null or declared.identity is not None:
        return None
    if model.primary_key and column.name in model.primary_key.columns:
        return None
    return model.name, column.name
