"""Small constructors for check tests: catalogs built directly, spans set."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, Span
from schemagen.model import Column, PrimaryKey, QualifiedName, Table


def span(line: int) -> Span:
    """A span in a pretend schema file."""
    return Span("schema/s.yaml", line, 3)


def qn(text: str) -> QualifiedName:
    """``"s.t"`` → QualifiedName; bare names go to schema ``s``."""
    return QualifiedName.parse(text, "s")


def col(name: str, type_: str = "integer", line: int = 1, **kwargs) -> Column:
    """A column with a span."""
    return Column(name, type_, span=span(line), **kwargs)


def table(name: str, *columns: Column, pk: tuple[str, ...] | None = None, line: int = 1, **kwargs) -> Table:
    """A table with a span; ``pk`` adds a PRIMARY KEY named as PostgreSQL would."""
    short = qn(name)
    primary_key = PrimaryKey(f"{short.name}_pkey", pk, span=span(line)) if pk else None
    return Table(short, tuple(columns), primary_key=primary_key, span=span(line), **kwargs)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    """The codes of ``diagnostics``, in order."""
    return [d.code for d in diagnostics]
