"""SQL text helpers for emission: literals to data, identifiers that need no quoting."""

from __future__ import annotations

import re
from typing import Any

_PLAIN_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_$]*$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


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
    if stripped.upper() == "NULL":
        return None
    if stripped.lower() in ("true", "false"):
        return stripped.lower() == "true"
    if _NUMBER.match(stripped):
        return int(stripped) if "." not in stripped else stripped
    if stripped.startswith("'"):
        end = stripped.rfind("'")
        return stripped[1:end].replace("''", "'")
    return stripped


def strip_view_query(query: str) -> str:
    """``pg_get_viewdef`` text without its leading space and trailing semicolon."""
    text = query.strip()
    return text[:-1].rstrip() if text.endswith(";") else text
