"""Column-level facts read from pglast nodes: type names, defaults, constraints."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ConstrType

from schemagen.lint.sql.hit import Hit

INT32 = {"int4", "integer", "int", "serial", "serial4"}
INT16 = {"int2", "smallint", "smallserial", "serial2"}
SERIAL = {"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"}
TIMESTAMP = {"timestamp"}
CHAR = {"bpchar", "char", "character"}
VARCHAR = {"varchar"}

NON_VOLATILE_FUNCTIONS = frozenset(
    {
        "now",
        "transaction_timestamp",
        "statement_timestamp",
        "current_database",
        "lower",
        "upper",
        "coalesce",
        "to_jsonb",
        "jsonb_build_object",
        "jsonb_build_array",
        "json_build_object",
        "array_length",
        "make_interval",
        "to_timestamp",
        "length",
    }
)
"""Functions whose default PostgreSQL 11+ stores once (IMMUTABLE or STABLE); others count as volatile."""


def type_name(column: ast.ColumnDef) -> str:
    """The column's type as pglast names it (``int4``, ``varchar``, ``serial``, a user type)."""
    names = (
        [n.sval for n in column.typeName.names or () if isinstance(n, ast.String)] if column.typeName else []
    )
    return names[-1].lower() if names else ""


def constraints(column: ast.ColumnDef, kind: ConstrType) -> list[ast.Constraint]:
    return [c for c in column.constraints or () if isinstance(c, ast.Constraint) and c.contype == kind]


def is_volatile(node: object) -> bool:
    """Whether a default expression would be evaluated per row (not a constant or a stable call)."""
    if node is None or isinstance(node, ast.A_Const | ast.SQLValueFunction | ast.ParamRef):
        return False
    if isinstance(node, ast.TypeCast):
        return is_volatile(node.arg)
    if isinstance(node, ast.FuncCall):
        name = node.funcname[-1].sval.lower() if node.funcname else ""
        return name not in NON_VOLATILE_FUNCTIONS or any(is_volatile(a) for a in node.args or ())
    if isinstance(node, ast.A_Expr):
        return is_volatile(node.lexpr) or is_volatile(node.rexpr)
    if isinstance(node, ast.A_ArrayExpr):
        return any(is_volatile(e) for e in node.elements or ())
    if isinstance(node, ast.CoalesceExpr | ast.MinMaxExpr):
        return any(is_volatile(a) for a in node.args or ())
    if isinstance(node, ast.BoolExpr):
        return any(is_volatile(a) for a in node.args or ())
    return True


def type_hits(column: ast.ColumnDef, colname: str | None = None) -> Iterator[Hit]:
    """S706, S715-S717, S719, S720: type choices that cost later (``colname``: for ALTER … TYPE)."""
    name = type_name(column)
    where = f"column {colname or column.colname}"
    if name in CHAR:
        yield Hit(
            "S706", f"{where} is char(n): it pads with blanks", "use text (with a CHECK on length if needed)"
        )
    if name in INT32:
        yield Hit("S715", f"{where} is a 32-bit integer: it can run out at 2^31", "use bigint")
    if name in INT16:
        yield Hit("S716", f"{where} is a 16-bit integer: it can run out at 32767", "use bigint")
    if name in SERIAL:
        yield Hit("S717", f"{where} is {name}: use an identity column", "bigint GENERATED ALWAYS AS IDENTITY")
    if name in VARCHAR and column.typeName.typmods:
        yield Hit(
            "S719",
            f"{where} is varchar(n): changing n later locks the table",
            "use text with a CHECK (length(...) <= n)",
        )
    if name in TIMESTAMP:
        yield Hit("S720", f"{where} is timestamp without time zone", "use timestamptz")
