"""The SQL-reference analyser: relations, columns, functions and types a text uses."""

from __future__ import annotations

import doctest

import pytest

from schemagen.model.pg import sqlrefs
from schemagen.model.pg.sqlbodies import Signature
from schemagen.model.pg.sqlrefs import Declared, Text, references

DECLARED = Declared(
    relations={("public", "t"): ("a", "b"), ("app", "u"): ("a", "c"), ("app", "t"): ("z",)},
    functions=frozenset({("app", "f"), ("public", "g")}),
    types=frozenset({("app", "mood")}),
    sequences=frozenset({("app", "s")}),
)


def _query(text: str, **kwargs) -> sqlrefs.References:
    return references(text, Text.QUERY, declared=DECLARED, **kwargs)


def test_unqualified_relation_and_column_resolve_through_the_search_path() -> None:
    refs = _query("SELECT a FROM t")
    assert refs.known
    assert refs.relations == {("public", "t")}
    assert refs.columns == {("public", "t", "a")}
    assert _query("SELECT z FROM t", search_path=("app", "public")).columns == {("app", "t", "z")}


def test_without_a_catalog_every_candidate_of_the_path_is_named() -> None:
    refs = references("SELECT a FROM t", Text.QUERY, search_path=("app", "public"))
    assert refs.relations == {("app", "t"), ("public", "t")}
    assert refs.columns == {("app", "t", "a"), ("public", "t", "a")}


def test_columns_belong_to_the_relation_that_has_them() -> None:
    refs = _query("SELECT b, c FROM t JOIN app.u USING (a) WHERE x.a > 0", search_path=("public",))
    assert refs.columns == {
        ("public", "t", "a"),
        ("public", "t", "b"),
        ("app", "u", "a"),
        ("app", "u", "c"),
    }


def test_star_uses_every_declared_column() -> None:
    assert _query("SELECT * FROM t").columns == {("public", "t", "a"), ("public", "t", "b")}
    assert _query("SELECT u.* FROM app.u, t").columns == {("app", "u", "a"), ("app", "u", "c")}


def test_aliases_correlated_subqueries_and_ctes() -> None:
    refs = _query("SELECT x.a, (SELECT max(c) FROM app.u WHERE u.a = x.b) FROM t x")
    assert refs.columns == {("public", "t", "a"), ("public", "t", "b"), ("app", "u", "a"), ("app", "u", "c")}
    cte = _query("WITH t AS (SELECT c FROM app.u) SELECT c FROM t")
    assert cte.relations == {("app", "u")}
    assert cte.columns == {("app", "u", "c")}


def test_functions_with_argument_counts_types_and_sequences() -> None:
    refs = _query("SELECT app.f(a, 2)::app.mood, g(), lower('x'), nextval('app.s'::regclass) FROM t")
    assert refs.functions == {("app", "f", 2), ("public", "g", 0)}
    assert refs.types == {("app", "mood")}
    assert refs.sequences == {("app", "s")}
    assert _query("SELECT app.f(VARIADIC ARRAY[1])").functions == {("app", "f", None)}


def test_an_expression_reads_its_table_and_a_trigger_condition_new_and_old() -> None:
    refs = references("a > 0 AND b::app.mood IS NULL", table=("public", "t"), declared=DECLARED)
    assert refs.columns == {("public", "t", "a"), ("public", "t", "b")}
    assert refs.types == {("app", "mood")}
    when = references("NEW.a IS DISTINCT FROM OLD.a", table=("public", "t"), declared=DECLARED)
    assert when.columns == {("public", "t", "a")}


def test_policy_subquery_reads_other_tables() -> None:
    refs = references("c IN (SELECT a FROM t)", table=("app", "u"), declared=DECLARED)
    assert refs.columns == {("app", "u", "c"), ("public", "t", "a")}
    assert refs.relations == {("public", "t")}


def test_sql_bodies_quoted_and_standard() -> None:
    signature = Signature(arguments=(("IN", "p", "integer"),))
    quoted = references("SELECT sum(a) FROM t WHERE b = p", Text.BODY, declared=DECLARED, signature=signature)
    assert quoted.columns == {("public", "t", "a"), ("public", "t", "b")}
    standard = references("BEGIN ATOMIC SELECT sum(a) FROM t; END", Text.BODY, declared=DECLARED)
    assert standard.columns == {("public", "t", "a")}
    returned = references("RETURN g() + 1", Text.BODY, declared=DECLARED)
    assert returned.functions == {("public", "g", 0)}


