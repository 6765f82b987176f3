"""Range rules (``partition_by: {interval, start, ahead, retention}``): the periods a rule owns.

A rule's children are named ``<table>_<period>`` (``events_2026_01``) and cover one
period each, aligned on ``start``. The build creates the first ``ahead + 1``;
``partitions.run_maintenance()`` later creates the periods around "now" and drops
those older than ``retention``. This module is the period arithmetic both share.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

UNITS = ("day", "week", "month", "year")
"""The units a rule's interval and retention are written in."""

_SUFFIX_FORMATS = {"day": "_%Y_%m_%d", "week": "_%Y_%m_%d", "month": "_%Y_%m", "year": "_%Y"}


def advance(day: dt.date, count: int, unit: str) -> dt.date:
    """``day`` plus ``count`` units (a month past the 31st ends on the month's last day).

    >>> advance(dt.date(2026, 1, 31), 1, "month"), advance(dt.date(2026, 1, 1), 2, "week")
    (datetime.date(2026, 2, 28), datetime.date(2026, 1, 15))
    """
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_suffix(day: dt.date, unit: str) -> str:
    """The name suffix of the period starting on ``day``: ``_2026_01`` for a month.

    >>> period_suffix(dt.date(2026, 1, 5), "day"), period_suffix(dt.date(2026, 1, 1), "year")
    ('_2026_01_05', '_2026')
    """
    return day.strftime(_SUFFIX_FORMATS[unit])


@dataclass(frozen=True)
class PartitionRule:
    """A range rule: periods of ``count`` ``unit`` from ``start``; ``retention`` as (count, unit)."""

    count: int
    unit: str
    start: dt.date
    ahead: int = 0
    retention: tuple[int, str] | None = None

    def period_of(self, table: str, child: str) -> dt.date | None:
        """The first day of the period child ``child`` of ``table`` covers, if the rule owns it.

        >>> rule = PartitionRule(1, "month", dt.date(2026, 1, 1))
        >>> rule.period_of("events", "events_2026_12"), rule.period_of("events", "events_old")
        (datetime.date(2026, 12, 1), None)
        """
        if not child.startswith(table + "_"):
            return None
        try:
            day = dt.datetime.strptime(child[len(table) :], _SUFFIX_FORMATS[self.unit]).date()
        except ValueError:
            return None
        lower = self.start
        while lower < day:
            lower = advance(lower, self.count, self.unit)
        return day if lower == day and period_suffix(day, self.unit) == child[len(table) :] else None

    def expired(self, lower: dt.date, today: dt.date) -> bool:
        """Whether maintenance on ``today`` drops the period starting on ``lower`` (past retention).

        >>> rule = PartitionRule(1, "month", dt.date(2026, 1, 1), retention=(2, "month"))
        >>> april = dt.date(2026, 4, 1)
        >>> rule.expired(dt.date(2026, 1, 1), april), rule.expired(dt.date(2026, 2, 1), april)
        (True, False)
        """
        if self.retention is None:
            return False
        upper = advance(lower, self.count, self.unit)
        return advance(upper, *self.retention) <= today
