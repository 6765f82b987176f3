"""Which index a ``CREATE INDEX CONCURRENTLY`` statement builds (read with PostgreSQL's parser).

A concurrent build that fails leaves its index behind, marked INVALID; whoever ran the
statement must know its name to remove it.
"""

from __future__ import annotations

import pglast
from pglast import ast


def concurrent_index_built(statement: str) -> tuple[str, str] | None:
    """(schema, name) of the index a ``CREATE INDEX CONCURRENTLY`` builds (schema: its table's;
    "" when unqualified); None for any other statement, or text the parser refuses.

    >>> concurrent_index_built('CREATE INDEX CONCURRENTLY "a b" ON app.t (x);')
    ('app', 'a b')
    >>> concurrent_index_built("CREATE INDEX i ON app.t (x);") is None
    True
    """
    try:
        parsed = pglast.parse_sql(statement)
    except pglast.parser.ParseError:
        return None
    if len(parsed) != 1:
        return None
    node = parsed[0].stmt
    if not isinstance(node, ast.IndexStmt) or not node.concurrent or not node.idxname:
        return None
    return (node.relation.schemaname or "", node.idxname)
