"""Small readers of SQL-ish text: identifiers, words, scalars to SQL literals."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemagen.model.keywords import QUOTED_KEYWORDS
from schemagen.model.sqltext import matching_paren as matching_paren  # used by build.indexes

_PLAIN_IDENT = re.compile(r"^[a-z_][a-z0-9_$]*$")


def quote_ident(name: str) -> str:
    """Quote an identifier the way PostgreSQL's ``quote_ident`` does.

    >>> quote_ident("registry")
    'registry'
    >>> quote_ident("Order")
    '"Order"'
    >>> quote_ident("user")
    '"user"'
    """
    if _PLAIN_IDENT.match(name) and name not in QUOTED_KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def split_dotted(text: str) -> list[str]:
    """Split ``a.b`` at dots outside double quotes, unquoting each part.

    >>> split_dotted('agents."My Type"')
    ['agents', 'My Type']
    """
    parts: list[str] = []
    current = ""
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
            current += char
        elif char == "." and not quoted:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [_unquote(p.strip()) for p in parts]


def _unquote(part: str) -> str:
    if len(part) >= 2 and part.startswith('"') and part.endswith('"'):
        return part[1:-1].replace('""', '"')
    return part


_NEEDS_CARE = re.compile(r"['\"()\[\]]")
_PLAIN_WORD = re.compile(r"\S+")


def words(text: str) -> Iterator[tuple[int, str]]:
    """Top-level words of ``text`` with their offsets; parentheses and quotes stay whole.

    >>> [w for _, w in words("numeric(12, 2) not null default 'a b'")]
    ['numeric(12, 2)', 'not', 'null', 'default', "'a b'"]
    """
    if not _NEEDS_CARE.search(text):
        for match in _PLAIN_WORD.finditer(text):
            yield match.start(), match.group()
        return
    index = 0
    length = len(text)
    while index < length:
        while index < length and text[index].isspace():
            index += 1
        if index >= length:
            return
        start = index
        depth = 0
        quote: str | None = None
        while index < length:
            char = text[index]
            if quote:
                if char == quote:
                    quote = None
            elif char in "'\"":
                quote = char
            elif char in "([":
                depth += 1
            elif char in ")]":
                depth -= 1
            elif char.isspace() and depth <= 0:
                break
            index += 1
        yield start, text[start:index]


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
