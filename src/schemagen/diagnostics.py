"""Diagnostics: what every stage returns instead of raising.

Codes are stable and prefixed by stage: ``L1xx`` load, ``V2xx`` JSON-Schema
validation, ``C3xx`` semantic checks, ``Q4xx`` SQL lint, ``H5xx`` hazards,
``M6xx`` migration integrity.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How bad a diagnostic is; errors stop the build."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Span:
    """A position in a source file (1-based line and column)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of one stage, located in the source where possible."""

    code: str
    severity: Severity
    message: str
    span: Span | None = None
    hint: str | None = field(default=None)

    def sort_key(self) -> tuple:
        span = self.span or Span("", 0, 0)
        return (span.file, span.line, span.column, self.code, self.message)

    def format(self) -> str:
        """Render like a compiler: ``file:line:col: CODE message`` plus a hint line."""
        where = f"{self.span}: " if self.span else ""
        text = f"{where}{self.code} {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def error(code: str, message: str, span: Span | None = None, hint: str | None = None) -> Diagnostic:
    """Shorthand for an error diagnostic."""
    return Diagnostic(code, Severity.ERROR, message, span, hint)


def warning(code: str, message: str, span: Span | None = None, hint: str | None = None) -> Diagnostic:
    """Shorthand for a warning diagnostic."""
    return Diagnostic(code, Severity.WARNING, message, span, hint)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort by position, then code; drop exact duplicates."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)
