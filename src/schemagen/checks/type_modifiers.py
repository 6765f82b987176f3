"""C324: type modifiers PostgreSQL refuses (``varchar(0)``, ``numeric(0)``, ``bit(0)``)."""

from __future__ import annotations

from collections.abc import Iterator

from schemagen.checks.typenames import parse_type
from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog
from schemagen.model.pg.types import split_type

MAX_LENGTH = 10485760
"""The longest ``varchar(n)`` / ``char(n)`` PostgreSQL allows (10 MiB)."""
MAX_BITS = 83886080
_SHORT = {"character varying": "varchar", "character": "char", "bit": "bit", "bit varying": "varbit"}


def modifier_problem(type_text: str) -> str | None:
    """PostgreSQL's error for the modifiers of a built-in type, or None.

    >>> modifier_problem("character varying(0)")
    'length for type varchar must be at least 1'
    >>> modifier_problem("numeric(0,0)"), modifier_problem("numeric(12,2)")
    ('NUMERIC precision 0 must be between 1 and 1000', None)
    """
    ref = parse_type(type_text)
    modifiers = split_type(type_text).modifiers
    if ref.schema is not None or not modifiers:
        return None
    try:
        values = [int(v) for v in modifiers]
    except ValueError:
        return None
    if ref.name in _SHORT:
        short, limit = _SHORT[ref.name], MAX_BITS if ref.name.startswith("bit") else MAX_LENGTH
        if values[0] < 1:
            return f"length for type {short} must be at least 1"
        if values[0] > limit:
            return f"length for type {short} cannot exceed {limit}"
    if ref.name == "numeric" and not 1 <= values[0] <= 1000:
        return f"NUMERIC precision {values[0]} must be between 1 and 1000"
    return None


def _typed(catalog: Catalog) -> Iterator[tuple[str, str, Span | None]]:
    for table in catalog.tables.values():
        for column in table.columns:
            yield f"column {table.name}.{column.name}", column.type, column.span or table.span
    for name, domain in catalog.domains.items():
        yield f"domain {name}", domain.base_type, domain.span
    for name, composite in catalog.composite_types.items():
        for attribute in composite.attributes:
            yield f"attribute {name}.{attribute.name}", attribute.type, composite.span


def check_type_modifiers(catalog: Catalog) -> list[Diagnostic]:
    """C324: a length or precision outside what the type allows.

    Prevents: ``length for type varchar must be at least 1`` (also ``char``,
    ``bit``, ``varbit``, and the upper limits) and ``NUMERIC precision 0 must be
    between 1 and 1000`` at CREATE TABLE / DOMAIN / TYPE.
    """
    found = []
    for owner, type_text, span in _typed(catalog):
        problem = modifier_problem(type_text)
        if problem is not None:
            found.append(
                error(
                    "C324",
                    f"{owner} has type {type_text}: {problem}",
                    span,
                    "give a length of at least 1 (or use text)",
                )
            )
    return found
