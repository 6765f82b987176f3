"""Whether a constant is valid input for a built-in type, as PostgreSQL's input functions judge.

Only what can be decided without a server is judged: a value in a form PostgreSQL
may accept but this module does not model (a date in a locale's order, say) is
taken as valid. Each problem is the text of PostgreSQL's own error.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date

INTEGER_RANGES = {
    "smallint": (-(2**15), 2**15 - 1),
    "integer": (-(2**31), 2**31 - 1),
    "bigint": (-(2**63), 2**63 - 1),
}
_BOOLEAN_WORDS = ("true", "false", "yes", "no", "on", "off", "1", "0")
_DECIMAL = re.compile(r"^\s*([+-]?)(\d+(?:_\d+)*)\s*$")
_NON_DECIMAL = re.compile(r"^\s*[+-]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+)\s*$")
_NUMERIC = re.compile(r"^\s*[+-]?(?:\d+(?:_\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$")
_NUMERIC_SPECIAL = re.compile(r"^\s*[+-]?(?:nan|inf|infinity)\s*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\s*(\d{4,})-(\d{1,2})-(\d{1,2})(?=$|[\sT])")
_DATE_WORDS = {"epoch", "infinity", "-infinity", "now", "today", "tomorrow", "yesterday", "allballs"}
_TIME_TYPES = ("date", "timestamp without time zone", "timestamp with time zone")
_STRING_TYPES = ("character varying", "character", "bpchar")


def boolean_problem(text: str) -> str | None:
    """PostgreSQL's ``boolin``: the words of :data:`_BOOLEAN_WORDS` and their unambiguous prefixes.

    >>> boolean_problem("t"), boolean_problem(" Yes "), boolean_problem("maybe")
    (None, None, 'invalid input syntax for type boolean: "maybe"')
    """
    word = text.strip().lower()
    matches = [w for w in _BOOLEAN_WORDS if word and w.startswith(word)]
    if word and (len(matches) == 1 or word in _BOOLEAN_WORDS) and word != "o":
        return None
    return f'invalid input syntax for type boolean: "{text}"'


def integer_problem(type_name: str, text: str) -> str | None:
    """An integer literal of ``smallint``/``integer``/``bigint``: digits, and within range.

    >>> integer_problem("smallint", "40000")
    'value "40000" is out of range for type smallint'
    >>> integer_problem("integer", "12"), integer_problem("integer", "ten")
    (None, 'invalid input syntax for type integer: "ten"')
    """
    match = _DECIMAL.match(text)
    if match is None:
        if _NON_DECIMAL.match(text):
            return None  # PostgreSQL 16+ reads 0x…, 0o…, 0b…; older servers say so themselves
        return f'invalid input syntax for type {type_name}: "{text}"'
    value = int(match.group(1) + match.group(2).replace("_", ""))
    low, high = INTEGER_RANGES[type_name]
    if not low <= value <= high:
        return f'value "{text.strip()}" is out of range for type {type_name}'
    return None


def numeric_problem(type_name: str, text: str, modifiers: tuple[int, ...] = ()) -> str | None:
    """A decimal literal of ``numeric``/``real``/``double precision``; ``numeric(p, s)`` overflow.

    >>> numeric_problem("numeric", "forty")
    'invalid input syntax for type numeric: "forty"'
    >>> numeric_problem("numeric", "1234.5", (5, 2))
    'numeric field overflow (a numeric(5,2) holds less than 10^3)'
    """
    if _NUMERIC_SPECIAL.match(text):
        return None
    if not _NUMERIC.match(text):
        return f'invalid input syntax for type {type_name}: "{text}"'
    if type_name == "numeric" and modifiers:
        precision, scale = modifiers[0], modifiers[1] if len(modifiers) > 1 else 0
        digits = text.strip().lstrip("+-").replace("_", "")
        mantissa, _, exponent = digits.lower().partition("e")
        whole = mantissa.split(".")[0].lstrip("0")
        shift = int(exponent) if exponent else 0
        integer_digits = max(0, len(whole) + shift) if whole else 0
        if integer_digits > precision - scale:
            return (
                f"numeric field overflow (a numeric({precision},{scale}) holds less than "
                f"10^{precision - scale})"
            )
    return None


def date_problem(type_name: str, text: str) -> str | None:
    """An ISO date (``YYYY-MM-DD…``) whose month or day does not exist, or a word PostgreSQL
    does not know; other spellings are left to the server.

    >>> date_problem("date", "2026-02-30")
    'date/time field value out of range: "2026-02-30"'
    >>> date_problem("date", "someday"), date_problem("date", "today")
    ('invalid input syntax for type date: "someday"', None)
    """
    stripped = text.strip()
    if stripped.lower() in _DATE_WORDS:
        return None
    match = _ISO_DATE.match(stripped)
    if match is not None:
        try:
            date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return f'date/time field value out of range: "{text}"'
        return None
    if stripped and not any(ch.isdigit() for ch in stripped):
        return f'invalid input syntax for type {type_name}: "{text}"'
    return None


def literal_problem(type_name: str, modifiers: tuple[int, ...], text: str) -> str | None:
    """PostgreSQL's error for ``text`` as input of the built-in type ``type_name``, or None.

    ``type_name`` is the canonical name without modifiers (``character varying``);
    ``modifiers`` its numeric type modifiers (``(50,)``). Types not modelled here
    accept everything.

    >>> literal_problem("character varying", (3,), "abcd")
    'value too long for type character varying(3)'
    >>> literal_problem("uuid", (), "nope")
    'invalid input syntax for type uuid: "nope"'
    """
    if type_name == "boolean":
        return boolean_problem(text)
    if type_name in INTEGER_RANGES:
        return integer_problem(type_name, text)
    if type_name in ("numeric", "real", "double precision"):
        return numeric_problem(type_name, text, modifiers)
    if type_name in _TIME_TYPES:
        return date_problem(type_name, text)
    if type_name in _STRING_TYPES and modifiers and len(text.rstrip(" ")) > modifiers[0]:
        return f"value too long for type {type_name}({modifiers[0]})"
    if type_name == "uuid":
        try:
            uuid.UUID(text.strip())
        except ValueError:
            return f'invalid input syntax for type uuid: "{text}"'
    if type_name in ("json", "jsonb"):
        try:
            json.loads(text)
        except ValueError:
            return f"invalid input syntax for type {type_name}"
    return None


def number_problem(type_name: str, modifiers: tuple[int, ...], text: str, is_integer: bool) -> str | None:
    """An unquoted number given for a column of ``type_name``: range, precision, or wrong kind.

    >>> number_problem("boolean", (), "1", True)
    'column is of type boolean but the value is a number'
    >>> number_problem("smallint", (), "70000", True)
    'smallint out of range'
    """
    if type_name == "boolean":
        return "column is of type boolean but the value is a number"
    if type_name in INTEGER_RANGES and is_integer:
        low, high = INTEGER_RANGES[type_name]
        return None if low <= int(text) <= high else f"{type_name} out of range"
    if type_name == "numeric":
        return numeric_problem(type_name, text, modifiers)
    return None
