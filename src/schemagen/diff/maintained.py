"""Children that partition maintenance owns: neither dropped nor brought back by a plan.

A range rule's children change over time without anyone editing the project:
``partitions.run_maintenance()`` creates the periods around "now" and drops the ones
older than the retention. Against a live database the declared catalog is made to
agree with what maintenance did, so a plan never drops a period it created (with its
rows) nor recreates one it dropped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from schemagen.model import Catalog


def with_maintained_children(declared: Catalog, live: Catalog, today: dt.date) -> Catalog:
    """``declared`` with the live children its range rules own, less those retention dropped.

    A live child of a rule table whose name is a period of the rule (``events_2026_12``)
    is kept as it is; a declared period missing live and past retention on ``today``
    is left out. Every other child is compared as declared.
    """
    tables = dict(declared.tables)
    for parent in declared.tables.values():
        rule = parent.partition_rule
        if rule is None or parent.name not in live.tables:
            continue
        for child in live.partitions_of(parent.name):
            if child.name not in tables and rule.period_of(parent.name.name, child.name.name):
                tables[child.name] = child
        for child in declared.partitions_of(parent.name):
            lower = rule.period_of(parent.name.name, child.name.name)
            if child.name not in live.tables and lower is not None and rule.expired(lower, today):
                del tables[child.name]
    if tables.keys() == declared.tables.keys():
        return declared
    return replace(declared, tables=dict(sorted(tables.items())))
