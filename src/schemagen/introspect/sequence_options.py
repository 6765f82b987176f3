"""Sequence options as the model keeps them: only what differs from the defaults."""

from __future__ import annotations

from dataclasses import dataclass

_TYPE_RANGE: dict[str, tuple[int, int]] = {
    "smallint": (-32768, 32767),
    "integer": (-2147483648, 2147483647),
    "bigint": (-9223372036854775808, 9223372036854775807),
}


@dataclass(frozen=True)
class SequenceOptions:
    """START/INCREMENT/MINVALUE/MAXVALUE/CACHE/CYCLE with defaults as None."""

    start: int | None
    increment: int | None
    min_value: int | None
    max_value: int | None
    cache: int | None
    cycle: bool


def non_default_options(
    data_type: str, start: int, increment: int, min_value: int, max_value: int, cache: int, cycle: bool
) -> SequenceOptions:
    """Drop every option equal to what ``CREATE SEQUENCE`` would choose by itself.

    >>> non_default_options("integer", 1, 1, 1, 2147483647, 1, False)
    SequenceOptions(start=None, increment=None, min_value=None, max_value=None, cache=None, cycle=False)
    >>> non_default_options("bigint", 100, 1, 1, 9223372036854775807, 10, False).start
    100
    """
    low, high = _TYPE_RANGE.get(data_type, _TYPE_RANGE["bigint"])
    default_min, default_max = (1, high) if increment > 0 else (low, -1)
    final_min = None if min_value == default_min else min_value
    final_max = None if max_value == default_max else max_value
    default_start = min_value if increment > 0 else max_value
    return SequenceOptions(
        start=None if start == default_start else start,
        increment=None if increment == 1 else increment,
        min_value=final_min,
        max_value=final_max,
        cache=None if cache == 1 else cache,
        cycle=cycle,
    )
