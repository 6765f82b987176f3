"""Quoting as PostgreSQL does it: identifiers (``quote_ident``) and string literals.

A name stays bare only when it is lowercase-simple and not a keyword (other than an
unreserved one), as PostgreSQL's ``quote_identifier`` decides.
"""

from __future__ import annotations

import re

from schemagen.model.pg.keywords import QUOTED_KEYWORDS

_SIMPLE = re.compile(r"[a-z_][a-z0-9_$]*")


def quote_ident(name: str) -> str:
    """Quote an identifier only when PostgreSQL needs it; ``"`` is doubled.

    >>> quote_ident("registry"), quote_ident("Order"), quote_ident("select"), quote_ident('a"b')
    ('registry', '"Order"', '"select"', '"a""b"')
    """
    if _SIMPLE.fullmatch(name) and name not in QUOTED_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def quote_qualified(schema: str, name: str) -> str:
    """``schema.name`` with each part quoted as needed.

    >>> quote_qualified("App", "t_id_seq")
    '"App".t_id_seq'
    """
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def quote_literal(text: str) -> str:
    """A standard SQL string literal: ``'`` doubled.

    >>> quote_literal("it's")
    "'it''s'"
    """
    return "'" + text.replace("'", "''") + "'"


def unquote_ident(text: str) -> str:
    """``"My Col"`` → ``My Col`` (``""`` undoubled); anything else is returned stripped, as written.

    >>> unquote_ident('"a""b"'), unquote_ident(" plain ")
    ('a"b', 'plain')
    """
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text
