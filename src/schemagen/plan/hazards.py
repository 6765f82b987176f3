"""Hazards: each change's risks, from its class's planner facts (and, where they matter, its values)."""

from __future__ import annotations

from schemagen.model.changes import Change, CreateIndex
from schemagen.model.names import QualifiedName
from schemagen.model.planned import Hazard
from schemagen.plan.facts import facts_of

H = Hazard

ON_EXISTING_ROWS: frozenset[Hazard] = frozenset(
    {
        H.ACCESS_EXCLUSIVE_LOCK,
        H.TABLE_REWRITE,
        H.VALIDATES_ROWS,
        H.INDEX_BUILD_BLOCKS_WRITES,
        H.INDEX_BUILD,
        H.VALIDATES_ROWS_ONLINE,
        H.BLOCKS_WRITES,
    }
)
"""Hazards that only matter for a table that already holds rows (not one this plan creates)."""


def subject_table(change: Change) -> QualifiedName | None:
    """The table a table-level change works on, or None."""
    if isinstance(change, CreateIndex):
        return change.index.table
    table = getattr(change, "table", None)
    return table if isinstance(table, QualifiedName) else None


def hazards_of(change: Change, new_tables: frozenset[QualifiedName] = frozenset()) -> tuple[Hazard, ...]:
    """The hazards of one change, sorted by name.

    ``new_tables`` are tables the same plan creates: changes on them lose the
    hazards of ``ON_EXISTING_ROWS`` (an empty table is not locked for long).
    """
    found = set(facts_of(type(change)).hazards_of(change))
    if subject_table(change) in new_tables:
        found -= ON_EXISTING_ROWS
    return tuple(sorted(found, key=lambda h: h.name))
