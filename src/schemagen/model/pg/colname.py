"""The column name PostgreSQL gives an expression: ``FigureColnameInternal`` on the parse tree.

PostgreSQL names an index column after its expression (``lower(title)`` →
``lower``) and uses that name in the default index name; the builder and the
emitter must derive the same name to read and write the same YAML. This module
mirrors ``parse_target.c`` over pglast's tree, so no text is guessed at.
"""

from __future__ import annotations

from pglast import ast
from pglast.enums import A_Expr_Kind, JsonExprOp, MinMaxOp, SQLValueFunctionOp, SubLinkType, XmlExprOp

from schemagen.model.pg.sqlparse import parse_expression

_FIXED_NAMES: dict[type, str] = {
    ast.GroupingFunc: "grouping",
    ast.A_ArrayExpr: "array",
    ast.RowExpr: "row",
    ast.CoalesceExpr: "coalesce",
    ast.XmlSerialize: "xmlserialize",
    ast.JsonParseExpr: "json",
    ast.JsonScalarExpr: "json_scalar",
    ast.JsonSerializeExpr: "json_serialize",
    ast.JsonObjectConstructor: "json_object",
    ast.JsonArrayConstructor: "json_array",
    ast.JsonArrayQueryConstructor: "json_array",
    ast.JsonObjectAgg: "json_objectagg",
    ast.JsonArrayAgg: "json_arrayagg",
    ast.MergeSupportFunc: "merge_action",
}
_SQL_VALUE_NAMES = {
    "SVFOP_CURRENT_DATE": "current_date",
    "SVFOP_CURRENT_TIME": "current_time",
    "SVFOP_CURRENT_TIME_N": "current_time",
    "SVFOP_CURRENT_TIMESTAMP": "current_timestamp",
    "SVFOP_CURRENT_TIMESTAMP_N": "current_timestamp",
    "SVFOP_LOCALTIME": "localtime",
    "SVFOP_LOCALTIME_N": "localtime",
    "SVFOP_LOCALTIMESTAMP": "localtimestamp",
    "SVFOP_LOCALTIMESTAMP_N": "localtimestamp",
    "SVFOP_CURRENT_ROLE": "current_role",
    "SVFOP_CURRENT_USER": "current_user",
    "SVFOP_USER": "user",
    "SVFOP_SESSION_USER": "session_user",
    "SVFOP_CURRENT_CATALOG": "current_catalog",
    "SVFOP_CURRENT_SCHEMA": "current_schema",
}


def figure_index_colname(expression: str) -> str | None:
    """The column name PostgreSQL derives for an index expression, or None (it then says ``expr``).

    >>> figure_index_colname("lower(title)")
    'lower'
    >>> figure_index_colname("payload -> 'parameters'") is None
    True
    >>> figure_index_colname("(created_at)::date")
    'created_at'
    >>> figure_index_colname("(a + b)::text")
    'text'
    >>> figure_index_colname("coalesce(a, b)")
    'coalesce'
    """
    parsed = parse_expression(expression)
    if parsed.node is None:
        return None
    name, _strength = _figure(parsed.node)
    return name


def figure_colname(node: ast.Node) -> str | None:
    """The name PostgreSQL gives a parsed SELECT target without ``AS``; None for ``?column?``.

    >>> figure_colname(parse_expression("NULL::integer").node)
    'int4'
    >>> figure_colname(parse_expression("a + 1").node) is None
    True
    """
    return _figure(node)[0]


def _figure(node: object) -> tuple[str | None, int]:
    """(name, strength) as ``FigureColnameInternal``: 2 a sure name, 1 a fallback, 0 none."""
    if isinstance(node, ast.ColumnRef):
        last = node.fields[-1] if node.fields else None
        return (last.sval, 2) if isinstance(last, ast.String) else (None, 0)
    if isinstance(node, ast.A_Indirection):
        last = node.indirection[-1] if node.indirection else None
        if isinstance(last, ast.String):
            return last.sval, 2
        return _figure(node.arg)
    if isinstance(node, ast.FuncCall):
        return node.funcname[-1].sval, 2
    if isinstance(node, ast.A_Expr):
        return ("nullif", 2) if node.kind == A_Expr_Kind.AEXPR_NULLIF else (None, 0)
    if isinstance(node, ast.TypeCast):
        name, strength = _figure(node.arg)
        if strength <= 1 and node.typeName is not None and node.typeName.names:
            return node.typeName.names[-1].sval, 1
        return name, strength
    if isinstance(node, ast.CollateClause):
        return _figure(node.arg)
    if isinstance(node, ast.SubLink):
        return _sublink(node)
    if isinstance(node, ast.CaseExpr):
        name, strength = _figure(node.defresult) if node.defresult is not None else (None, 0)
        return (name, strength) if strength > 1 else ("case", 1)
    if isinstance(node, ast.MinMaxExpr):
        return ("greatest" if node.op == MinMaxOp.IS_GREATEST else "least"), 2
    if isinstance(node, ast.SQLValueFunction):
        name = _SQL_VALUE_NAMES.get(SQLValueFunctionOp(node.op).name)
        return (name, 2) if name else (None, 0)
    if isinstance(node, ast.XmlExpr):
        return _xml_name(node), 2
    if isinstance(node, ast.JsonFuncExpr):
        return JsonExprOp(node.op).name.removesuffix("_OP").lower(), 2
    for cls, name in _FIXED_NAMES.items():
        if isinstance(node, cls):
            return name, 2
    return None, 0


def _sublink(node: ast.SubLink) -> tuple[str | None, int]:
    if node.subLinkType == SubLinkType.EXISTS_SUBLINK:
        return "exists", 2
    if node.subLinkType == SubLinkType.ARRAY_SUBLINK:
        return "array", 2
    if node.subLinkType == SubLinkType.EXPR_SUBLINK:
        targets = getattr(node.subselect, "targetList", None) or ()
        if targets and targets[0].name:
            return targets[0].name, 2
        if targets:
            return _figure(targets[0].val)
    return None, 0


def _xml_name(node: ast.XmlExpr) -> str:
    op = XmlExprOp(node.op).name
    names = {
        "IS_XMLCONCAT": "xmlconcat",
        "IS_XMLELEMENT": "xmlelement",
        "IS_XMLFOREST": "xmlforest",
        "IS_XMLPARSE": "xmlparse",
        "IS_XMLPI": "xmlpi",
        "IS_XMLROOT": "xmlroot",
        "IS_XMLSERIALIZE": "xmlserialize",
        "IS_DOCUMENT": "xmlexpr",
    }
    return names.get(op, "xmlexpr")
