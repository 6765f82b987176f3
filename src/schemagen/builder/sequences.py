"""Sequence options as the model keeps them: None where CREATE SEQUENCE's default applies."""

from __future__ import annotations

from dataclasses import dataclass

_TYPE_RANGE: dict[str, tuple[int, int]] = {
    "smallint": (-32768, 32767),
    "integer": (-2147483648, 2147483647),
    "bigint": (-9223372036854775808, 9223372036854775807),
}


@dataclass(frozen=True)
class Options:
    """START/INCREMENT/MINVALUE/MAXVALUE/CACHE, each None when it is the default."""

    start: int | None
    increment: int | None
    min_value: int | None
    max_value: int | None
    cache: int | None


def normalised_options(
    data_type: str,
    start: int | None,
    increment: int | None,
    min_value: int | None,
    max_value: int | None,
    cache: int | None,
) -> Options:
    """Drop every option equal to what PostgreSQL would choose by itself.

    >>> normalised_options("integer", 1, 1, 1, 2147483647, 1)
    Options(start=None, increment=None, min_value=None, max_value=None, cache=None)
    >>> normalised_options("bigint", 100, None, None, None, 10).start
    100
    """
    low, high = _TYPE_RANGE.get(data_type, _TYPE_RANGE["bigint"])
    step = increment if increment is not None else 1
    default_min, default_max = (1, high) if step > 0 else (low, -1)
    final_min = None if min_value in (None, default_min) else min_value
    final_max = None if max_value in (None, default_max) else max_value
    effective_min = min_value if min_value is not None else default_min
    effective_max = max_value if max_value is not None else default_max
    default_start = effective_min if step > 0 else effective_max
    return Options(
        start=None if start in (None, default_start) else start,
        increment=None if step == 1 else step,
        min_value=final_min,
        max_value=final_max,
        cache=None if cache in (None, 1) else cache,
    )
