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


def hazard_lines(plan: Plan) -> list[tuple[str, str]]:
    """``(name, detail)`` per hazard of each change, in plan order: ``deletes_data``,
    ``drops column app.t.c (ACCESS EXCLUSIVE)``."""
    return [
        (hazard.name.lower(), _detail(planned, hazard.lock)) for planned in plan for hazard in planned.hazards
    ]


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
