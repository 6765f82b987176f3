"""The identifiers an expression mentions (quoting, scanning and splitting live in model/pg)."""

from __future__ import annotations

import re

_IDENTIFIER_TOKEN = re.compile(r"'(?:[^']|'')*'|\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)")


def referenced_names(expression: str) -> set[str]:
    r"""Identifiers an expression mentions (string literals skipped; bare names folded).

    >>> sorted(referenced_names("length(name) > 0 AND \"Kind\" <> 'x'"))
    ['Kind', 'and', 'length', 'name']
    """
    found: set[str] = set()
    for match in _IDENTIFIER_TOKEN.finditer(expression):
        if match.group(1) is not None:
            found.add(match.group(1).replace('""', '"'))
        elif match.group(2) is not None:
            found.add(match.group(2).lower())
    return found
