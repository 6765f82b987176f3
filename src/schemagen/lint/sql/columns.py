"""Column-level facts read from pglast nodes: type names, defaults, constraints."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ConstrType

from schemagen.lint.sql.hit import Hit
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.types import parse_type_name, serial_base

_INT32 = "integer"
_INT16 = "smallint"
_CHAR = "character"
_VARCHAR = "character varying"
_TIMESTAMP = "timestamp without time zone"


def type_name(column: ast.ColumnDef) -> str:
    """The column's type as pglast names it (``int4``, ``varchar``, ``serial``, a user type)."""
    names = (
        [n.sval for n in column.typeName.names or () if isinstance(n, ast.String)] if column.typeName else []
    )
    return names[-1].lower() if names else ""


def is_serial(column: ast.ColumnDef) -> bool:
    """Whether the column is written as serial, bigserial, smallserial (or serial4/8/2)."""
    return serial_base(type_name(column)) is not None


def _kind(column: ast.ColumnDef) -> str:
    """The type in the facts layer's spelling (``int4`` → ``integer``; a serial → its integer type)."""
    name = type_name(column)
    if not name:
        return ""
    return serial_base(name) or parse_type_name(name).name


def constraints(column: ast.ColumnDef, kind: ConstrType) -> list[ast.Constraint]:
    return [c for c in column.constraints or () if isinstance(c, ast.Constraint) and c.contype == kind]


def is_volatile(node: object) -> bool:
    """Whether a default expression would be evaluated per row (not a constant or a stable call).

    PostgreSQL 11+ stores a non-volatile default once; the volatility of built-in
    functions comes from the facts layer (``pg_proc.provolatile`` of PostgreSQL 18).
    """
    if node is None or isinstance(node, ast.A_Const | ast.SQLValueFunction | ast.ParamRef):
        return False
    if isinstance(node, ast.TypeCast):
        return is_volatile(node.arg)
    if isinstance(node, ast.FuncCall):
        name = node.funcname[-1].sval.lower() if node.funcname else ""
        schema = node.funcname[0].sval if len(node.funcname or ()) > 1 else "pg_catalog"
        letters = builtin_volatility(name) if schema == "pg_catalog" else None
        # unknown functions (user-defined, extensions) count as volatile, as PostgreSQL must assume
        return letters is None or "v" in letters or any(is_volatile(a) for a in node.args or ())
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
    kind = _kind(column)
    where = f"column {colname or column.colname}"
    if kind == _CHAR:
        yield Hit(
            "S706", f"{where} is char(n): it pads with blanks", "use text (with a CHECK on length if needed)"
        )
    if kind == _INT32:
        yield Hit("S715", f"{where} is a 32-bit integer: it can run out at 2^31", "use bigint")
    if kind == _INT16:
        yield Hit("S716", f"{where} is a 16-bit integer: it can run out at 32767", "use bigint")
    if is_serial(column):
        yield Hit(
            "S717",
            f"{where} is {type_name(column)}: use an identity column",
            "bigint GENERATED ALWAYS AS IDENTITY",
        )
    if kind == _VARCHAR and column.typeName.typmods:
        yield Hit(
            "S719",
            f"{where} is varchar(n): changing n later locks the table",
            "use text with a CHECK (length(...) <= n)",
        )
    if kind == _TIMESTAMP:
        yield Hit("S720", f"{where} is timestamp without time zone", "use timestamptz")
