"""The apply engine: gate hazards, then run a plan in as few transactions as PostgreSQL allows.

Consecutive steps share one transaction; a step marked ``outside_transaction``
(``CREATE INDEX CONCURRENTLY``, ``ALTER TYPE … ADD VALUE`` …) runs on its own in
autocommit. A failing statement rolls its transaction back; what earlier
transactions committed stays, and the error says so.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import psycopg

from schemagen.api.inspect import connection_error, scrub
from schemagen.errors import DatabaseError, SchemagenError
from schemagen.model.names import QualifiedName
from schemagen.model.pg.index_builds import concurrent_index_built
from schemagen.render.index_cleanup import drop_invalid_index, invalid_index_query
from schemagen.render.report import ReportChange


class HazardsRefused(SchemagenError):
    """Steps carry hazards that were not allowed; nothing was executed."""

    def __init__(self, refused: list[tuple[str, str]], verb: str = "apply"):
        self.refused = refused
        lines = [f"  {step}: {hazard}" for step, hazard in refused]
        names = sorted({hazard for _, hazard in refused})
        super().__init__(
            f"refusing to {verb}: hazardous steps not allowed (nothing was executed):\n"
            + "\n".join(lines)
            + "\nallow them with "
            + " ".join(f"--allow-hazard {name}" for name in names)
            + " (or --allow-hazards for all)"
        )


class ApplyFailed(DatabaseError):
    """A statement failed: its transaction was rolled back; ``committed`` steps stay applied.

    ``cleanup`` says what was done about what the failure left (the INVALID index of a
    failed concurrent build, dropped), or what the user must still do.
    """

    def __init__(
        self,
        statement: str,
        error: str,
        committed: list[str],
        rolled_back: list[str],
        cleanup: list[str] | None = None,
    ):
        self.statement, self.error = statement, error
        self.committed, self.rolled_back = committed, rolled_back
        self.cleanup = cleanup or []
        super().__init__(self._message())

    def _message(self) -> str:
        lines = ["apply failed at statement:", *(f"    {line}" for line in self.statement.splitlines())]
        lines += [f"PostgreSQL said: {self.error}"]
        lines += self.cleanup
        lines += [f"rolled back ({len(self.rolled_back)} step(s) of the failing transaction):"]
        lines += [f"  {line}" for line in self.rolled_back] or ["  (none)"]
        lines += [f"already committed ({len(self.committed)} step(s)):"]
        lines += [f"  {line}" for line in self.committed] or ["  (nothing: the database is as it was)"]
        return "\n".join(lines)


@dataclass(frozen=True)
class ApplyResult:
    """What ran: the number of steps and of transactions (autocommit steps count as one each)."""

    steps: int
    transactions: int


def refused_hazards(
    changes: Sequence[ReportChange], allowed: Collection[str] | None
) -> list[tuple[str, str]]:
    """(step, hazard) for every hazard not in ``allowed`` (None: every hazard is allowed)."""
    return refused_steps([(change.summary.line(), change.hazards) for change in changes], allowed)


def refused_steps(
    steps: Sequence[tuple[str, Sequence[str]]], allowed: Collection[str] | None
) -> list[tuple[str, str]]:
    """(step, hazard) for every hazard of the (step, hazards) pairs not in ``allowed`` (None: all are)."""
    if allowed is None:
        return []
    wanted = {_hazard_key(name) for name in allowed}
    return [
        (step, hazard) for step, hazards in steps for hazard in hazards if _hazard_key(hazard) not in wanted
    ]


def _hazard_key(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def check_hazards(changes: Sequence[ReportChange], allowed: Collection[str] | None) -> None:
    """Raise ``HazardsRefused`` naming each step and hazard that is not allowed."""
    refused = refused_hazards(changes, allowed)
    if refused:
        raise HazardsRefused(refused)


def transaction_groups(changes: Sequence[ReportChange]) -> list[tuple[bool, list[ReportChange]]]:
    """(in a transaction?, steps): runs of consecutive steps, each outside step alone."""
    groups: list[tuple[bool, list[ReportChange]]] = []
    for change in changes:
        if change.outside_transaction:
            groups.append((False, [change]))
        elif groups and groups[-1][0]:
            groups[-1][1].append(change)
        else:
            groups.append((True, [change]))
    return groups


def error_text(exc: psycopg.Error, conninfo: str) -> str:
    """PostgreSQL's message (first line) and SQLSTATE, the password of ``conninfo`` masked."""
    diag = getattr(exc, "diag", None)
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if diag is not None and diag.sqlstate:
        text = f"{text} (SQLSTATE {diag.sqlstate})"
    return scrub(text, conninfo)


def remove_invalid_index(conn: psycopg.Connection, statement: str, conninfo: str) -> list[str]:
    """After a failed ``CREATE INDEX CONCURRENTLY``: drop the INVALID index it left, if any (never a
    valid one of that name), and say so; or say how, if that fails too."""
    built = concurrent_index_built(statement)
    if built is None:
        return []
    name = QualifiedName(*built)
    drop = drop_invalid_index(name)
    try:
        found = conn.execute(invalid_index_query(name)).fetchone()
        if not (found and found[0]):
            return []
        conn.execute(drop)
    except psycopg.Error as exc:
        return [
            f"the failed build left the INVALID index {name.name}; removing it failed too "
            f"({error_text(exc, conninfo)}): run `{drop};` before applying again"
        ]
    return [f"removed the INVALID index the failed build left: {drop};"]


def execute_plan(
    dsn: str | None,
    changes: Sequence[ReportChange],
    progress: Callable[[ReportChange], None] | None = None,
) -> ApplyResult:
    """Run every statement of ``changes`` in order; ``ApplyFailed`` on the first error."""
    conninfo = dsn or ""
    committed: list[str] = []
    groups = transaction_groups(changes)
    try:
        conn = psycopg.connect(conninfo, connect_timeout=10, autocommit=True)
    except psycopg.Error as exc:
        raise connection_error(exc, conninfo) from None
    with conn:
        for in_transaction, group in groups:
            statement = ""
            try:
                if in_transaction:
                    with conn.transaction():
                        for change in group:
                            for statement in change.sql:
                                conn.execute(statement)
                else:
                    for statement in group[0].sql:
                        conn.execute(statement)
            except psycopg.Error as exc:
                cleanup = [] if in_transaction else remove_invalid_index(conn, statement, conninfo)
                raise ApplyFailed(
                    statement,
                    error_text(exc, conninfo),
                    committed,
                    [c.summary.line() for c in group],
                    cleanup,
                ) from None
            for change in group:
                committed.append(change.summary.line())
                if progress is not None:
                    progress(change)
    return ApplyResult(len(committed), len(groups))
