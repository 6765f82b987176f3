"""Design rules read from the model alone: keys, indexes, column types, comments, names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemagen.diagnostics import Diagnostic
from schemagen.lint.severity import finding
from schemagen.model import Catalog, QualifiedName, Table
from schemagen.model.pg.quoting import unquote_ident
from schemagen.model.pg.types import parse_type_name

_INT32 = {"integer", "smallint"}
_TYPE_RULES = {
    "timestamp without time zone": (
        "D712",
        "timestamp without time zone",
        "it stores wall-clock time without the offset; use timestamptz",
    ),
    "json": ("D713", "json", "use jsonb: indexable, compared by value, no duplicate keys"),
    "character": (
        "D714",
        "char(n)",
        "char(n) pads with blanks and compares surprisingly; use text (with a CHECK on length)",
    ),
    "money": (
        "D717",
        "money",
        "money follows lc_monetary and rounds; use numeric(p, s) and a currency column",
    ),
}
"""Built-in type (as the facts layer names it, modifiers and ``[]`` aside) → (code, what, hint)."""


def base_type(catalog: Catalog, type_text: str, depth: int = 0) -> str:
    """A column type's name, domains resolved to their base type (``integer``, ``app.t``, …).

    Modifiers and array brackets are dropped; built-in names are the facts layer's
    canonical ones (``int4`` → ``integer``, ``varchar`` → ``character varying``).
    """
    parsed = parse_type_name(type_text)
    if parsed.schema is not None:
        domain = catalog.domains.get(QualifiedName(parsed.schema, parsed.name))
        if domain is not None and depth < 10:
            return base_type(catalog, domain.base_type, depth + 1)
        return f"{parsed.schema}.{parsed.name}"
    return parsed.name


def column_types(catalog: Catalog) -> Iterator[Diagnostic]:
    """D712-D715, D717: column types that cost later."""
    for table in catalog.tables.values():
        if table.partition_of is not None:
            continue  # a partition repeats its parent's columns: reported once, on the parent
        for column in table.columns:
            rule = _TYPE_RULES.get(base_type(catalog, column.type))
            if rule is not None:
                code, what, hint = rule
                yield finding(code, f"column {table.name}.{column.name} is {what}", column.span, hint)
            if _is_serial(catalog, table, column.name):
                yield finding(
                    "D715",
                    f"column {table.name}.{column.name} is serial (a sequence default)",
                    column.span,
                    "use an identity column: {type: bigint, identity: always}",
                )


def _is_serial(catalog: Catalog, table: Table, column: str) -> bool:
    return any(seq.owned_by == (table.name, column) for seq in catalog.sequences.values()) and any(
        c.name == column and (c.default or "").startswith("nextval(") for c in table.columns
    )


def primary_keys(catalog: Catalog) -> Iterator[Diagnostic]:
    """D711 table without a primary key; D716 a generated 32-bit (or 16-bit) primary key."""
    for table in catalog.tables.values():
        if table.partition_of is not None:
            continue
        if table.primary_key is None:
            yield finding(
                "D711",
                f"table {table.name} has no primary key",
                table.span,
                "declare primary_key: rows need an identity for updates, replication and tools",
            )
            continue
        if len(table.primary_key.columns) != 1:
            continue
        column = table.column(table.primary_key.columns[0])
        if column is None:
            continue
        generated = column.identity is not None or _is_serial(catalog, table, column.name)
        if generated and base_type(catalog, column.type) in _INT32:
            yield finding(
                "D716",
                f"primary key {table.name}.{column.name} is a generated {column.type}: "
                "it runs out at 2^31 (smallint: 32767) rows",
                column.span or table.span,
                "use bigint",
            )


def foreign_key_indexes(catalog: Catalog) -> Iterator[Diagnostic]:
    """D710: a foreign key whose columns do not lead any index of its table."""
    leading: dict[QualifiedName, list[tuple[str, ...]]] = {}
    for index in catalog.indexes.values():
        columns = []
        for element in index.elements:
            if element.column is None:
                break
            columns.append(element.column)
        leading.setdefault(index.table, []).append(tuple(columns))
    for table in catalog.tables.values():
        keys = list(leading.get(table.name, []))
        if table.partition_of is not None:
            keys += leading.get(table.partition_of.parent, [])
        if table.primary_key:
            keys.append(table.primary_key.columns)
        keys += [u.columns for u in table.uniques]
        keys += _exclude_keys(table)
        for fk in table.foreign_keys:
            wanted = set(fk.columns)
            if not any(set(k[: len(wanted)]) == wanted for k in keys):
                yield finding(
                    "D710",
                    f"foreign key {fk.name} on {table.name} ({', '.join(fk.columns)}) has no index "
                    "that starts with its columns: deletes in the referenced table scan this one",
                    fk.span or table.span,
                    f"add an index on ({', '.join(fk.columns)})",
                )


def _exclude_keys(table: Table) -> list[tuple[str, ...]]:
    """The leading plain-column keys of each EXCLUDE constraint without WHERE: its index serves
    the foreign key's lookups (``customer_id WITH =`` under btree_gist, say)."""
    names = {c.name for c in table.columns}
    keys = []
    for exclude in table.excludes:
        if exclude.where is not None:
            continue
        columns: list[str] = []
        for element in exclude.elements:
            text = element.expression.strip()
            name = unquote_ident(text) if text.startswith('"') else text.lower()
            if name not in names:
                break
            columns.append(name)
        keys.append(tuple(columns))
    return keys


