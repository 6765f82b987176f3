"""Q401-Q402: every statement of a rendered script parses with PostgreSQL's grammar."""

from __future__ import annotations

from pglast import parse_sql
from pglast.parser import ParseError, split

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.pg.statements import ScanError, position, statements


def parse_gate(sql: str, source: str = "<sql>") -> list[Diagnostic]:
    """Parse every statement of ``sql``; one Q401 per statement that does not parse.

    Args:
        sql: a rendered script (DDL, a migration).
        source: the file name put in the diagnostics' spans.

    Returns:
        Q401 (statement N does not parse, at its line and column) or Q402 (the
        script cannot be split: an unterminated string or ``$$`` body); empty when
        every statement is valid PostgreSQL syntax.

    >>> parse_gate("CREATE TABLE t (a int);")
    []
    >>> [f"{d.span} {d.code} {d.message}" for d in parse_gate("SELECT 1;\\nCREATE TABLE t (a int;", "x.sql")]
    ['x.sql:2:22 Q401 statement 2 does not parse: syntax error at end of input']
    """
    if _parses(sql):
        return []
    try:
        parts = statements(sql)
    except ScanError as exc:
        line, column = position(sql, exc.offset or 0)
        return [
            error(
                "Q402",
                f"the script cannot be split into statements: {exc}",
                Span(source, line, column),
                "look for an unterminated quote, comment or $$ body",
            )
        ]
    found = []
    for number, statement in enumerate(parts, start=1):
        try:
            parse_sql(statement.text)
        except ParseError as exc:
            location = exc.args[1] if len(exc.args) > 1 and exc.args[1] is not None else len(statement.text)
            line, column = position(sql, statement.offset + location)
            found.append(
                error(
                    "Q401",
                    f"statement {number} does not parse: {exc.args[0]}",
                    Span(source, line, column),
                    "this is a bug in the template that rendered it, or in the value it quoted",
                )
            )
    return found


def _parses(sql: str) -> bool:
    """True when the whole script parses, checked in one call into PostgreSQL's parser.

    The fast path of the gate: PostgreSQL's raw parser runs over the whole script
    (``split`` with the parser), and no syntax tree is handed to Python, not even
    as JSON. A script that parses as a whole has no statement that does not (the
    grammar reads a script statement by statement); only a failing script is split
    to locate each error.
    """
    try:
        split(sql, with_parser=True, only_slices=True)
    except ParseError:
        return False
    return True
