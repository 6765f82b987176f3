"""SQL text helpers for emission: literals to data, identifiers that need no quoting."""

from __future__ import annotations

import re
from typing import Any

from schemagen.model.pg.sqlparse import NOT_A_CONSTANT, constant_value

_PLAIN_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_$]*$")


def is_plain_identifier(name: str) -> bool:
    """True when ``name`` reads the same unquoted (lowercase, no spaces).

    >>> is_plain_identifier("agent_id"), is_plain_identifier("Order"), is_plain_identifier("my col")
    (True, False, False)
    """
    return bool(_PLAIN_IDENTIFIER.match(name))


def literal_to_data(text: str) -> Any:
    """A partition bound literal as YAML data (``'de'`` → ``de``, ``MINVALUE`` → ``minvalue``).

    >>> [literal_to_data(v) for v in ("'it''s'", "42", "MAXVALUE", "NULL")]
    ["it's", 42, 'maxvalue', None]
    """
    stripped = text.strip()
    if stripped.upper() in ("MINVALUE", "MAXVALUE"):
        return stripped.lower()
    value = constant_value(stripped)
    return stripped if value is NOT_A_CONSTANT else value


def strip_view_query(query: str) -> str:
    """``pg_get_viewdef`` text without its leading space and trailing semicolon."""
    text = query.strip()
    return text[:-1].rstrip() if text.endswith(";") else text
