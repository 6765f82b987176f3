"""Triggers, policies and reference rows refer to what exists, as PostgreSQL needs."""

from __future__ import annotations

from dataclasses import replace

from schemagen.checks.dependents import check_policies, check_reference_rows, check_rules, check_triggers
from schemagen.diagnostics import Severity
from schemagen.model import Catalog, Column, Function, Policy, ReferenceRows, Trigger, UniqueConstraint, View
from schemagen.model.support import Rule
from tests.unit.checks.builders import codes, col, qn, span, table

TOUCH = Function(qn("touch"), returns="trigger", language="plpgsql", body="BEGIN RETURN NEW; END;")
T = table("t", col("id"), col("name", "text"), pk=("id",), rls_enabled=True)


def test_triggers():
    ok = Trigger(
        "t_touch", qn("t"), qn("touch"), timing="BEFORE", events=("UPDATE",), update_columns=("name",)
    )
    assert check_triggers(Catalog.of(tables=[T], functions=[TOUCH], triggers=[ok])) == []
    bad = [
        Trigger("a", qn("missing"), qn("touch"), span=span(5)),
        Trigger("b", qn("t"), qn("nope")),
        Trigger("c", qn("t"), qn("touch"), update_columns=("zz",)),
        Trigger("d", qn("t"), qn("touch"), timing="BEFORE", referencing_new="new_rows"),
    ]
    assert codes(check_triggers(Catalog.of(tables=[T], functions=[TOUCH], triggers=bad))) == ["C315"] * 4
    not_trigger = Function(qn("touch"), returns="integer", body="SELECT 1")
    assert codes(check_triggers(Catalog.of(tables=[T], functions=[not_trigger], triggers=[ok]))) == ["C315"]


def test_triggers_on_views():
    view = View(qn("v"), "SELECT 1 AS id")
    ok = [
        Trigger("i", qn("v"), qn("touch"), timing="INSTEAD OF", events=("INSERT",), for_each_row=True),
        Trigger("s", qn("v"), qn("touch"), timing="AFTER", events=("UPDATE",), for_each_row=False),
    ]
    catalog = Catalog.of(tables=[T], views=[view], functions=[TOUCH], triggers=ok)
    assert check_triggers(catalog) == []
    bad = [
        Trigger("a", qn("t"), qn("touch"), timing="INSTEAD OF", events=("INSERT",)),  # on a table
        Trigger("b", qn("v"), qn("touch"), timing="INSTEAD OF", events=("INSERT",), for_each_row=False),
        Trigger("c", qn("v"), qn("touch"), timing="AFTER", events=("INSERT",), for_each_row=True),
        Trigger("d", qn("v"), qn("touch"), timing="AFTER", events=("TRUNCATE",), for_each_row=False),
        Trigger("e", qn("v"), qn("touch"), timing="INSTEAD OF", events=("UPDATE",), when="OLD.id <> 0"),
    ]
    catalog = Catalog.of(tables=[T], views=[view], functions=[TOUCH], triggers=bad)
    assert codes(check_triggers(catalog)) == ["C315"] * 5


def test_a_views_trigger_keeps_the_default_firing_mode():
    view = View(qn("v"), "SELECT 1 AS id")
    on_view = Trigger("i", qn("v"), qn("touch"), timing="INSTEAD OF", events=("INSERT",), for_each_row=True)
    on_table = Trigger("t", qn("t"), qn("touch"), timing="BEFORE", events=("INSERT",), enabled="disabled")
    catalog = Catalog.of(tables=[T], views=[view], functions=[TOUCH], triggers=[on_view, on_table])
    assert check_triggers(catalog) == []
    disabled = replace(catalog, triggers={on_view.key: replace(on_view, enabled="disabled")})
    [found] = check_triggers(disabled)
    assert found.code == "C315" and "cannot be disabled" in found.message


