"""Keep the column names of a set operation's later branches when a view query is written back.

``pg_get_viewdef`` leaves out the ``AS`` of a target in a later branch of a
``UNION``/``INTERSECT``/``EXCEPT`` (its name is not visible) when that name is
``?column?``, PostgreSQL's name for an expression it cannot name. But the printed
expression often can be named: ``NULL`` of ``SELECT r, NULL FROM t`` comes back as
``NULL::integer`` (the branch was coerced to the first one's type), and recreating
the view from that text names the column ``int4``. Where no view's column list
hides it (a set operation inside a subquery), the next ``pg_get_viewdef`` then
prints ``NULL::integer AS int4``: the text stops round-tripping. Writing
``AS "?column?"`` on exactly those targets recreates the name PostgreSQL had.
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, parse_sql
from pglast.enums import SetOperation
from pglast.parser import ParseError, scan

from schemagen.model.pg.colname import figure_colname
from schemagen.model.pg.sqlparse import walk

_UNNAMED = ' AS "?column?"'
# tokens that end a SELECT's target list when met outside brackets
_LIST_ENDS = frozenset(
    {
        "FROM",
        "INTO",
        "WHERE",
        "GROUP_P",
        "HAVING",
        "WINDOW",
        "ORDER",
        "LIMIT",
        "OFFSET",
        "FETCH",
        "FOR",
        "UNION",
        "INTERSECT",
        "EXCEPT",
        "ASCII_44",  # ,
        "ASCII_59",  # ;
    }
)
# ... unless the token before makes them part of an expression
_NOT_AN_END = {"FROM": "DISTINCT", "GROUP_P": "WITHIN"}
_OPEN = {"ASCII_40", "ASCII_91"}
_CLOSE = {"ASCII_41", "ASCII_93"}


def keep_setop_column_names(query: str) -> str:
    """``query`` with ``AS "?column?"`` where a later set-operation branch would be renamed.

    >>> keep_setop_column_names(
    ...     "SELECT q.r FROM ( SELECT a.r, a.c FROM a UNION ALL SELECT b.r, NULL::integer FROM b) q"
    ... )
    'SELECT q.r FROM ( SELECT a.r, a.c FROM a UNION ALL SELECT b.r, NULL::integer AS "?column?" FROM b) q'
    >>> keep_setop_column_names("SELECT a.r + 1 FROM a UNION SELECT b.r + 2 FROM b")
    'SELECT a.r + 1 FROM a UNION SELECT b.r + 2 FROM b'
    """
    lowered = query.lower()
    if "union" not in lowered and "intersect" not in lowered and "except" not in lowered:
        return query  # no set operation: nothing to parse
    try:
        statements = parse_sql(query)
        tokens = list(scan(query))
    except ParseError:
        return query
    ends = sorted({_target_end(tokens, target.location) for target in _renamed_targets(statements)})
    for end in reversed(ends):
        query = query[:end] + _UNNAMED + query[end:]
    return query


def _renamed_targets(statements: object) -> Iterator[ast.ResTarget]:
    """Unaliased targets of later branches that a re-parse would name (not ``?column?``)."""
    seen: set[int] = set()
    for node in walk(statements, into_subqueries=True):
        if not isinstance(node, ast.SelectStmt) or node.op == SetOperation.SETOP_NONE:
            continue
        for leaf in _leaves(node.rarg):
            if id(leaf) in seen:
                continue
            seen.add(id(leaf))
            for target in leaf.targetList or ():
                unnamed = target.name is None and not isinstance(target.val, ast.ColumnRef)
                if unnamed and figure_colname(target.val) is not None:
                    yield target


def _leaves(node: ast.SelectStmt) -> Iterator[ast.SelectStmt]:
    if node.op == SetOperation.SETOP_NONE:
        yield node
        return
    yield from _leaves(node.larg)
    yield from _leaves(node.rarg)


def _target_end(tokens: list, location: int) -> int:
    """Offset just after the target expression starting at ``location``."""
    depth, end, previous = 0, location, None
    for token in tokens:
        if token.start < location:
            continue
        if depth == 0 and token.name in _LIST_ENDS and _NOT_AN_END.get(token.name) != previous:
            break
        if token.name in _OPEN:
            depth += 1
        elif token.name in _CLOSE:
            depth -= 1
            if depth < 0:
                break
        end, previous = token.end + 1, token.name
    return end
