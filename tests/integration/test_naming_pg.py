"""The default names match what a real PostgreSQL chooses."""

import psycopg
import pytest

from schemagen.model.pg.naming import (
    default_constraint_name,
    default_index_name,
    default_sequence_name,
    figure_index_colname,
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
