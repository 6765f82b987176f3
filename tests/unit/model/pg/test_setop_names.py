"""keep_setop_column_names: ``AS "?column?"`` exactly where a later branch would be renamed."""

from __future__ import annotations

import pytest

from schemagen.model.pg.setop_names import keep_setop_column_names

CASES = [
    # the last target before FROM; a name PostgreSQL derives (int4)
    (
        "SELECT a.r, a.c FROM a UNION ALL SELECT b.r, NULL::integer FROM b",
        'SELECT a.r, a.c FROM a UNION ALL SELECT b.r, NULL::integer AS "?column?" FROM b',
    ),
    # not the last target; brackets, a multi-byte literal before it
    (
        "SELECT 'é' AS x, 1 AS y UNION SELECT 'ü'::text, f(1, (2)) FROM b",
        "SELECT 'é' AS x, 1 AS y UNION SELECT 'ü'::text AS \"?column?\", f(1, (2)) AS \"?column?\" FROM b",
    ),
    # IS DISTINCT FROM and WITHIN GROUP do not end the target; a parenthesised branch
    (
        "SELECT 1 AS a, 2 AS b UNION (SELECT (x IS DISTINCT FROM y)::int, "
        "percentile_disc(0.5) WITHIN GROUP (ORDER BY z) FROM t)",
        'SELECT 1 AS a, 2 AS b UNION (SELECT (x IS DISTINCT FROM y)::int AS "?column?", '
        'percentile_disc(0.5) WITHIN GROUP (ORDER BY z) AS "?column?" FROM t)',
    ),
    # every later branch of a chain, none of the first; no FROM at all
    (
        "SELECT 1 AS a UNION SELECT CASE WHEN true THEN 1 END UNION SELECT coalesce(2, 3)",
        'SELECT 1 AS a UNION SELECT CASE WHEN true THEN 1 END AS "?column?" '
        'UNION SELECT coalesce(2, 3) AS "?column?"',
    ),
    # set operations spelled in lower case (the text is parsed only when one may be there)
    (
        "select a.r, a.c from a except select b.r, null::integer from b",
        'select a.r, a.c from a except select b.r, null::integer AS "?column?" from b',
    ),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_unnamed_targets_named(query, expected):
    assert keep_setop_column_names(query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "SELECT NULL::integer FROM a",  # no set operation
        "SELECT a.r FROM a UNION SELECT b.r FROM b",  # column references keep their own name
        "SELECT 1 + a.r FROM a UNION SELECT 2 * b.r FROM b",  # PostgreSQL names those ?column? anyway
        "SELECT 1 UNION SELECT NULL::integer AS x",  # already named
        "SELECT NULL::int4 FROM",  # does not parse: left alone
    ],
)
def test_left_alone(query):
    assert keep_setop_column_names(query) == query
