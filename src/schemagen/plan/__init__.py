"""Plan: order changes through a dependency graph and attach their hazards."""

from __future__ import annotations

from schemagen.model.changes import Change
from schemagen.model.planned import Hazard, Plan, PlannedChange
from schemagen.plan.hazards import hazards_of
from schemagen.plan.order import PlanCycleError, order_changes


def plan_changes(changes: list[Change]) -> Plan:
    """Order ``changes`` so PostgreSQL accepts them, each with its hazards.

    The same list of changes always gives the same plan.
    """
    return Plan(tuple(PlannedChange(change, hazards_of(change)) for change in order_changes(list(changes))))


__all__ = ["Hazard", "Plan", "PlanCycleError", "PlannedChange", "plan_changes"]
