"""A plan as a report: each change with its summary, its SQL statements and its hazards."""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.model.pg.statements import statements
from schemagen.model.planned import Hazard, Plan
from schemagen.render.plan import render_planned
from schemagen.render.summary import ChangeSummary, describe


@dataclass(frozen=True)
class ReportChange:
    """One step of a plan as every output format shows it."""

    summary: ChangeSummary
    sql: tuple[str, ...]
    hazards: tuple[str, ...] = ()
    outside_transaction: bool = False


def hazard_name(hazard: Hazard) -> str:
    """The name a person types after ``--allow-hazard``: ``deletes_data``."""
    return hazard.name.lower()


HAZARD_DESCRIPTIONS: dict[str, str] = {hazard_name(h): h.value for h in Hazard}
"""Hazard name → what it risks."""


def split_statements(text: str) -> tuple[str, ...]:
    """The statements of a SQL script, each ending with ``;``, leading comments removed.

    PostgreSQL's own scanner finds the boundaries (dollar quotes, strings, comments and
    ``BEGIN ATOMIC … END`` bodies included: pglast's scanner-only ``split`` cut such a body
    at its first ``;``); no parse is needed, so syntax newer than the parser is fine.
    """
    return tuple(statement.text + ";" for statement in statements(text))


def report_changes(plan: Plan) -> list[ReportChange]:
    """Every planned change in plan order, as a report step."""
    return [
        ReportChange(
            describe(planned.change),
            split_statements(render_planned(planned)),
            tuple(hazard_name(h) for h in planned.hazards),
            planned.outside_transaction,
        )
        for planned in plan
    ]
