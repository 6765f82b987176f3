"""A plan as a versioned migration file: header lines the runner obeys, then the SQL.

The statements are the plan's, rendered by the same change templates as
``generated/schema.sql``; the file carries no ``BEGIN``/``COMMIT`` (the runner
wraps a transactional file in one transaction, and runs a ``-- transaction: none``
file statement by statement).
"""

from __future__ import annotations

import functools

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


def render_migration(
    plan: Plan, *, migration_id: str, direction: str, maintenance: QualifiedName | None = None
) -> str:
    """The text of ``NNNN_slug.{up,down}.sql`` for ``plan``.

    ``maintenance``: the partition maintenance function to run last (as
    ``generated/schema.sql`` does), when the state the file leads to has it.
    """
    transactional = not any(planned.outside_transaction for planned in plan)
    text = _template().render(
        id=migration_id,
        direction=direction,
        purpose=PURPOSE[direction],
        transactional=transactional,
        hazards=hazard_lines(plan),
        search_path=DEFAULT_SEARCH_PATH,
        changes=[render_planned(planned) for planned in plan],
        maintenance=_maintenance(maintenance) if maintenance is not None else "",
    )
    return text.rstrip("\n") + "\n"


@functools.cache
def _template() -> jinja2.Template:
    return environment().get_template("files/migration.sql.j2")


def _maintenance(function: QualifiedName) -> str:
    return environment().get_template("files/maintenance.sql.j2").render(function=function).rstrip("\n")
