"""Expressions parse with PostgreSQL's grammar and refer only to what their place allows."""

from __future__ import annotations

import pytest

from schemagen.checks.expressions import (
    check_column_references,
    check_expressions_parse,
    check_forbidden_constructs,
)
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Domain,
    Index,
    IndexElement,
    Policy,
    Trigger,
    View,
)
from schemagen.model.pg.sqlparse import parse_expression
from tests.unit.checks.builders import codes, col, qn, span, table


def _with_check(expression, *columns):
    columns = columns or (col("a"), col("b", "text"))
    t = table("t", *columns, checks=(CheckConstraint("c", expression, span=span(6)),))
    return Catalog.of(tables=[t])


@pytest.mark.parametrize(
    "text", ["a > 0", "length(b) > 0 AND a IN (1, 2)", "b ~ '^[a-z]+$'", "a BETWEEN 0 AND 10"]
)
def test_valid_expressions_parse(text):
    assert check_expressions_parse(_with_check(text)) == []


@pytest.mark.parametrize(
    "text", ["a >", "a > 0)", "a > 0; DROP TABLE t", "1 FROM t", "a AS x", "a, b", "LENGTH(b) > 0 --"]
)
def test_invalid_expressions_fail(text):
    [diag] = check_expressions_parse(_with_check(text))
    assert diag.code == "C360" and diag.span == span(6)


def test_parse_error_reports_position_in_expression():
    parsed = parse_expression("a > > 1")
    assert parsed.error and parsed.position == 4


def test_every_site_is_parsed():
    t = table("t", col("a", default="1 +"), col("g", generated="a *"))
    index = Index(qn("i"), qn("t"), (IndexElement(expression="lower(("),), where="a >", span=span(9))
    domain = Domain(qn("d"), "integer", checks=(CheckConstraint("c", "VALUE >"),))
    view = View(qn("v"), "SELECT FROM WHERE", span=span(12))
    found = check_expressions_parse(Catalog.of(tables=[t], indexes=[index], domains=[domain], views=[view]))
    assert codes(found) == ["C360"] * 6


def test_column_references_must_be_table_columns():
    assert check_column_references(_with_check("a > 0 AND t.b <> ''")) == []
    [diag] = check_column_references(_with_check("c > 0"))
    assert diag.code == "C361" and "'c'" in diag.message and diag.span == span(6)
    assert codes(check_column_references(_with_check("other.a > 0"))) == ["C361"]


def test_index_expression_and_predicate_columns():
    t = table("t", col("a"), col("b", "text"))
    good = Index(qn("i"), qn("t"), (IndexElement(expression="lower(b)"),), where="a > 0")
    assert check_column_references(Catalog.of(tables=[t], indexes=[good])) == []
    bad = Index(qn("i"), qn("t"), (IndexElement(expression="lower(c)"),), where="z > 0")
    assert codes(check_column_references(Catalog.of(tables=[t], indexes=[bad]))) == ["C361", "C361"]


def test_domain_check_may_only_use_value():
    ok = Domain(qn("d"), "integer", checks=(CheckConstraint("c", "VALUE > 0"),))
    assert check_column_references(Catalog.of(domains=[ok])) == []
    bad = Domain(qn("d"), "integer", checks=(CheckConstraint("c", "amount > 0", span=span(3)),))
    assert codes(check_column_references(Catalog.of(domains=[bad]))) == ["C362"]


def test_default_cannot_reference_columns():
    ok = table("t", col("a", default="1 + 2"), col("b", "text", default="'x'"))
    assert check_column_references(Catalog.of(tables=[ok])) == []
    bad = table("t", col("a"), col("b", default="a + 1"))
    assert codes(check_column_references(Catalog.of(tables=[bad]))) == ["C363"]


def test_generated_column_cannot_use_generated_column():
    ok = table("t", col("a"), col("g", generated="a * 2"))
    assert check_column_references(Catalog.of(tables=[ok])) == []
    bad = table("t", col("a"), col("g", generated="a * 2"), col("h", generated="g + 1"))
    assert codes(check_column_references(Catalog.of(tables=[bad]))) == ["C366"]


def test_trigger_when_and_policy_columns():
    t = table("t", col("a"), col("tenant", "text"))
    trigger = Trigger("tr", qn("t"), qn("f"), when="NEW.a IS DISTINCT FROM OLD.a")
    policy = Policy("p", qn("t"), using="tenant = current_setting('app.tenant')")
    assert check_column_references(Catalog.of(tables=[t], triggers=[trigger], policies=[policy])) == []
    trigger = Trigger("tr", qn("t"), qn("f"), when="NEW.zz > 0")
    policy = Policy("p", qn("t"), using="tenant_id = current_setting('app.tenant')")
    found = check_column_references(Catalog.of(tables=[t], triggers=[trigger], policies=[policy]))
    assert codes(found) == ["C361", "C361"]


def test_subqueries_and_aggregates_are_forbidden_in_checks():
    assert check_forbidden_constructs(_with_check("a > 0")) == []
    assert codes(check_forbidden_constructs(_with_check("a IN (SELECT 1)"))) == ["C364"]
    assert codes(check_forbidden_constructs(_with_check("count(a) > 0"))) == ["C365"]
    policy = Policy("p", qn("t"), using="a IN (SELECT 1)")
    assert check_forbidden_constructs(Catalog.of(tables=[table("t", col("a"))], policies=[policy])) == []


@pytest.mark.parametrize(
    "when", ["OLD.* IS DISTINCT FROM NEW.*", "OLD IS DISTINCT FROM NEW", "NEW.* <> OLD.*"]
)
def test_trigger_when_compares_whole_rows(when):
    """The updated_at macro's condition; PostgreSQL accepts row comparisons in WHEN."""
    t = table("t", col("a"))
    trigger = Trigger("tr", qn("t"), qn("f"), when=when)
    assert check_column_references(Catalog.of(tables=[t], triggers=[trigger])) == []
