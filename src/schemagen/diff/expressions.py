"""Comparing SQL expression text: the one place to swap in canonicalisation.

For now two expressions are equal when their text is equal up to whitespace
outside string literals. Comparison through PostgreSQL's own canonical form
(``pg_get_expr`` on a scratch database) will replace this function.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\s+|[^'\"\s]+")


def normalise_expression(text: str | None) -> str | None:
    """Collapse whitespace outside quoted text; None stays None.

    >>> normalise_expression("a  >\\n 0")
    'a > 0'
    >>> normalise_expression("'a  b'")
    "'a  b'"
    """
    if text is None:
        return None
    tokens = [" " if token.isspace() else token for token in _TOKENS.findall(text.strip())]
    return "".join(tokens)


def same_expression(old: str | None, new: str | None) -> bool:
    """Whether two expressions (or two absent expressions) mean the same."""
    return normalise_expression(old) == normalise_expression(new)
