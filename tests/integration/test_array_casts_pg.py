"""PostgreSQL settles ``(ARRAY[…])::t[]`` on the second round exactly as ``settle_array_casts`` does.

Each CHECK is created from its text, read back (round 1), created again from that
text (round 2) and once more (round 3): round 1 settled is round 2, and round 2 is
settled already (round 3 equals it). Pretty and plain ``pg_get_expr`` both.
"""

from __future__ import annotations

import psycopg
import pytest

from schemagen.model.pg.array_casts import settle_array_casts

pytestmark = pytest.mark.integration

TABLE = "CREATE TABLE t (v varchar(10), vv varchar, c char(3), n numeric(5,2), i smallint, j jsonb)"
CASES = [
    "v IN ('a', 'b')",
    "vv NOT IN ('a', 'b')",
    "v IN ('a', 'b') AND c IN ('z')",
    "c IN ('a', 'b')",
    "n IN (1.5, 2)",
    "i IN (1, 2)",
    "v = ANY (ARRAY['a', 'b'])",
    "(j ->> 'k') IN ('a', 'b')",
]


@pytest.mark.parametrize("pretty", [False, True], ids=["plain", "pretty"])
@pytest.mark.parametrize("case", CASES)
def test_postgres_settles_array_casts_as_we_do(fresh_db, case, pretty):
    texts = [case]
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        for _ in range(3):
            conn.execute("DROP TABLE IF EXISTS t")
            conn.execute(TABLE)
            conn.execute(f"ALTER TABLE t ADD CONSTRAINT k CHECK ({texts[-1]})")
            row = conn.execute(
                "SELECT pg_get_expr(conbin, conrelid, %s) FROM pg_constraint WHERE conname = 'k'", (pretty,)
            ).fetchone()
            texts.append(row[0])
    assert settle_array_casts(texts[1]) == texts[2]
    assert settle_array_casts(texts[2]) == texts[2] == texts[3]
