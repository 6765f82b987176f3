"""Comparing SQL expression text: the one place to swap in canonicalisation.

For now two expressions are equal when PostgreSQL's scanner reads the same tokens
from both (whitespace between tokens does not count; inside literals it does).
Comparison through PostgreSQL's own canonical form (``pg_get_expr`` on a scratch
database) will replace this function.
"""

from __future__ import annotations

from schemagen.model.pg.sqlparse import tokens


def normalise_expression(text: str | None) -> tuple[str, ...] | str | None:
    r"""The tokens of an expression; text the scanner refuses with its whitespace collapsed.

    >>> normalise_expression("a  >\n 0") == normalise_expression("a > 0")
    True
    >>> normalise_expression("'a  b'") == normalise_expression("'a b'")
    False
    """
    if text is None:
        return None
    scanned = tokens(text)
    return scanned if scanned is not None else " ".join(text.split())


def same_expression(old: str | None, new: str | None) -> bool:
    """Whether two expressions (or two absent expressions) mean the same."""
    return normalise_expression(old) == normalise_expression(new)
