"""The one quote-aware scanner of SQL text: where brackets match, where a list splits.

Every stage that looks inside an expression, a type or a signature (matching a
parenthesis, stripping wrapping ones, splitting at top-level commas or dots,
cutting a shorthand into words) walks the text the same way, as PostgreSQL's
lexer would: ``'…'`` literals (``''`` doubled, ``E'…'`` with backslash escapes),
``"…"`` identifiers, ``$tag$…$tag$`` dollar quotes, ``-- …`` and (nested)
``/* … */`` comments are opaque; ``(``/``[`` open a level and ``)``/``]`` close it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemagen.model.pg.quoting import unquote_ident

# "any non-ASCII character" as [^\x00-\x7f]: a class spelled \x80-\U0010ffff compiles in ~10 ms
# (a bitmap of every code point), which every command paid at start-up
_DOLLAR_TAG = re.compile(r"\$(?:(?:[A-Za-z_]|[^\x00-\x7f])(?:[A-Za-z0-9_]|[^\x00-\x7f])*)?\$")
_IDENT_CHAR = re.compile(r"(?:[A-Za-z0-9_$]|[^\x00-\x7f])")
_OPENERS = "(["
_CLOSERS = ")]"


def _opaque_end(text: str, index: int) -> int:
    """End (exclusive) of the quoted or commented region starting at ``index``, or -1 if none."""
    char = text[index]
    if char == "'":
        escapes = index > 0 and text[index - 1] in "eE" and not _word_before(text, index - 1)
        return _quoted_end(text, index, "'", escapes)
    if char == '"':
        return _quoted_end(text, index, '"', False)
    if char == "$" and not _word_before(text, index):
        tag = _DOLLAR_TAG.match(text, index)
        if tag is None:
            return -1
        close = text.find(tag.group(), tag.end())
        return len(text) if close < 0 else close + len(tag.group())
    if text.startswith("--", index):
        newline = text.find("\n", index)
        return len(text) if newline < 0 else newline
    if text.startswith("/*", index):
        return _comment_end(text, index)
    return -1


def _word_before(text: str, index: int) -> bool:
    return index > 0 and _IDENT_CHAR.match(text[index - 1]) is not None


def _quoted_end(text: str, index: int, quote: str, escapes: bool) -> int:
    position = index + 1
    while position < len(text):
        char = text[position]
        if escapes and char == "\\":
            position += 2
            continue
        if char == quote:
            if text.startswith(quote, position + 1):
                position += 2
                continue
            return position + 1
        position += 1
    return len(text)


def _comment_end(text: str, index: int) -> int:
    depth, position = 0, index
    while position < len(text):
        if text.startswith("/*", position):
            depth, position = depth + 1, position + 2
        elif text.startswith("*/", position):
            depth, position = depth - 1, position + 2
            if depth == 0:
                return position
        else:
            position += 1
    return len(text)


def top_level(text: str) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth)`` for each character outside quotes and comments.

    The depth counts after the character: an opening bracket reports the depth it
    opens, a closing one the depth it returns to. Of a quoted or commented region
    only its first character is reported (so a word may start with a quote).

    >>> [(i, c, d) for i, c, d in top_level("f('(', x[1])") if c in "()[]"]
    [(1, '(', 1), (8, '[', 2), (10, ']', 1), (11, ')', 0)]
    >>> [c for _, c, _ in top_level("a $$ ( $$ -- )")]
    ['a', ' ', '$', ' ', '-']
    """
    depth = 0
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in "'\"$-/":
            end = _opaque_end(text, index)
            if end > index:
                yield index, char, depth
                index = end
                continue
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
        yield index, char, depth
        index += 1


def matching_paren(text: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (quotes respected), or -1.

    >>> matching_paren("f(a, ')') + 1", 1), matching_paren("a[(1)]", 1)
    (8, 5)
    """
    for index, char, depth in top_level(text[start:]):
        if char in _CLOSERS and depth == 0:
            return start + index
    return -1


def is_wrapped(text: str) -> bool:
    """Whether ``text`` is one parenthesised group: its first ``(`` closes at the last character.

    >>> is_wrapped("(a + b)"), is_wrapped("(a) + (b)"), is_wrapped("a")
    (True, False, False)
    """
    return text.startswith("(") and matching_paren(text, 0) == len(text) - 1


def strip_outer_parens(text: str) -> str:
    """Remove parentheses that wrap the whole text, however many (blanks stripped).

    >>> strip_outer_parens("((a > 0))"), strip_outer_parens(" (a) AND (b) ")
    ('a > 0', '(a) AND (b)')
    """
    text = text.strip()
    while is_wrapped(text):
        text = text[1:-1].strip()
    return text


def split_top_level(text: str, separator: str = ",") -> list[str]:
    """Split at ``separator`` outside brackets, quotes and comments, stripping each part.

    A blank text has no parts.

    >>> split_top_level("numeric(12,2), 'a,b', ARRAY[1,2], $$x,y$$")
    ['numeric(12,2)', "'a,b'", 'ARRAY[1,2]', '$$x,y$$']
    >>> split_top_level("  ")
    []
    """
    if not text.strip():
        return []
    parts: list[str] = []
    start = 0
    for index, char, depth in top_level(text):
        if char == separator and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return parts


def split_dotted(text: str) -> list[str]:
    """Split ``a.b`` at top-level dots, unquoting each part.

    >>> split_dotted('agents."My.Type"'), split_dotted("public.vector(1.5)")
    (['agents', 'My.Type'], ['public', 'vector(1.5)'])
    """
    return [unquote_ident(part) for part in split_top_level(text, ".")]


def search_path_schemas(text: str) -> list[str]:
    """The schemas of a ``search_path`` setting, unquoted; ``""`` (empty) has none.

    >>> search_path_schemas('agents, "$user", "My, Schema"'), search_path_schemas('""')
    (['agents', '$user', 'My, Schema'], [])
    """
    return [name for name in (unquote_ident(part) for part in split_top_level(text)) if name]


_PLAIN = re.compile(r"[^'\"()\[\]$/-]*")
_WORD = re.compile(r"\S+")


def words(text: str) -> Iterator[tuple[int, str]]:
    """Top-level words of ``text`` with their offsets; brackets and quotes stay whole.

    >>> [w for _, w in words("numeric(12, 2) not null default 'a b'")]
    ['numeric(12, 2)', 'not', 'null', 'default', "'a b'"]
    """
    if _PLAIN.fullmatch(text):
        for match in _WORD.finditer(text):
            yield match.start(), match.group()
        return
    start: int | None = None
    for index, char, depth in top_level(text):
        if char.isspace() and depth <= 0:
            if start is not None:
                yield start, text[start:index]
                start = None
        elif start is None:
            start = index
    if start is not None:
        yield start, text[start:].rstrip()


def clean_query(query: str) -> str:
    """A view query without surrounding whitespace or a trailing semicolon (declared or read back).

    >>> clean_query(" SELECT 1;\\n")
    'SELECT 1'
    """
    return query.strip().rstrip(";").rstrip()