def test_a_rules_relation_is_declared_and_a_views_rule_keeps_the_default_firing_mode():
    view = View(qn("v"), "SELECT 1 AS id")
    ok = [
        Rule("keep", qn("t"), "DELETE", instead=True, enabled="disabled"),  # a table's: any mode
        Rule("ins", qn("v"), "INSERT", instead=True),
    ]
    assert check_rules(Catalog.of(tables=[T], views=[view], rules=ok)) == []
    bad = [
        Rule("ins", qn("v"), "INSERT", instead=True, enabled="replica"),
        Rule("gone", qn("nowhere"), "DELETE", instead=True),
    ]
    found = check_rules(Catalog.of(tables=[T], views=[view], rules=bad))
    assert [(d.code, d.message) for d in found] == [
        ("C393", "rule gone on s.nowhere: s.nowhere is not declared"),
        (
            "C393",
            "rule ins on s.v: enabled: replica on a view's rule (PostgreSQL sets it on a table's rules only)",
        ),
    ]


def test_policies():
    ok = [
        Policy("r", qn("t"), command="SELECT", using="id > 0"),
        Policy("w", qn("t"), command="INSERT", with_check="id > 0"),
    ]
    assert check_policies(Catalog.of(tables=[T], policies=ok)) == []
    bad = [
        Policy("a", qn("t"), command="INSERT", using="id > 0"),
        Policy("b", qn("t"), command="DELETE", with_check="id > 0"),
        Policy("c", qn("missing")),
    ]
    assert codes(check_policies(Catalog.of(tables=[T], policies=bad))) == ["C316"] * 3
    no_rls = table("t", col("id"))
    [diag] = check_policies(Catalog.of(tables=[no_rls], policies=[ok[0]]))
    assert diag.code == "C316" and diag.severity is Severity.ERROR


def _rows(key, *rows):
    return ReferenceRows(qn("t"), key, tuple(tuple(r) for r in rows), span=span(8))


def test_reference_rows():
    ok = _rows(("id",), [("id", "1"), ("name", "'a'")], [("id", "2"), ("name", "'b'")])
    assert check_reference_rows(Catalog.of(tables=[T], reference_rows=[ok])) == []
    unique = table("t", col("id"), col("name", "text"), uniques=(UniqueConstraint("t_name_key", ("name",)),))
    by_name = _rows(("name",), [("name", "'a'")])
    assert check_reference_rows(Catalog.of(tables=[unique], reference_rows=[by_name])) == []
    found = check_reference_rows(
        Catalog.of(
            tables=[T], reference_rows=[_rows(("name",), [("name", "'a'"), ("zz", "1")], [("id", "1")])]
        )
    )
    assert codes(found) == ["C317"] * 3
    assert all(d.span == span(8) for d in found)


def test_reference_rows_keyed_by_a_deferrable_key_are_refused():
    # INSERT … ON CONFLICT (name): "ON CONFLICT does not support deferrable unique
    # constraints/exclusion constraints as arbiters"; the check's own list of keys ignored DEFERRABLE
    deferrable = UniqueConstraint("t_name_key", ("name",), deferrable=True)
    unique = table("t", col("id"), col("name", "text"), uniques=(deferrable,))
    [diag] = check_reference_rows(
        Catalog.of(tables=[unique], reference_rows=[_rows(("name",), [("name", "'a'")])])
    )
    assert diag.code == "C317" and "DEFERRABLE" in diag.message


def test_reference_rows_giving_a_generated_column_are_refused():
    # INSERT … (total): "cannot insert a non-DEFAULT value into column "total""
    computed = table("t", col("id"), Column("total", "integer", generated="id * 2"), pk=("id",))
    ok = _rows(("id",), [("id", "1")])
    assert check_reference_rows(Catalog.of(tables=[computed], reference_rows=[ok])) == []
    bad = _rows(("id",), [("id", "1"), ("total", "2")])
    [diag] = check_reference_rows(Catalog.of(tables=[computed], reference_rows=[bad]))
    assert diag.code == "C317" and "generated column(s) total" in diag.message
