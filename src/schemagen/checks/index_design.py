"""C390-C392: redundant indexes and btree indexes whose rows can outgrow a page (warnings)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, Span, warning
from schemagen.model import Catalog, Index, QualifiedName, Table

_WIDE = frozenset({"jsonb", "json", "xml", "bytea", "text", "tsvector"})
_WIDE_KEYS = frozenset({"jsonb", "json", "xml", "bytea", "tsvector"})


@dataclass(frozen=True)
class _Keyed:
    """An index (declared, or behind a PRIMARY KEY / UNIQUE) reduced to what makes it useful."""

    what: str
    keys: tuple[tuple, ...]
    where: str | None
    unique: bool
    include: tuple[str, ...]
    span: Span | None
    declared: bool


def _declared(index: Index) -> _Keyed:
    keys = tuple(
        (e.column, e.expression, e.opclass, e.collation, e.descending, e.nulls_first) for e in index.elements
    )
    return _Keyed(f"index {index.name}", keys, index.where, index.unique, index.include, index.span, True)


def _constraint_indexes(table: Table) -> list[_Keyed]:
    keys = [("PRIMARY KEY", table.primary_key)] if table.primary_key else []
    keys += [("UNIQUE", u) for u in table.uniques]
    return [
        _Keyed(
            f"{kind} {key.name}",
            tuple((c, None, None, None, False, None) for c in key.columns),
            None,
            True,
            key.include,
            key.span or table.span,
            False,
        )
        for kind, key in keys
        if key is not None
    ]


def _btree_indexes(catalog: Catalog) -> dict[QualifiedName, list[_Keyed]]:
    per_table: dict[QualifiedName, list[_Keyed]] = defaultdict(list)
    for table in catalog.tables.values():
        per_table[table.name].extend(_constraint_indexes(table))
    for index in catalog.indexes.values():
        if index.using == "btree":
            per_table[index.table].append(_declared(index))
    return per_table


def check_redundant_indexes(catalog: Catalog) -> list[Diagnostic]:
    """C390-C391: a btree index another one already serves (warnings).

    C390: the same keys and predicate as another btree index or a PRIMARY KEY /
    UNIQUE constraint (the one reported is the non-unique one with fewer INCLUDE
    columns). C391: keys that are a leading prefix of another btree index with the
    same predicate. PostgreSQL accepts both; every write maintains each index.
    Prevents: nothing PostgreSQL raises — wasted writes, memory and vacuum time.
    """
    found = []
    for indexes in _btree_indexes(catalog).values():
        for candidate in indexes:
            if candidate.declared and not candidate.unique:
                diagnostic = _redundancy(candidate, indexes)
                if diagnostic is not None:
                    found.append(diagnostic)
    return found


def _redundancy(candidate: _Keyed, indexes: list[_Keyed]) -> Diagnostic | None:
    for other in indexes:
        if other is candidate or other.where != candidate.where:
            continue
        if other.keys == candidate.keys and _serves(other, candidate):
            return warning(
                "C390",
                f"{candidate.what} has the same keys as {other.what}",
                candidate.span,
                "drop it (or move its INCLUDE columns to the other index)",
            )
        if len(other.keys) > len(candidate.keys) and other.keys[: len(candidate.keys)] == candidate.keys:
            return warning(
                "C391",
                f"{candidate.what} is a leading prefix of {other.what}, which serves its lookups",
                candidate.span,
                "drop it unless measurements show the smaller index pays for its writes",
            )
    return None


def _serves(other: _Keyed, candidate: _Keyed) -> bool:
    """Whether ``other`` makes ``candidate`` (same keys) redundant; ties: the later name goes."""
    if other.unique:
        return True
    if set(candidate.include) < set(other.include):
        return True
    return set(candidate.include) == set(other.include) and other.what < candidate.what


def check_wide_btree_columns(catalog: Catalog) -> list[Diagnostic]:
    """C392: btree INCLUDE (or key) columns of unbounded types (warning).

    Prevents: ``index row size … exceeds btree version 4 maximum 2704 for index``
    at the first INSERT of a large value (a covering index that INCLUDEs a jsonb
    document, for example).
    """
    found = []
    for index in catalog.indexes.values():
        table = catalog.tables.get(index.table)
        if index.using != "btree" or table is None:
            continue
        keys = [(e.column, _WIDE_KEYS) for e in index.elements if e.column]
        for name, wide in [*keys, *((c, _WIDE) for c in index.include)]:
            column = table.column(name)
            if column is None:
                continue
            ref = resolve_base(catalog, column.type)
            unbounded_varchar = ref.name == "character varying" and "(" not in column.type
            if ref.schema is None and (ref.array or ref.name in wide or unbounded_varchar):
                found.append(
                    warning(
                        "C392",
                        f"btree index {index.name} stores {column.name} ({column.type}): a value over "
                        "~2.7 kB makes the INSERT fail (index row size exceeds btree maximum)",
                        index.span,
                        "leave the column out of the index, or index a bounded expression of it",
                    )
                )
    return found
