"""C340-C341: string literals used as enum values name existing labels."""

from __future__ import annotations

from pglast import ast
from pglast.enums import A_Expr_Kind

from schemagen.checks.sites import Expression, Site, expressions
from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog, EnumType, Table
from schemagen.model.pg.sqlparse import ParsedExpression, parse_expression, string_literal


def _enum_of(catalog: Catalog, type_text: str) -> EnumType | None:
    ref = resolve_base(catalog, type_text)
    if ref.array or ref.qualified is None:
        return None
    return catalog.enums.get(ref.qualified)


def _bad_label(enum_type: EnumType, value: str) -> str:
    return f"{value!r} is not a label of enum {enum_type.name} ({', '.join(enum_type.labels)})"


def check_enum_defaults(catalog: Catalog) -> list[Diagnostic]:
    """C340: a default of enum type names an existing label.

    Prevents: ``invalid input value for enum x: "y"`` when the DDL is applied.
    """
    if not catalog.enums:
        return []
    found = []
    for expr in expressions(catalog):
        if expr.site is Site.DEFAULT and expr.column is not None:
            enum_type = _enum_of(catalog, expr.column.type)
        elif expr.site is Site.DOMAIN_DEFAULT and expr.domain is not None:
            enum_type = _enum_of(catalog, str(expr.domain))
        else:
            continue
        parsed = parse_expression(expr.text)
        literal = string_literal(parsed.node) if parsed.node is not None else None
        if enum_type is None or literal is None or literal[0] in enum_type.labels:
            continue
        found.append(
            error(
                "C340",
                f"default of {expr.owner}: {_bad_label(enum_type, literal[0])}",
                expr.span,
                "use one of the labels, or add the value to the enum",
            )
        )
    return found


def check_enum_comparisons(catalog: Catalog) -> list[Diagnostic]:
    """C341: ``enum_column = 'x'`` / ``IN ('x', …)`` in CHECKs, predicates and rows use labels.

    Prevents: ``invalid input value for enum x: "y"`` from a CHECK, a partial-index
    predicate, or a reference row.
    """
    if not catalog.enums:
        return []
    found = []
    for expr in expressions(catalog):
        if expr.table is None or expr.site in (Site.DEFAULT, Site.DOMAIN_DEFAULT):
            continue
        parsed = parse_expression(expr.text)
        if parsed.node is not None:
            found.extend(_check_comparisons(catalog, expr, expr.table, parsed))
    for table_name, rows in catalog.reference_rows.items():
        table = catalog.tables.get(table_name)
        if table is None:
            continue
        for row in rows.rows:
            for column_name, value in row:
                column = table.column(column_name)
                enum_type = _enum_of(catalog, column.type) if column else None
                parsed = parse_expression(value) if enum_type else None
                literal = string_literal(parsed.node) if parsed and parsed.node is not None else None
                if enum_type and literal and literal[0] not in enum_type.labels:
                    found.append(
                        error(
                            "C341",
                            f"reference row of {table_name}, column {column_name}: "
                            f"{_bad_label(enum_type, literal[0])}",
                            rows.span or table.span,
                            "use one of the labels",
                        )
                    )
    return found


def _check_comparisons(
    catalog: Catalog, expr: Expression, table: Table, parsed: ParsedExpression
) -> list[Diagnostic]:
    found = []
    for sub in parsed.nodes:
        if not isinstance(sub, ast.A_Expr) or sub.kind not in (
            A_Expr_Kind.AEXPR_OP,
            A_Expr_Kind.AEXPR_IN,
        ):
            continue
        for column_side, other in ((sub.lexpr, sub.rexpr), (sub.rexpr, sub.lexpr)):
            if not isinstance(column_side, ast.ColumnRef) or not isinstance(
                column_side.fields[-1], ast.String
            ):
                continue
            column = table.column(column_side.fields[-1].sval)
            enum_type = _enum_of(catalog, column.type) if column else None
            if enum_type is None:
                continue
            values = other if isinstance(other, tuple | list) else (other,)
            for value in values:
                literal = string_literal(value) if isinstance(value, ast.Node) else None
                if literal is not None and literal[0] not in enum_type.labels:
                    found.append(
                        error(
                            "C341",
                            f"{expr.subject}: {_bad_label(enum_type, literal[0])}",
                            expr.span,
                            "compare with one of the labels, or add the value to the enum",
                        )
                    )
    return found
