"""A SQL file read for linting: statements parsed by pglast, each with its suppression comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pglast import parse_sql
from pglast.parser import ParseError, scan

from schemagen.diagnostics import Diagnostic, Span
from schemagen.lint.suppression import Suppression
from schemagen.model.pg.statements import ScanError, position, statements

_DIRECTIVE = re.compile(r"--\s*schemagen-lint:\s*ignore\b(?P<rest>.*)$", re.DOTALL)


@dataclass(frozen=True)
class SqlStatement:
    """One statement: its pglast node (None when it does not parse) and where it starts."""

    number: int
    text: str
    offset: int
    span: Span
    node: object | None


@dataclass
class SqlSource:
    """A whole file: its statements and the suppressions written in its comments."""

    path: str
    text: str
    statements: list[SqlStatement] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def read_sql(text: str, path: str) -> SqlSource:
    """Split and parse ``text``; a statement that does not parse keeps ``node=None``.

    The parse gate (Q401/Q402) reports syntax errors; lint only skips such statements.
    """
    source = SqlSource(path, text)
    try:
        parts = statements(text)
    except ScanError:
        return source
    ends = []
    for number, part in enumerate(parts, start=1):
        try:
            node = parse_sql(part.text)[0].stmt
        except (ParseError, IndexError):
            node = None
        line, column = position(text, part.offset)
        source.statements.append(SqlStatement(number, part.text, part.offset, Span(path, line, column), node))
        ends.append(part.offset + len(part.text))
    source.suppressions = _suppressions(text, path, source.statements, ends)
    return source


def _suppressions(text: str, path: str, found: list[SqlStatement], ends: list[int]) -> list[Suppression]:
    """``-- schemagen-lint: ignore RULE[,RULE…] reason`` before a statement (or inside it) covers it."""
    out: list[Suppression] = []
    try:
        tokens = scan(text)
    except ParseError:
        return out
    for token in tokens:
        if token.name != "SQL_COMMENT":
            continue
        comment = text[token.start : token.end + 1]
        match = _DIRECTIVE.match(comment)
        if not match:
            continue
        owner = next((s for s, end in zip(found, ends, strict=True) if token.start < end), None)
        line, column = position(text, token.start)
        span = Span(path, line, column)
        if owner is None:
            continue
        words = match.group("rest").strip().split(None, 1)
        names = [r for r in (words[0].split(",") if words else []) if r] or ["(none)"]
        reason = words[1].strip() if len(words) > 1 else ""
        for name in names:
            out.append(Suppression(name, reason, span, _covers(path, owner.span), unused_code="S776"))
    return out


def _covers(path: str, span: Span):
    return lambda diagnostic: diagnostic.span == span
