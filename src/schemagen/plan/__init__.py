"""Plan: order changes through a dependency graph and attach their hazards."""

from __future__ import annotations

from schemagen.model.changes import Change, CreateTable
from schemagen.model.code_changes import CreateView
from schemagen.model.planned import Hazard, Plan, PlannedChange
from schemagen.plan.hazards import hazards_of
from schemagen.plan.order import PlanCycleError, order_changes


def plan_changes(changes: list[Change]) -> Plan:
    """Order ``changes`` so PostgreSQL accepts them, each with its hazards.

    The same list of changes always gives the same plan. Changes on tables
    (and materialized views) the plan itself creates carry no lock hazards.
    """
    new_tables = frozenset(
        c.table.name if isinstance(c, CreateTable) else c.view.name
        for c in changes
        if isinstance(c, CreateTable | CreateView)
    )
    return Plan(
        tuple(
            PlannedChange(change, hazards_of(change, new_tables)) for change in order_changes(list(changes))
        )
    )


__all__ = ["Hazard", "Plan", "PlanCycleError", "PlannedChange", "plan_changes"]
