"""A plan as a versioned migration file: header lines the runner obeys, then the SQL.

The statements are the plan's, rendered by the same change templates as
``generated/schema.sql``. A transactional file carries no ``BEGIN``/``COMMIT`` (the
runner wraps it in one transaction); a ``-- transaction: none`` file (the runner
sends it statement by statement) wraps each run of steps that can share a
transaction in ``BEGIN`` … ``COMMIT``, as ``schema.sql`` does, so only the steps
that cannot (``CONCURRENTLY``, ``ADD VALUE``) run on their own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import jinja2

from schemagen.model.names import QualifiedName
from schemagen.model.pg.sqlrefs import DEFAULT_SEARCH_PATH
from schemagen.model.planned import Plan, PlannedChange
from schemagen.render.environment import environment
from schemagen.render.plan import render_planned
from schemagen.render.summary import describe

PURPOSE = {
    "up": "the previous state to the declared schema",
    "down": "the declared schema back to the previous state",
}
_VERBS = {"created": "creates", "altered": "alters", "dropped": "drops"}


SHOWN_STEPS = 3
"""Steps named per hazard line; the rest are counted."""


def hazard_lines(plan: Plan) -> list[tuple[str, str]]:
    """``(name, detail)`` per hazard, in order of first appearance: ``deletes_data``,
    ``drops column app.t.c (ACCESS EXCLUSIVE); drops table app.u (ACCESS EXCLUSIVE); … and 4 more``."""
    steps: dict[str, list[str]] = {}
    for planned in plan:
        for hazard in planned.hazards:
            steps.setdefault(hazard.name.lower(), []).append(_detail(planned, hazard.lock))
    lines = []
    for name, details in steps.items():
        unique = list(dict.fromkeys(details))
        text = "; ".join(unique[:SHOWN_STEPS])
        if len(unique) > SHOWN_STEPS:
            text += f"; and {len(unique) - SHOWN_STEPS} more"
        lines.append((name, text))
    return lines


def _detail(planned: PlannedChange, hazard_lock) -> str:
    summary = describe(planned.change)
    text = f"{_VERBS.get(summary.action, summary.action)} {summary.kind} {summary.object}"
    lock = planned.lock or hazard_lock
    if lock is not None:
        text += f" ({lock.value})"
    return " ".join(text.split())


@dataclass(frozen=True)
class StepGroup:
    """Consecutive steps that share a transaction, or one step that must run outside any."""

    transactional: bool
    changes: tuple[str, ...]


def step_groups(plan: Plan, maintenance: str = "") -> list[StepGroup]:
    """The plan's SQL in groups: runs of in-transaction steps, each outside-transaction step alone;
    ``maintenance`` (the partition maintenance run) ends the last in-transaction group."""
    groups: list[StepGroup] = []
    for planned in plan:
        sql = render_planned(planned)
        if planned.outside_transaction:
            groups.append(StepGroup(False, (sql,)))
        elif groups and groups[-1].transactional:
            groups[-1] = StepGroup(True, (*groups[-1].changes, sql))
        else:
            groups.append(StepGroup(True, (sql,)))
    if maintenance:
        if groups and groups[-1].transactional:
            groups[-1] = StepGroup(True, (*groups[-1].changes, maintenance))
        else:
            groups.append(StepGroup(True, (maintenance,)))
    return groups or [StepGroup(True, ())]


def render_migration(
    plan: Plan, *, migration_id: str, direction: str, maintenance: QualifiedName | None = None
) -> str:
    """The text of ``NNNN_slug.{up,down}.sql`` for ``plan``.

    ``maintenance``: the partition maintenance function to run last (as
    ``generated/schema.sql`` does), when the state the file leads to has it.
    """
    groups = step_groups(plan, _maintenance(maintenance) if maintenance is not None else "")
    text = _template().render(
        id=migration_id,
        direction=direction,
        purpose=PURPOSE[direction],
        transactional=all(g.transactional for g in groups),
        hazards=hazard_lines(plan),
        search_path=DEFAULT_SEARCH_PATH,
        groups=groups,
    )
    return text.rstrip("\n") + "\n"


@functools.cache
def _template() -> jinja2.Template:
    return environment().get_template("files/migration.sql.j2")


def _maintenance(function: QualifiedName) -> str:
    return environment().get_template("files/maintenance.sql.j2").render(function=function).rstrip("\n")
