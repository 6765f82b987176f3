"""C36x: expressions parse as PostgreSQL SQL and refer only to what their place allows."""

from __future__ import annotations

from schemagen.checks.sites import TABLE_COLUMNS_ONLY, Expression, Site, expressions, parsed_expressions
from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog
from schemagen.model.pg.builtins import is_aggregate
from schemagen.model.pg.sqlparse import (
    column_references,
    function_calls,
    has_subquery,
    parse_expression,
    parse_query,
)

_NO_SUBQUERY = TABLE_COLUMNS_ONLY | {Site.DEFAULT, Site.DOMAIN_CHECK, Site.DOMAIN_DEFAULT}
_NO_AGGREGATE = _NO_SUBQUERY | {Site.TRIGGER_WHEN, Site.POLICY}


def check_expressions_parse(catalog: Catalog) -> list[Diagnostic]:
    """C360: every expression and view query parses with PostgreSQL's grammar.

    Prevents: ``syntax error at or near …`` when the DDL is applied, and values that
    would inject a second statement into the generated DDL.
    """
    found = []
    for expr in expressions(catalog):
        parsed = parse_expression(expr.text)
        if parsed.error is not None:
            where = "" if parsed.position is None else f" (at character {parsed.position + 1})"
            found.append(
                error(
                    "C360",
                    f"{expr.subject} does not parse: {parsed.error}{where}: {expr.text!r}",
                    expr.span,
                    "write one PostgreSQL value expression, as it would appear in the DDL",
                )
            )
    for name, view in catalog.views.items():
        parsed = parse_query(view.query)
        if parsed.error is not None:
            found.append(
                error(
                    "C360",
                    f"query of view {name} does not parse: {parsed.error}",
                    view.span,
                    "the query must be one SELECT (or VALUES / WITH) statement without a trailing ';'",
                )
            )
    return found


def check_column_references(catalog: Catalog) -> list[Diagnostic]:
    """C361-C363, C366: column references name columns the expression may see.

    Prevents: ``column "x" does not exist`` (CHECK, index, generated, partition key),
    ``cannot use column reference in DEFAULT expression``, a domain CHECK naming
    anything but ``VALUE``, and ``cannot use generated column "x" in column
    generation expression``.
    """
    found = []
    for expr, parsed in parsed_expressions(catalog):
        for ref in column_references(parsed):
            found.extend(_check_reference(expr, ref))
    return found


def _check_reference(expr: Expression, ref: tuple[str, ...]) -> list[Diagnostic]:
    shown = ".".join(ref)
    if expr.site in (Site.DEFAULT, Site.DOMAIN_DEFAULT):
        return [
            error(
                "C363",
                f"{expr.subject} refers to column {shown!r}: {expr.text!r}",
                expr.span,
                "a default cannot read other columns; use a generated column or a trigger",
            )
        ]
    if expr.site is Site.DOMAIN_CHECK:
        if ref == ("value",):
            return []
        return [
            error(
                "C362",
                f"{expr.owner} refers to {shown!r}; a domain CHECK can only use VALUE",
                expr.span,
                "write the condition in terms of VALUE, e.g. VALUE > 0",
            )
        ]
    table = expr.table
    if table is None or expr.site not in TABLE_COLUMNS_ONLY | {Site.POLICY, Site.TRIGGER_WHEN}:
        return []
    column_name = _column_part(expr, ref, table.name.name, table.name.schema)
    if column_name is None:
        return []
    column = table.column(column_name)
    if column is None:
        known = ", ".join(c.name for c in table.columns)
        return [
            error(
                "C361",
                f"{expr.subject} refers to unknown column {shown!r} of {table.name}",
                expr.span,
                f"columns of {table.name}: {known}",
            )
        ]
    if expr.site is Site.GENERATED and column.generated is not None:
        return [
            error(
                "C366",
                f"generated column {expr.owner} uses generated column {column.name!r}",
                expr.span,
                "repeat the other column's expression instead of referring to it",
            )
        ]
    return []


def _column_part(expr: Expression, ref: tuple[str, ...], table: str, schema: str) -> str | None:
    """The column a reference names, or None when it is not ours to judge."""
    if expr.site is Site.TRIGGER_WHEN:
        whole_row = len(ref) != 2 or ref[0] not in ("new", "old") or ref[1] == "*"
        return None if whole_row else ref[1]  # ``OLD.* IS DISTINCT FROM NEW.*`` compares rows
    if expr.site is Site.POLICY and len(ref) != 1:
        return None
    if len(ref) == 1 or ref[:-1] in ((table,), (schema, table)):
        return ref[-1]
    return "" if ref[-1] != "*" else None  # another table's column: never a column of ours


def check_forbidden_constructs(catalog: Catalog) -> list[Diagnostic]:
    """C364-C365: no subqueries or aggregate functions where PostgreSQL forbids them.

    Prevents: ``cannot use subquery in check constraint`` (also index expression,
    index predicate, DEFAULT, generated column, partition key) and ``aggregate
    functions are not allowed in …``.
    """
    found = []
    for expr, parsed in parsed_expressions(catalog):
        if expr.site in _NO_SUBQUERY and has_subquery(parsed):
            found.append(
                error(
                    "C364",
                    f"{expr.subject} contains a subquery, which PostgreSQL forbids there",
                    expr.span,
                    "move the lookup into a foreign key, a trigger, or an IMMUTABLE function",
                )
            )
        if expr.site in _NO_AGGREGATE:
            for call in function_calls(parsed):
                if call.schema in (None, "pg_catalog") and is_aggregate(call.name):
                    found.append(
                        error(
                            "C365",
                            f"{expr.subject} calls aggregate function {call.name}()",
                            expr.span,
                            "aggregates work over many rows; this expression sees one row",
                        )
                    )
    return found
