"""Split SQL scripts into statements with PostgreSQL's own scanner (pglast)."""

from __future__ import annotations

from dataclasses import dataclass

from pglast.parser import ParseError, scan

_COMMENTS = frozenset({"SQL_COMMENT", "C_COMMENT"})


@dataclass(frozen=True)
class Statement:
    """One statement of a script: its text and where it starts (0-based character offset)."""

    text: str
    offset: int


class ScanError(ValueError):
    """The script cannot even be tokenized (an unterminated string or ``$$`` body)."""

    def __init__(self, message: str, offset: int | None) -> None:
        super().__init__(message)
        self.offset = offset


def statements(sql: str) -> list[Statement]:
    """The statements of ``sql``, each without its terminating ``;`` and leading comments.

    Uses PostgreSQL's scanner, not the parser, so a statement with a syntax error
    still comes out as one statement; ``$$`` bodies, quoted identifiers, strings
    and comments containing ``;`` are handled like PostgreSQL does, and so are
    ``BEGIN ATOMIC … END`` function bodies. (pglast's own scanner-only ``split``
    drops a statement with unbalanced parentheses, so it is not used: a gate must
    never lose a statement.)

    Raises:
        ScanError: when the text cannot be tokenized.
    """
    try:
        tokens = scan(sql)
    except ParseError as exc:
        raise ScanError(str(exc.args[0]), exc.args[1] if len(exc.args) > 1 else None) from exc
    found: list[Statement] = []
    start = end = None
    atomic = 0
    previous = ""
    for token in tokens:
        if token.name in _COMMENTS:
            continue
        if token.name == ";" or token.name == "ASCII_59":
            if atomic == 0:
                if start is not None:
                    found.append(Statement(sql[start : end + 1], start))
                start = end = None
                previous = ""
                continue
        elif atomic and token.name == "CASE":
            atomic += 1
        elif atomic and token.name == "END_P":
            atomic -= 1
        elif token.name == "ATOMIC" and previous == "BEGIN_P":
            atomic = 1
        if start is None:
            start = token.start
        end = token.end
        previous = token.name
    if start is not None:
        found.append(Statement(sql[start : end + 1], start))
    return found


def split_statements(sql: str) -> list[str]:
    """The statement texts of ``sql`` (see :func:`statements`).

    >>> split_statements("SELECT 1; CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;")
    ['SELECT 1', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql']

    Raises:
        ScanError: when the text cannot be tokenized.
    """
    return [s.text for s in statements(sql)]


def position(sql: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in ``sql``."""
    line = sql.count("\n", 0, offset) + 1
    column = offset - (sql.rfind("\n", 0, offset) + 1) + 1
    return line, column
