"""A plan as a report: each change with its summary, its SQL statements and its hazards."""

from __future__ import annotations

from dataclasses import dataclass

import pglast

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
    """The statements of a SQL script, each ending with ``;``, leading comment lines removed.

    PostgreSQL's own scanner finds the boundaries (dollar quotes, strings and
    comments included); no parse is needed, so syntax newer than the parser is fine.
    """
    statements = []
    for statement in pglast.split(text, with_parser=False):
        lines = statement.strip().splitlines()
        while lines and lines[0].lstrip().startswith("--"):
            lines.pop(0)
        body = "\n".join(lines).strip()
        if body:
            statements.append(body + ";")
    return tuple(statements)


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
