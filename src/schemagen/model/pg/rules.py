"""A rule's parts read from ``pg_get_ruledef`` with PostgreSQL's own parser, and checked actions."""

from __future__ import annotations

from dataclasses import dataclass

from pglast import parse_sql
from pglast.enums.nodes import CmdType
from pglast.parser import ParseError
from pglast.stream import RawStream

_EVENTS = {CmdType.CMD_SELECT: "SELECT", CmdType.CMD_INSERT: "INSERT", CmdType.CMD_UPDATE: "UPDATE"}
_EVENTS[CmdType.CMD_DELETE] = "DELETE"


@dataclass(frozen=True)
class RuleParts:
    """``ON event`` (upper case), ``INSTEAD``, the ``WHERE`` condition and the actions (none: NOTHING)."""

    event: str
    instead: bool
    where: str | None
    actions: tuple[str, ...]


def rule_parts(definition: str) -> RuleParts:
    """Split a ``CREATE RULE`` statement into its parts, each deparsed alike.

    >>> rule_parts("CREATE RULE r AS ON DELETE TO t WHERE (old.id > 0) DO INSTEAD NOTHING;")
    RuleParts(event='DELETE', instead=True, where='old.id > 0', actions=())
    """
    statement = parse_sql(definition)[0].stmt
    where = statement.whereClause
    return RuleParts(
        event=_EVENTS[CmdType(statement.event)],
        instead=bool(statement.instead),
        where=None if where is None else RawStream()(where),
        actions=tuple(RawStream()(action) for action in statement.actions or ()),
    )


def statement_error(text: str) -> str | None:
    """Why ``text`` is not exactly one SQL statement (None when it is).

    >>> statement_error("DELETE FROM t"), statement_error("DELETE FROM t; DROP TABLE u")
    (None, 'not one statement (2)')
    """
    try:
        statements = parse_sql(text)
    except ParseError as exc:
        return str(exc)
    if len(statements) != 1:
        return f"not one statement ({len(statements)})"
    return None