def test_plpgsql_body_statements_and_variables() -> None:
    body = (
        "DECLARE n int; BEGIN SELECT count(*) INTO n FROM app.u WHERE c = 1;"
        " INSERT INTO t (a) VALUES (n); RETURN n; END"
    )
    refs = references(
        body, Text.BODY, declared=DECLARED, language="plpgsql", signature=Signature(returns="int")
    )
    assert refs.known
    assert refs.relations == {("app", "u"), ("public", "t")}
    assert refs.columns == {("app", "u", "c"), ("public", "t", "a")}


@pytest.mark.parametrize(
    ("text", "what", "language"),
    [
        ("SELECT FROM WHERE app.u, t x", Text.QUERY, "sql"),
        ("lower(", Text.EXPRESSION, "sql"),
        ("BEGIN RETURN app.u; END", Text.BODY, "plpgsql"),  # no RETURNS: void
        ("anything", Text.BODY, "c"),
        ("'unterminated", Text.QUERY, "sql"),
    ],
)
def test_text_that_does_not_parse_is_unknown_never_an_exception(text: str, what: Text, language: str) -> None:
    refs = references(text, what, declared=DECLARED, language=language)
    assert not refs.known
    assert refs.uses_column(("app", "u"), "c") == (("app", "u") in refs.relations)


def test_unknown_names_what_the_scanner_sees() -> None:
    refs = references("SELECT FROM WHERE app.u, t x", Text.QUERY, declared=DECLARED)
    assert refs.relations == {("app", "u"), ("public", "t")}
    assert refs.uses_column(("public", "t"), "a")


def test_results_are_cached_per_text_and_search_path() -> None:
    first = _query("SELECT a FROM t")
    assert _query("SELECT a FROM t") is first
    assert _query("SELECT a FROM t", search_path=("app", "public")) is not first


def test_doctests() -> None:
    assert doctest.testmod(sqlrefs).failed == 0


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("SELECT x.a, y.c FROM t x, LATERAL (SELECT c FROM app.u WHERE u.a = x.b) y", "t.a t.b u.a u.c"),
        ("SELECT a FROM t UNION SELECT c FROM app.u ORDER BY 1", "t.a u.c"),
        ("SELECT a AS z FROM t ORDER BY z, b", "t.a t.b"),
        ("SELECT sum(a) OVER (PARTITION BY b) FROM t", "t.a t.b"),
        ("SELECT a FROM t WHERE EXISTS (SELECT 1 FROM app.u WHERE c = a)", "t.a u.a u.c"),  # inner a first
        ("WITH RECURSIVE r AS (SELECT a FROM t UNION ALL SELECT a + 1 FROM r) SELECT * FROM r", "t.a"),
        ("SELECT (t.a).x, t.b[1] FROM t", "t.a t.b"),
        ("SELECT g.x FROM generate_series(1, 3) AS g(x)", ""),
    ],
)
def test_query_shapes(text: str, columns: str) -> None:
    found = {f"{table}.{column}" for _, table, column in _query(text).columns}
    assert found == set(columns.split())


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("INSERT INTO t (a) SELECT c FROM app.u ON CONFLICT (a) DO UPDATE SET b = excluded.b", "t.a t.b u.c"),
        ("UPDATE t SET b = u.c FROM app.u WHERE u.a = t.a", "t.a t.b u.a u.c"),
        ("DELETE FROM t USING app.u WHERE u.a = t.a AND c > 0 RETURNING t.b", "t.a t.b u.a u.c"),
    ],
)
def test_data_changing_statements(text: str, columns: str) -> None:
    found = {f"{t}.{c}" for _, t, c in references(text, Text.BODY, declared=DECLARED).columns}
    assert found == set(columns.split())


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "a\x00b",
        "SELECT '\x00'",
        "$$",
        "/*",
        '"',
        "E'\\",
        "SELECT 1; SELECT 2",
        "SELECT " + "(" * 3000 + "1",
    ],
)
@pytest.mark.parametrize("what", list(Text))
@pytest.mark.parametrize("language", ["sql", "plpgsql"])
def test_never_raises(text: str, what: Text, language: str) -> None:
    found = references(text, what, language=language, table=("s", "t"), declared=DECLARED)
    assert isinstance(found, sqlrefs.References)
