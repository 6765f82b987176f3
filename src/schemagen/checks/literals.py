"""C318-C319: constants that their column's type rejects, and reference rows that repeat a key."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from schemagen.checks.literal_values import literal_problem, number_problem
from schemagen.checks.sites import Site, parsed_expressions
from schemagen.checks.typenames import TypeRef, parse_type, resolve_base
from schemagen.diagnostics import Diagnostic, error, warning
from schemagen.model import Catalog, Column, ReferenceRows
from schemagen.model.pg.sqlparse import parse_expression
from schemagen.model.pg.types import canonical_type, split_type


def _modifiers(type_text: str) -> tuple[int, ...]:
    """The numeric modifiers of a type: ``character varying(50)`` → ``(50,)``."""
    try:
        return tuple(int(m) for m in split_type(type_text).modifiers)
    except ValueError:
        return ()


def _base(catalog: Catalog, type_text: str) -> tuple[TypeRef, tuple[int, ...]]:
    """The built-in base type of ``type_text`` (through domains) and its numeric modifiers."""
    ref = resolve_base(catalog, type_text)
    text = type_text
    seen = set()
    while True:
        qualified = parse_type(text).qualified
        if qualified is None or qualified not in catalog.domains or qualified in seen:
            break
        seen.add(qualified)
        text = catalog.domains[qualified].base_type
    return ref, _modifiers(text)


def constant_problem(catalog: Catalog, type_text: str, node: ast.Node) -> str | None:
    """PostgreSQL's error when the constant ``node`` is stored in a column of ``type_text``.

    Judged: string literals (``'x'``, ``'x'::type``), numbers and booleans; any
    other expression (a call, an operator) is None.
    """
    if isinstance(node, ast.TypeCast) and isinstance(node.arg, ast.A_Const):
        if node.typeName.arrayBounds or not isinstance(node.arg.val, ast.String):
            return None
        names = [n.sval for n in node.typeName.names if n.sval != "pg_catalog"]
        cast = parse_type(canonical_type(".".join(names)))
        if cast.schema is not None:
            return None
        modifiers = tuple(
            m.val.ival
            for m in node.typeName.typmods or ()
            if isinstance(m, ast.A_Const) and isinstance(m.val, ast.Integer)
        )
        return literal_problem(cast.name, modifiers, node.arg.val.sval)
    if not isinstance(node, ast.A_Const) or node.isnull:
        return None
    ref, modifiers = _base(catalog, type_text)
    if ref.schema is not None or ref.array:
        return None
    value = node.val
    if isinstance(value, ast.String):
        return literal_problem(ref.name, modifiers, value.sval)
    if isinstance(value, ast.Integer):
        return number_problem(ref.name, modifiers, str(value.ival), True)
    if isinstance(value, ast.Float):
        return number_problem(ref.name, modifiers, value.fval, False)
    if isinstance(value, ast.Boolean) and ref.name in (
        "smallint",
        "integer",
        "bigint",
        "numeric",
        "real",
        "double precision",
    ):
        return f"column is of type {ref.name} but the value is a boolean"
    return None


def check_literals(catalog: Catalog) -> list[Diagnostic]:
    """C318: a default or reference-row value is valid input for its column's type.

    Prevents: ``invalid input syntax for type boolean: "maybe"`` (and for integer,
    numeric, date, uuid, json), ``value too long for type character varying(n)``,
    ``date/time field value out of range``, ``numeric field overflow`` at CREATE
    TABLE or at the reference rows' INSERT; and ``smallint out of range`` on every
    INSERT that takes a default PostgreSQL accepted at CREATE.
    """
    found = []
    for expr, parsed in parsed_expressions(catalog):
        if expr.site is Site.DEFAULT and expr.column is not None:
            type_text = expr.column.type
        elif expr.site is Site.DOMAIN_DEFAULT and expr.domain is not None:
            type_text = catalog.domains[expr.domain].base_type
        else:
            continue
        problem = constant_problem(catalog, type_text, parsed.node)
        if problem is not None:
            found.append(
                error(
                    "C318",
                    f"default of {expr.owner} does not fit its type {type_text}: {problem}",
                    expr.span,
                    "write a value of the column's type",
                )
            )
    for rows in catalog.reference_rows.values():
        found.extend(_row_literals(catalog, rows))
    return found


def _row_literals(catalog: Catalog, rows: ReferenceRows) -> Iterator[Diagnostic]:
    table = catalog.tables.get(rows.table)
    if table is None:
        return
    for index, row in enumerate(rows.rows):
        for name, text in row:
            column: Column | None = table.column(name)
            parsed = parse_expression(text)
            if column is None or parsed.node is None:
                continue
            problem = constant_problem(catalog, column.type, parsed.node)
            if problem is not None:
                yield error(
                    "C318",
                    f"row {index + 1} of {rows.table}: {name} = {text} does not fit "
                    f"its type {column.type}: {problem}",
                    rows.row_span(index),
                    "write a value of the column's type",
                )


def _key_value(text: str) -> str:
    """A key value compared as PostgreSQL would see it: ``'1'`` and ``1`` are one value."""
    parsed = parse_expression(text)
    node = parsed.node
    if isinstance(node, ast.A_Const) and not node.isnull:
        value = node.val
        if isinstance(value, ast.String):
            return value.sval
        if isinstance(value, ast.Integer):
            return str(value.ival)
        if isinstance(value, ast.Float):
            return value.fval
    return text


def check_duplicate_row_keys(catalog: Catalog) -> list[Diagnostic]:
    """C319: two reference rows of one table with the same key.

    Prevents: ``ON CONFLICT DO UPDATE command cannot affect row a second time``
    (rows are upserted in one INSERT). With ``on_conflict: nothing`` PostgreSQL
    silently keeps the first: a warning.
    """
    found = []
    for rows in catalog.reference_rows.values():
        seen: dict[tuple[str, ...], int] = {}
        for index, row in enumerate(rows.rows):
            values = dict(row)
            if not all(k in values for k in rows.key):
                continue  # C317 reports a row without its key
            key = tuple(_key_value(values[k]) for k in rows.key)
            first = seen.setdefault(key, index)
            if first == index:
                continue
            shown = ", ".join(f"{k} = {values[k]}" for k in rows.key)
            make = warning if rows.on_conflict == "nothing" else error
            found.append(
                make(
                    "C319",
                    f"row {index + 1} of {rows.table} repeats the key of row {first + 1} ({shown})",
                    rows.row_span(index),
                    "merge the two rows, or change the key of one",
                )
            )
    return found
