"""Reader for indexes (those not backing a constraint)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any

from schemagen.model import Index, IndexElement, QualifiedName
from schemagen.model.pg.array_casts import settle_array_casts
from schemagen.model.pg.scan import strip_outer_parens

Row = Mapping[str, Any]

INDOPTION_DESC = 1
INDOPTION_NULLS_FIRST = 2


def read_indexes(rows: Iterable[Row]) -> list[Index]:
    """Indexes with structured keys, INCLUDE, WHERE and storage parameters."""
    elements_of = _elements_reader()
    return [
        Index(
            name=QualifiedName(r["schema"], r["name"]),
            table=QualifiedName(r["schema"], r["table_name"]),
            elements=elements_of(r["elements"], r["can_order"]),
            using=r["using"],
            unique=r["unique"],
            nulls_not_distinct=r["nulls_not_distinct"],
            include=tuple(r["include"] or ()),
            where=settle_array_casts(r["where"]) if r["where"] else None,
            storage_parameters=parse_options(r["options"]),
            comment=r["comment"],
            valid=r.get("valid", True),
        )
        for r in rows
    ]


ELEMENT_FIELDS = ("column", "option", "opclass", "collation", "expression", "statistics", "opclass_options")
"""Every field ``read_index_element`` reads: elements equal in these give equal keys (a unit test pins it)."""
_element_key = itemgetter(*ELEMENT_FIELDS)


def _elements_reader() -> Callable[[list[Mapping[str, Any]], bool], tuple[IndexElement, ...]]:
    """The keys of an index, built once for element lists equal in every field
    ``read_index_element`` reads (many indexes share keys such as ``created_at`` ascending)."""
    cache: dict[tuple, tuple[IndexElement, ...]] = {}

    def read(elements: list[Mapping[str, Any]], can_order: bool) -> tuple[IndexElement, ...]:
        try:
            key = (*map(_element_key, elements), can_order)
            found = cache.get(key)
        except (KeyError, TypeError):  # a field absent from an older recording; opclass options as a list
            return tuple([read_index_element(e, can_order) for e in elements])
        if found is None:
            found = cache[key] = tuple([read_index_element(e, can_order) for e in elements])
        return found

    return read


def _expression(text: str | None) -> str | None:
    return settle_array_casts(strip_outer_parens(text)) if text else None


def read_index_element(element: Mapping[str, Any], can_order: bool) -> IndexElement:
    """One key: column or expression, opclass (non-default only), collation, order.

    ``nulls_first`` is None when it is the default for the direction (NULLS
    LAST for ASC, NULLS FIRST for DESC).

    >>> element = read_index_element({"column": "a", "expression": None, "opclass": None,
    ...                               "opclass_options": None, "collation": None, "option": 3}, True)
    >>> element.descending, element.nulls_first
    (True, None)
    """
    option = element["option"] or 0
    descending = bool(can_order and option & INDOPTION_DESC)
    nulls_first = bool(option & INDOPTION_NULLS_FIRST)
    return IndexElement(
        column=element["column"],
        expression=_expression(element["expression"]),
        opclass=element["opclass"],
        opclass_params=parse_options(element["opclass_options"]),
        collation=element["collation"],
        descending=descending,
        nulls_first=None if not can_order or nulls_first == descending else nulls_first,
        statistics=element.get("statistics"),  # absent from rows recorded before it was read
    )


def parse_options(options: list[str] | None) -> tuple[tuple[str, str], ...]:
    """``['lists=100', 'fillfactor=90']`` → ``(('fillfactor', '90'), ('lists', '100'))``.

    >>> parse_options(["lists=100"])
    (('lists', '100'),)
    """
    if not options:
        return ()
    pairs = []
    for option in options:
        key, _, value = option.partition("=")
        pairs.append((key, value))
    return tuple(sorted(pairs))
