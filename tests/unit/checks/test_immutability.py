"""Volatility: index expressions/predicates, generated columns, partition keys, CHECKs."""

from __future__ import annotations

import pytest

from schemagen.checks.immutability import check_immutability, check_unknown_functions
from schemagen.diagnostics import Severity
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Domain,
    Extension,
    Function,
    Index,
    IndexElement,
    PartitionSpec,
)
from tests.unit.checks.builders import codes, col, qn, span, table

SESSIONS = table(
    "sessions.active",
    col("session_id", "uuid"),
    col("expires_at", "timestamp with time zone"),
    col("created_at", "timestamp with time zone"),
    col("day", "timestamp without time zone"),
    col("name", "text"),
    col("embedding", "public.vector(3)"),
)


def _index(where=None, expression=None, **catalog_kwargs):
    element = IndexElement(expression=expression) if expression else IndexElement(column="session_id")
    index = Index(qn("sessions.i"), SESSIONS.name, (element,), where=where, span=span(20))
    return Catalog.of(tables=[SESSIONS], indexes=[index], **catalog_kwargs)


@pytest.mark.parametrize(
    "where",
    [
        "expires_at > '2026-01-01'",
        "name IS NOT NULL",
        "lower(name) = 'x'",
        "date_trunc('day', day) > '2020-01-01'",
    ],
)
def test_immutable_predicates_pass(where):
    assert check_immutability(_index(where=where)) == []


@pytest.mark.parametrize(
    ("where", "what"),
    [
        ("expires_at > now()", "now()"),
        ("expires_at > NOW()", "now()"),
        ("expires_at > CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"),
        ("expires_at::date = CURRENT_DATE", "CURRENT_DATE"),
        ("random() < 0.5", "random()"),
        ("pg_catalog.clock_timestamp() > expires_at", "clock_timestamp()"),
        ("date_trunc('day', expires_at) > '2020-01-01'", "date_trunc()"),
        ("name::timestamptz > '2020-01-01'", "cast from text to timestamp with time zone"),
        ("expires_at::date > '2020-01-01'", "cast from timestamp with time zone to date"),
        ("expires_at + interval '1 day' > '2020-01-01'", "operator timestamp with time zone + interval"),
        ("expires_at > day", "operator timestamp with time zone > timestamp without time zone"),
    ],
)
def test_non_immutable_predicates_fail(where, what):
    found = check_immutability(_index(where=where))
    assert found and {d.code for d in found} == {"C350"}
    assert any(what in d.message for d in found), [d.message for d in found]
    assert "functions in index predicate must be marked IMMUTABLE" in found[0].message
    assert found[0].span == span(20)


def test_inlined_sql_wrappers_are_not_errors():
    [diag] = check_immutability(_index(expression="quote_literal(session_id)"))
    assert diag.code == "C351"


def test_mixed_overload_with_unknown_argument_types_warns():
    [diag] = check_immutability(_index(where="date_trunc('day', some_function_result()) > '2020-01-01'"))
    assert diag.code == "C351" and diag.severity is Severity.WARNING


def test_index_expression():
    assert check_immutability(_index(expression="lower(name)")) == []
    assert check_immutability(_index(expression="name || 'x'")) == []
    assert check_immutability(_index(expression="day + interval '1 day'")) == []
    assert check_immutability(_index(expression="name || session_id")) == []  # inlined by PostgreSQL
    assert codes(check_immutability(_index(expression="to_char(expires_at, 'YYYY')"))) == ["C350"]


def test_extension_and_declared_functions():
    assert (
        check_immutability(
            _index(expression="public.l2_normalize(embedding)", extensions=[Extension("vector")])
        )
        == []
    )
    stable = Function(qn("sessions.f"), returns="text", volatility="STABLE")
    immutable = Function(qn("sessions.g"), returns="text", volatility="IMMUTABLE")
    assert check_immutability(_index(expression="sessions.g(name)", functions=[immutable])) == []
    assert codes(check_immutability(_index(expression="sessions.f(name)", functions=[stable]))) == ["C350"]


