"""Small, quote-aware scanners for the SQL fragments PostgreSQL prints.

PostgreSQL's deparsed text is regular (``pg_get_expr``, ``pg_get_partkeydef``,
``pg_get_triggerdef``), so splitting it at top-level commas and matching
parentheses outside string literals and quoted identifiers is enough.
"""

from __future__ import annotations


def _scan(text: str):
    """Yield (index, char, depth) for characters outside quotes."""
    depth = 0
    quote: str | None = None
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                if index + 1 < len(text) and text[index + 1] == quote:
                    index += 2
                    continue
                quote = None
            index += 1
            continue
        if char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        yield index, char, depth
        index += 1


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split at ``separator`` outside parentheses and quotes, stripping each part.

    >>> split_top_level("a, (b, c), 'd,e'")
    ['a', '(b, c)', "'d,e'"]
    >>> split_top_level("")
    []
    """
    if not text.strip():
        return []
    parts: list[str] = []
    start = 0
    for index, char, depth in _scan(text):
        if char == separator and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


def matching_paren(text: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start`` (-1 if unbalanced).

    >>> matching_paren("f(a, ')') + 1", 1)
    8
    """
    for index, char, depth in _scan(text[start:]):
        if char == ")" and depth == 0:
            return start + index
    return -1


def strip_outer_parens(text: str) -> str:
    """Remove parentheses that wrap the whole text, as PostgreSQL adds them.

    >>> strip_outer_parens("((a > 0))")
    'a > 0'
    >>> strip_outer_parens("(a) AND (b)")
    '(a) AND (b)'
    """
    text = text.strip()
    while text.startswith("(") and matching_paren(text, 0) == len(text) - 1:
        text = text[1:-1].strip()
    return text


def unquote_identifier(text: str) -> str:
    """``"My Col"`` → ``My Col``; bare identifiers are returned as they are.

    >>> unquote_identifier('"a""b"')
    'a"b'
    """
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text
