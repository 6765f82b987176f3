"""The default names match what a real PostgreSQL chooses."""

import psycopg
import pytest

from schemagen.model.pg.colname import figure_index_colname
from schemagen.model.pg.naming import (
    default_constraint_name,
    default_index_name,
    default_sequence_name,
)

pytestmark = pytest.mark.integration

T = "t" * 63
C = "c" * 40


def _names(dsn: str, kind_sql: str) -> set[str]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        return {row[0] for row in conn.execute(kind_sql)}


def test_names_match_postgres(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(
            f"CREATE TABLE {T} (id serial PRIMARY KEY, {C} int UNIQUE CHECK ({C} > 0), "
            f"ref int REFERENCES {T}(id), a int, b int, title text, CHECK (a < b), CHECK (a > 0))"
        )
        conn.execute(f"CREATE INDEX ON {T} (a, b) INCLUDE (title)")
        conn.execute(f"CREATE UNIQUE INDEX ON {T} (lower(title), (a + b))")
        conn.execute(f"CREATE INDEX ON {T} ((a + b), (a - b))")
        conn.execute(f"CREATE INDEX ON {T} (a)")
        conn.execute(f"CREATE INDEX ON {T} (a)")
        constraints = _names(
            fresh_db, "SELECT conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
        )
        indexes = _names(fresh_db, "SELECT relname FROM pg_class WHERE relkind = 'i'")
        sequences = _names(fresh_db, "SELECT relname FROM pg_class WHERE relkind = 'S'")
    taken: set[str] = set()
    expected_constraints = {
        default_constraint_name(T, None, "pkey"),
        default_constraint_name(T, [C], "key"),
        default_constraint_name(T, [C], "check"),
        default_constraint_name(T, ["ref"], "fkey"),
        default_constraint_name(T, ["a", "b"], "check"),
        default_constraint_name(T, ["a"], "check"),
    }
    assert expected_constraints <= constraints
    taken = set(constraints)
    first = default_index_name(T, ["a", "b", "title"], taken=taken)
    taken.add(first)
    second = default_index_name(T, [figure_index_colname("lower(title)"), None], unique=True, taken=taken)
    taken.add(second)
    third = default_index_name(T, [None, None], taken=taken)
    taken.add(third)
    fourth = default_index_name(T, ["a"], taken=taken)
    taken.add(fourth)
    fifth = default_index_name(T, ["a"], taken=taken)
    assert {first, second, third, fourth, fifth} <= indexes
    assert default_sequence_name(T, "id") in sequences


INDEX_EXPRESSIONS = [
    "lower(title)",
    "(a + b)",
    "(a + b)::text",
    "coalesce(a, b)",
    "CASE WHEN a > 0 THEN 1 END",
    "CASE WHEN a > 0 THEN 1 ELSE b END",
    "(ARRAY[a, b])",
    "nullif(a, b)",
    "greatest(a, b)",
    '(title COLLATE "C")',
    "(payload ->> 'k')",
    "(payload -> 'k')::text",
    "((tags)[1])",
    "((pair).x)",
    "CAST(a AS text)",
    "(a::double precision)",
    "public.lower_it(title)",
    "(upper(title) || lower(title))",
    "(b)",
]


def test_index_column_names_match_postgres(fresh_db: str) -> None:
    """figure_index_colname names each expression as PostgreSQL does (None is PostgreSQL's ``expr``)."""
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("CREATE TYPE pair AS (x int, y int)")
        conn.execute("CREATE FUNCTION lower_it(text) RETURNS text IMMUTABLE LANGUAGE sql RETURN lower($1)")
        conn.execute("CREATE TABLE e (a int, b int, title text, payload jsonb, tags int[], pair pair)")
        found = {}
        for number, expression in enumerate(INDEX_EXPRESSIONS):
            conn.execute(f"CREATE INDEX e_{number} ON e (({expression}))")
            [(name,)] = conn.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum = 1",
                (f"e_{number}",),
            ).fetchall()
            found[expression] = name
    expected = {expression: figure_index_colname(expression) or "expr" for expression in INDEX_EXPRESSIONS}
    assert expected == found
