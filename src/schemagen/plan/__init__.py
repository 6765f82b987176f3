"""Plan: order changes through a dependency graph and attach their hazards."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, CreateIndex, CreateTable
from schemagen.model.code_changes import CreateView
from schemagen.model.planned import Hazard, Lock, Plan, PlannedChange
from schemagen.model.safe_changes import AddKeyUsingIndex, ValidateConstraint
from schemagen.model.settings import SafetySettings
from schemagen.plan.hazards import hazards_of
from schemagen.plan.locks import lock_of, locked_tables
from schemagen.plan.order import PlanCycleError, order_changes
from schemagen.plan.safety import Existing, Step, safe_steps

_LONG_RUNNING = (CreateIndex, ValidateConstraint, AddKeyUsingIndex)
"""Changes that get ``long_statement_timeout``: index builds and validations."""


def plan_changes(
    changes: list[Change], old: Catalog | None = None, safety: SafetySettings | None = None
) -> Plan:
    """Order ``changes`` so PostgreSQL accepts them, each with its hazards.

    The same list of changes always gives the same plan. Changes on tables
    (and materialized views) the plan itself creates carry no lock hazards.

    ``old`` is the live catalog the changes start from: given, the plan is
    written safe by default (``plan/safety.py``: concurrent index builds, NOT VALID
    then VALIDATE, ``SET NOT NULL`` through a CHECK, timeouts per statement), each
    rewrite behind a switch of ``safety``. Without it (a plan from an empty
    catalog, ``generated/schema.sql``) nothing is rewritten.
    """
    new_tables = frozenset(
        c.table.name if isinstance(c, CreateTable) else c.view.name
        for c in changes
        if isinstance(c, CreateTable | CreateView)
    )
    ordered = order_changes(list(changes))
    existing = Existing.of(old, changes)
    safety = safety or SafetySettings()
    steps = [s for c in ordered for s in safe_steps(c, existing, safety)] if old is not None else ordered
    planned = [_planned(s, new_tables, existing, safety, old is not None) for s in steps]
    return Plan(tuple(_set_on_change(planned)))


def _set_on_change(planned: list[PlannedChange]) -> list[PlannedChange]:
    """Keep a timeout only where it differs from the one in force (a SET lasts for the session)."""
    result, lock, statement = [], None, None
    for p in planned:
        changed = replace(
            p,
            lock_timeout=p.lock_timeout if p.lock_timeout != lock else None,
            statement_timeout=p.statement_timeout if p.statement_timeout != statement else None,
        )
        lock, statement = p.lock_timeout or lock, p.statement_timeout or statement
        result.append(changed)
    return result


def _planned(
    step: Step | Change, new_tables: frozenset, existing: Existing, safety: SafetySettings, live: bool
) -> PlannedChange:
    if not isinstance(step, Step):
        step = Step(step)
    change = step.change
    hazards = set(hazards_of(change, new_tables))
    if _beside_a_default_partition(change, existing):
        hazards.add(Hazard.VALIDATES_ROWS)
    if step.outside_transaction:
        hazards = (hazards - {Hazard.USABLE_AFTER_COMMIT}) | {Hazard.RUNS_OUTSIDE_TRANSACTION}
    planned = PlannedChange(
        change,
        tuple(sorted(hazards, key=lambda h: h.name)),
        outside_transaction=step.outside_transaction,
        lock=_lock(change, existing),
    )
    if not live:
        return planned
    long = isinstance(change, _LONG_RUNNING)
    statement_timeout = safety.long_statement_timeout if long else safety.statement_timeout
    return replace(
        planned,
        lock_timeout=_or_default(safety.lock_timeout),
        statement_timeout=_or_default(statement_timeout),
    )


def _beside_a_default_partition(change: Change, existing: Existing) -> bool:
    """A new partition of a table whose existing DEFAULT partition PostgreSQL must scan for its rows."""
    if not isinstance(change, CreateTable) or change.table.partition_of is None:
        return False
    bound = change.table.partition_of
    return not bound.default and bound.parent in existing.with_default


def _or_default(value: str | None) -> str:
    """A timeout setting; None (leave the server's value) resets what an earlier step set."""
    return "DEFAULT" if value is None else value


def _lock(change: Change, existing: Existing) -> Lock | None:
    if any(t in existing.relations for t in locked_tables(change)):
        return lock_of(change)
    return None


__all__ = ["Hazard", "Lock", "Plan", "PlanCycleError", "PlannedChange", "plan_changes"]
