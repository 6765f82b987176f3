"""Scanning SQL text with quotes respected: the one place parentheses are matched.

Every stage that looks inside an expression, a type or a signature (matching a
parenthesis, stripping wrapping ones, splitting at top-level commas, finding a
top-level ``::``) walks the text the same way: characters inside ``'…'`` or
``"…"`` are skipped and only ``(``/``)`` change the depth. A doubled quote
(``''``) closes and reopens the literal, which leaves the depth unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator


def top_level(text: str) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each character outside quotes; depth counts after the char.

    An opening parenthesis reports the depth it opens, a closing one the depth it
    returns to, so ``depth == 0`` with ``char == ")"`` closes the outermost group.

    >>> [(i, c, d) for i, c, d in top_level("f('(', x)") if c in "()"]
    [(1, '(', 1), (8, ')', 0)]
    """
    depth = 0
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield index, char, depth


def matching_paren(text: str, start: int) -> int:
    """Index of the parenthesis closing the one at ``start`` (quotes respected), or -1.

    >>> matching_paren("f(a, ')') + 1", 1)
    8
    """
    for index, char, depth in top_level(text[start:]):
        if char == ")" and depth == 0:
            return start + index
    return -1


def is_wrapped(text: str) -> bool:
    """Whether ``text`` is one parenthesised group: its first ``(`` closes at the last character.

    >>> is_wrapped("(a + b)"), is_wrapped("(a) + (b)"), is_wrapped("a")
    (True, False, False)
    """
    return text.startswith("(") and matching_paren(text, 0) == len(text) - 1


def strip_outer_parens(text: str) -> str:
    """Remove parentheses that wrap the whole text, however many (blanks inside stripped).

    >>> strip_outer_parens("((a > 0))"), strip_outer_parens("(a) AND (b)")
    ('a > 0', '(a) AND (b)')
    """
    while is_wrapped(text):
        text = text[1:-1].strip()
    return text


def split_top_level(text: str) -> list[str]:
    """Split at commas outside parentheses and quotes, stripping each part.

    An empty or blank text has no parts.

    >>> split_top_level("numeric(12,2), 'a,b', text")
    ['numeric(12,2)', "'a,b'", 'text']
    """
    parts: list[str] = []
    start = 0
    for index, char, depth in top_level(text):
        if char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    tail = text[start:].strip()
    return [*parts, tail] if tail or parts else []