def comments(catalog: Catalog) -> Iterator[Diagnostic]:
    """D722 (off by default): tables, columns and views without a comment."""
    for table in catalog.tables.values():
        if table.partition_of is not None:
            continue
        if not table.comment:
            yield finding("D722", f"table {table.name} has no comment", table.span, "add comment:")
        for column in table.columns:
            if not column.comment:
                yield finding(
                    "D722", f"column {table.name}.{column.name} has no comment", column.span, "add comment:"
                )
    for view in catalog.views.values():
        if not view.comment:
            yield finding("D722", f"view {view.name} has no comment", view.span, "add comment:")


def naming(catalog: Catalog, patterns: tuple[tuple[str, str], ...]) -> Iterator[Diagnostic]:
    """D723 (off by default): names that do not fully match the project's ``lint: {naming}`` patterns."""
    compiled = {kind: re.compile(pattern) for kind, pattern in patterns}
    for kind, name, span in _named(catalog):
        pattern = compiled.get(kind)
        if pattern is not None and not pattern.fullmatch(name):
            yield finding(
                "D723",
                f"{kind} name {name!r} does not match the project's pattern {pattern.pattern!r}",
                span,
                "rename it, or change lint: {naming} in schemagen.yaml",
            )


def _named(catalog: Catalog) -> Iterator[tuple[str, str, object]]:
    for schema in catalog.schemas.values():
        yield "schema", schema.name, schema.span
    for table in catalog.tables.values():
        if table.partition_of is not None:
            continue
        yield "table", table.name.name, table.span
        for column in table.columns:
            yield "column", column.name, column.span
        constraints = [table.primary_key, *table.uniques, *table.foreign_keys, *table.checks, *table.excludes]
        for constraint in constraints:
            if constraint is not None:
                yield "constraint", constraint.name, constraint.span or table.span
    for index in catalog.indexes.values():
        yield "index", index.name.name, index.span
    for view in catalog.views.values():
        yield "view", view.name.name, view.span
    for function in catalog.functions.values():
        yield "function", function.name.name, function.span
    for kind, objects in (("type", catalog.enums), ("type", catalog.composite_types)):
        for obj in objects.values():
            yield kind, obj.name.name, obj.span
    for sequence in catalog.sequences.values():
        if sequence.owned_by is None:
            yield "sequence", sequence.name.name, sequence.span
