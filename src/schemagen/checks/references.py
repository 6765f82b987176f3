"""C30x/C31x: types, columns, tables and sequences that objects name must exist."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from schemagen.checks.typenames import TypeRef, is_builtin, parse_type
from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog, QualifiedName, Table
from schemagen.model.pg.builtins import extension_types
from schemagen.model.pg.types import type_spellings


def _type_uses(catalog: Catalog) -> Iterator[tuple[str, str, Span | None]]:
    """(type text, what uses it, span) for every column, domain and attribute type."""
    for table in catalog.tables.values():
        for column in table.columns:
            yield column.type, f"column {table.name}.{column.name}", column.span or table.span
    for name, domain in catalog.domains.items():
        yield domain.base_type, f"domain {name}", domain.span
    for name, composite in catalog.composite_types.items():
        for attribute in composite.attributes:
            yield attribute.type, f"attribute {attribute.name} of type {name}", composite.span
    for name, range_type in catalog.range_types.items():
        yield range_type.subtype, f"subtype of range type {name}", range_type.span


def check_type_references(catalog: Catalog) -> list[Diagnostic]:
    """C301-C302: every type is built in, declared, or created by a declared extension.

    Prevents: ``type "x" does not exist`` when the DDL is applied (including an
    extension type such as ``vector`` used without ``CREATE EXTENSION vector``).
    """
    declared: set[QualifiedName] = {
        *catalog.enums,
        *catalog.domains,
        *catalog.composite_types,
        *catalog.range_types,
        *(r.multirange_name for r in catalog.range_types.values()),
        *catalog.tables,
        *catalog.views,
    }
    found = []
    for text, user, span in _type_uses(catalog):
        ref = parse_type(text)
        if is_builtin(ref) or ref.qualified in declared:
            continue
        extension = extension_types().get(ref.name)
        if extension is not None and ref.schema is not None:
            declared_ext = catalog.extensions.get(extension)
            if declared_ext is None:
                found.append(
                    error(
                        "C302",
                        f"{user} has type {text}, which extension {extension!r} creates, "
                        "but the extension is not declared",
                        span,
                        f"add {extension} under extensions:",
                    )
                )
                continue
            if (declared_ext.schema or "public") == ref.schema:
                continue
        hint = _unknown_type_hint(ref, declared)
        found.append(error("C301", f"{user} has unknown type {text!r}", span, hint))
    return found


def _unknown_type_hint(ref: TypeRef, declared: set[QualifiedName]) -> str:
    """The hint of C301: the closest built-in or declared type name, when one is close.

    >>> _unknown_type_hint(TypeRef("app", "txt", False), set())
    'did you mean text? Otherwise declare it as an enum, domain or composite type'
    """
    names = {str(name) for name in declared} | {name.name for name in declared if name.schema == ref.schema}
    close = get_close_matches(ref.name, sorted(type_spellings() | names), n=1, cutoff=0.75)
    if close:
        return f"did you mean {close[0]}? Otherwise declare it as an enum, domain or composite type"
    return "declare it as an enum, domain or composite type, or check the spelling"


def _missing(table: Table, names: tuple[str, ...]) -> list[str]:
    return [n for n in names if table.column(n) is None]


def _column_error(table: Table, what: str, missing: list[str], span: Span | None) -> Diagnostic:
    known = ", ".join(c.name for c in table.columns)
    return error(
        "C309",
        f"{what} names unknown column(s) {', '.join(missing)} of {table.name}",
        span,
        f"columns of {table.name}: {known}",
    )


def check_constraint_columns(catalog: Catalog) -> list[Diagnostic]:
    """C309: columns named by PRIMARY KEY, UNIQUE, EXCLUDE INCLUDE and indexes exist.

    Prevents: ``column "x" named in key does not exist``.
    """
    found = []
    for table in catalog.tables.values():
        keys = [*([table.primary_key] if table.primary_key else []), *table.uniques]
        for key in keys:
            kind = "PRIMARY KEY" if key is table.primary_key else "UNIQUE"
            missing = _missing(table, key.columns + key.include)
            if missing:
                found.append(_column_error(table, f"{kind} {key.name}", missing, key.span or table.span))
        for exclude in table.excludes:
            missing = _missing(table, exclude.include)
            if missing:
                found.append(
                    _column_error(table, f"EXCLUDE {exclude.name}", missing, exclude.span or table.span)
                )
    for index in catalog.indexes.values():
        table = catalog.tables.get(index.table)
        if table is None:
            continue
        named = tuple(e.column for e in index.elements if e.column is not None) + index.include
        missing = _missing(table, named)
        if missing:
            found.append(_column_error(table, f"index {index.name}", missing, index.span))
    return found


def check_index_tables(catalog: Catalog) -> list[Diagnostic]:
    """C310: an index is on a declared table or materialized view, in the same schema.

    Prevents: ``relation "x" does not exist`` and ``cannot create index on
    relation "v"`` (a plain view).
    """
    found = []
    for index in catalog.indexes.values():
        view = catalog.views.get(index.table)
        if index.table in catalog.tables or (view is not None and view.materialized):
            if index.name.schema != index.table.schema:
                found.append(
                    error(
                        "C310",
                        f"index {index.name} is declared in another schema than its table {index.table}",
                        index.span,
                        "an index always lives in its table's schema",
                    )
                )
            continue
        what = "a plain view (only materialized views take indexes)" if view else "not declared"
        found.append(
            error(
                "C310",
                f"index {index.name} is on {index.table}, which is {what}",
                index.span,
                "declare the index under its table's indexes:",
            )
        )
    return found


def check_sequence_owners(catalog: Catalog) -> list[Diagnostic]:
    """C311: ``owned_by`` names an existing column of a table in the sequence's schema.

    Prevents: ``relation "x" does not exist``, ``column "c" of relation "x" does not
    exist`` and ``sequence must be in same schema as table it is linked to``.
    """
    found = []
    for name, sequence in catalog.sequences.items():
        if sequence.owned_by is None:
            continue
        table_name, column = sequence.owned_by
        table = catalog.tables.get(table_name)
        problem = None
        if table is None:
            problem = f"table {table_name} is not declared"
        elif table.column(column) is None:
            problem = f"{table_name} has no column {column!r}"
        elif table_name.schema != name.schema:
            problem = f"{table_name} is in another schema (PostgreSQL requires the same schema)"
        if problem:
            found.append(
                error(
                    "C311",
                    f"sequence {name} is owned by {table_name}.{column}, but {problem}",
                    sequence.span,
                    "owned_by: table.column of a table in the sequence's schema",
                )
            )
    return found
