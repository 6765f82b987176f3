"""Array casts as PostgreSQL settles them: ``(ARRAY[a, b])::t[]`` is read as ``ARRAY[(a)::t, (b)::t]``.

``varchar_col IN ('x', 'y')`` is stored as an array of ``varchar`` constants coerced
to ``text[]``, and ``pg_get_expr`` prints ``((ARRAY['x'::character varying, …])::text[])``.
Given that text back, PostgreSQL's parser pushes a cast of an ``ARRAY[…]``
constructor into its elements (``transformTypeCast`` hands the target type to
``transformArrayExpr``), so the second round prints
``ARRAY[('x'::character varying)::text, …]`` and stays so (pretty-printed:
``ARRAY['x'::character varying::text, …]``). The catalog readers put
expressions in that settled form, so a database and one rebuilt from its inspected
YAML read the same text (and the diff sees no change).
"""

from __future__ import annotations

from functools import lru_cache

from pglast import ast
from pglast.parser import ParseError, scan

from schemagen.model.pg.sqlparse import parse_expression, walk

_PREFIX = "SELECT "


@lru_cache(maxsize=16384)
def settle_array_casts(text: str) -> str:
    """``text`` with every cast of an ``ARRAY[…]`` of typed elements pushed into the elements.

    >>> settle_array_casts("(c)::text = ANY ((ARRAY['a'::varchar, 'b'::varchar])::text[])")
    "(c)::text = ANY (ARRAY[('a'::varchar)::text, ('b'::varchar)::text])"
    >>> settle_array_casts("c::text = ANY (ARRAY['a'::varchar, 'b'::varchar]::text[])")  # pretty
    "c::text = ANY (ARRAY['a'::varchar::text, 'b'::varchar::text])"
    >>> settle_array_casts("(c = ANY (ARRAY[1, 2]))")
    '(c = ANY (ARRAY[1, 2]))'
    """
    if "]::" not in text and "])::" not in text:
        return text
    parsed = parse_expression(text)
    if parsed.node is None:
        return text
    source = _PREFIX + text
    try:
        spans = [(t.start, t.end + 1, source[t.start : t.end + 1]) for t in scan(source)]
    except ParseError:
        return text
    edits = []
    for node in walk(parsed.node, into_subqueries=True):
        edit = _pushed_down(node, source, spans)
        if edit is not None:
            edits.append(edit)
    edits.sort()
    result, last = [], 0
    for start, end, replacement in edits:
        if start < last:  # nested inside one already rewritten: keep the outer edit only
            continue
        result += [source[last:start], replacement]
        last = end
    result.append(source[last:])
    return "".join(result)[len(_PREFIX) :]


def _pushed_down(node: ast.Node, source: str, spans: list[tuple[int, int, str]]) -> tuple | None:
    """(start, end, replacement) for a cast of ``ARRAY[…]`` to a one-dimensional array type."""
    if not (isinstance(node, ast.TypeCast) and isinstance(node.arg, ast.A_ArrayExpr)):
        return None
    array, type_name = node.arg, node.typeName
    elements = array.elements or ()
    if not elements or len(type_name.arrayBounds or ()) != 1:
        return None
    if not all(isinstance(e, ast.TypeCast) for e in elements):
        return None  # PostgreSQL prints coerced elements with their own casts only
    starts = [i for i, (start, _, _) in enumerate(spans) if start == array.list_start]
    if not starts or starts[0] == 0 or spans[starts[0] - 1][2].upper() != "ARRAY":
        return None
    open_at, close_at = starts[0], _matching(spans, starts[0])
    if close_at is None:
        return None
    first, after = open_at - 1, close_at + 1
    pretty = True
    if first > 0 and spans[first - 1][2] == "(" and after < len(spans) and spans[after][2] == ")":
        first, after, pretty = first - 1, after + 1, False
    if after >= len(spans) or spans[after][2] != "::":
        return None
    bound = next((i for i in range(after + 1, len(spans)) if spans[i][2] == "["), None)
    if bound is None or bound + 1 >= len(spans) or spans[bound + 1][2] != "]":
        return None
    element_type = source[spans[after + 1][0] : spans[bound - 1][1]]
    texts = _elements(source, spans, open_at, close_at)
    if len(texts) != len(elements):
        return None
    casts = [
        f"{t}::{element_type}" if pretty and isinstance(e.arg, ast.A_Const) else f"({t})::{element_type}"
        for t, e in zip(texts, elements, strict=True)
    ]
    replacement = "ARRAY[" + ", ".join(casts) + "]"
    return spans[first][0], spans[bound + 1][1], replacement


def _matching(spans: list[tuple[int, int, str]], open_at: int) -> int | None:
    depth = 0
    for i in range(open_at, len(spans)):
        token = spans[i][2]
        depth += token in ("(", "[")
        depth -= token in (")", "]")
        if depth == 0:
            return i
    return None


def _elements(source: str, spans: list[tuple[int, int, str]], open_at: int, close_at: int) -> list[str]:
    """The text of each top-level element between ``[`` and ``]``."""
    texts, depth, begin = [], 0, open_at + 1
    for i in range(open_at + 1, close_at + 1):
        token = spans[i][2]
        if depth == 0 and token in (",", "]"):
            if i > begin:
                texts.append(source[spans[begin][0] : spans[i - 1][1]])
            begin = i + 1
            continue
        depth += token in ("(", "[")
        depth -= token in (")", "]")
    return texts