def test_declared_sql_functions_are_judged_by_their_body_when_inlined():
    inlined = Function(qn("sessions.plus"), returns="integer", volatility="STABLE", body="SELECT $1 + 1")
    assert check_immutability(_index(expression="sessions.plus(1)", functions=[inlined])) == []
    calls_now = Function(qn("sessions.plus"), returns="integer", volatility="STABLE", body="SELECT now()")
    assert codes(check_immutability(_index(expression="sessions.plus(1)", functions=[calls_now]))) == ["C350"]
    pinned = Function(
        qn("sessions.plus"),
        returns="integer",
        volatility="STABLE",
        body="SELECT $1 + 1",
        search_path="pg_catalog",
    )
    assert codes(check_immutability(_index(expression="sessions.plus(1)", functions=[pinned]))) == ["C350"]


def test_generated_column_must_be_immutable():
    ok = table("t", col("a", "text"), col("b", "text", generated="upper(a)"))
    assert check_immutability(Catalog.of(tables=[ok])) == []
    bad = table("t", col("a", "text"), col("b", "timestamp with time zone", generated="now()", line=3))
    [diag] = check_immutability(Catalog.of(tables=[bad]))
    assert diag.code == "C350" and "generation expression is not immutable" in diag.message


def test_partition_key_expression_must_be_immutable():
    t = table(
        "t", col("at", "timestamp with time zone"), partition_by=PartitionSpec("range", ("(at::date)",))
    )
    assert codes(check_immutability(Catalog.of(tables=[t]))) == ["C350"]


def test_check_calling_now_is_a_warning():
    ok = table("t", col("a", "integer"), checks=(CheckConstraint("c", "a > 0"),))
    assert check_immutability(Catalog.of(tables=[ok])) == []
    bad = SESSIONS.__class__(
        SESSIONS.name,
        SESSIONS.columns,
        checks=(CheckConstraint("active_session", "expires_at > NOW()", span=span(30)),),
    )
    [diag] = check_immutability(Catalog.of(tables=[bad]))
    assert diag.code == "C352" and diag.severity is Severity.WARNING and diag.span == span(30)


def test_domain_check_calling_now_is_a_warning():
    domain = Domain(qn("d"), "date", checks=(CheckConstraint("past", "VALUE <= current_date"),), span=span(2))
    assert codes(check_immutability(Catalog.of(domains=[domain]))) == ["C352"]


def test_defaults_may_be_volatile():
    t = table(
        "t",
        col("at", "timestamp with time zone", default="now()"),
        col("u", "uuid", default="gen_random_uuid()"),
    )
    assert check_immutability(Catalog.of(tables=[t])) == []


def test_unknown_function_warns():
    ok = table("t", col("a", "text", default="upper('x')"))
    assert check_unknown_functions(Catalog.of(tables=[ok])) == []
    bad = table("t", col("a", "text", default="uuid_generate_v7()"))
    [diag] = check_unknown_functions(Catalog.of(tables=[bad]))
    assert diag.code == "C355" and diag.severity is Severity.WARNING
    # an extension schemagen has no data for could provide it: no warning
    assert check_unknown_functions(Catalog.of(tables=[bad], extensions=[Extension("pg_uuidv7")])) == []


def test_unqualified_call_of_a_function_outside_public_warns():
    """The DDL is applied with the default search_path: agents.f is not found as f()."""
    function = Function(qn("agents.valid"), returns="boolean", body="SELECT true", volatility="immutable")
    check = CheckConstraint("c", "valid(a)")
    unqualified = table("agents.t", col("a", "jsonb"), checks=(check,))
    [diag] = check_unknown_functions(Catalog.of(tables=[unqualified], functions=[function]))
    assert diag.code == "C355" and "agents.valid" in diag.message and "search_path" in diag.message
    qualified = table("agents.t", col("a", "jsonb"), checks=(CheckConstraint("c", "agents.valid(a)"),))
    assert check_unknown_functions(Catalog.of(tables=[qualified], functions=[function])) == []
    public = Function(qn("public.valid"), returns="boolean", body="SELECT true", volatility="immutable")
    assert check_unknown_functions(Catalog.of(tables=[unqualified], functions=[public])) == []
