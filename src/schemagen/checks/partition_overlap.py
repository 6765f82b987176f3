"""C337: declared partitions of one parent that overlap, or a range that is empty."""

from __future__ import annotations

import math
import re
from itertools import combinations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog, Table

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_TIMESTAMP = re.compile(r"^'(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?))?(\+00)?'$")
_Value = tuple[int, object]


def _value(text: str) -> _Value | None:
    """A bound value in an order that PostgreSQL agrees with, or None when it cannot be told.

    Numbers and ISO dates/timestamps compare; MINVALUE and MAXVALUE are the ends.
    Text is not compared (its order depends on the collation).
    """
    upper = text.upper()
    if upper == "MINVALUE":
        return (0, -math.inf)
    if upper == "MAXVALUE":
        return (2, math.inf)
    if _NUMBER.match(text):
        return (1, float(text))
    match = _TIMESTAMP.match(text)
    if match is not None:
        return (1, f"{match.group(1)} {match.group(2) or '00:00:00'}")
    return None


def _bounds(child: Table) -> tuple[tuple[_Value, ...], tuple[_Value, ...]] | None:
    bound = child.partition_of
    if bound is None or bound.default or not bound.from_values:
        return None
    lower = tuple(_value(v) for v in bound.from_values)
    upper = tuple(_value(v) for v in bound.to_values)
    if None in lower or None in upper:
        return None
    kinds = {v[1].__class__ for v in (*lower, *upper) if v[0] == 1}  # type: ignore[union-attr]
    if len(kinds) > 1:
        return None
    return lower, upper  # type: ignore[return-value]


def check_partition_overlap(catalog: Catalog) -> list[Diagnostic]:
    """C337: two partitions of one parent accept the same row, or a range partition accepts none.

    Prevents: ``partition "b" would overlap partition "a"`` and ``empty range
    bound specified for partition "a"`` at CREATE TABLE … PARTITION OF.
    """
    found = []
    for parent in catalog.tables.values():
        if parent.partition_by is None:
            continue
        children = sorted(catalog.partitions_of(parent.name), key=lambda c: str(c.name))
        ranges = {}
        for child in children:
            bounds = _bounds(child)
            if bounds is None:
                continue
            lower, upper = bounds
            if not lower < upper:
                found.append(_empty(child))
                continue
            ranges[child.name] = (child, lower, upper)
        for (a, a_low, a_high), (b, b_low, b_high) in combinations(ranges.values(), 2):
            if a_low < b_high and b_low < a_high:
                found.append(_overlap(b, a))
        found.extend(_list_and_hash_overlaps(children))
    return found


def _list_and_hash_overlaps(children: list[Table]) -> list[Diagnostic]:
    found = []
    owners: dict[object, Table] = {}
    for child in children:
        bound = child.partition_of
        if bound is None or bound.default:
            continue
        if bound.modulus is not None:
            keys: tuple[object, ...] = (("hash", bound.modulus, bound.remainder),)
        else:
            keys = tuple(("in", v) for v in bound.values_in)
        for key in keys:
            first = owners.setdefault(key, child)
            if first is not child:
                found.append(_overlap(child, first))
                break
    return found


def _overlap(child: Table, first: Table) -> Diagnostic:
    return error(
        "C337",
        f'partition {child.name} would overlap partition {first.name} (partition "{child.name.name}" '
        f'would overlap partition "{first.name.name}")',
        child.span,
        "make the bounds of the partitions of one table disjoint (a range's upper bound is exclusive)",
    )


def _empty(child: Table) -> Diagnostic:
    bound = child.partition_of
    assert bound is not None
    return error(
        "C337",
        f"partition {child.name} has an empty range: from ({', '.join(bound.from_values)}) is not below "
        f"to ({', '.join(bound.to_values)}) (empty range bound specified for partition)",
        child.span,
        "the lower bound comes first and is inclusive; the upper bound is exclusive",
    )
