"""diff_catalogs for functions, triggers, views, policies, roles, grants and reference rows."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs
from schemagen.model import (
    Catalog,
    Column,
    DefaultPrivilege,
    Function,
    FunctionArgument,
    Grant,
    PartitionSpec,
    Policy,
    QualifiedName,
    ReferenceRows,
    Role,
    Table,
    Trigger,
    View,
)
from schemagen.model import code_changes as cc
from schemagen.model.changes import SetComment
from schemagen.model.identity import GrantOn, GrantTarget
from tests.unit.change_kinds import change_kinds
from tests.unit.render.rich_catalog import rich_catalog
from tests.unit.render.scenarios import code_new, code_old

Q = QualifiedName
T = Q("app", "t")
F = Function(Q("app", "f"), (FunctionArgument("a", "integer"),), returns="integer", body="SELECT a")


def test_rich_catalog_round_trips_to_itself() -> None:
    assert diff_catalogs(rich_catalog(), rich_catalog()) == []


def test_function_body_change_replaces_in_place() -> None:
    new = replace(F, body="SELECT a + 1", volatility="IMMUTABLE")
    assert diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[new])) == [
        cc.ReplaceFunction(F, new)
    ]


def test_function_signature_or_result_change_drops_and_creates() -> None:
    for new in (replace(F, returns="bigint"), replace(F, arguments=(FunctionArgument("b", "integer"),))):
        changes = diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[new]))
        assert change_kinds(changes) == ["DropFunction", "CreateFunction"]


def test_planner_options_replace_in_place_but_window_drops_and_creates() -> None:
    new = replace(F, leakproof=True, cost=5.0, support=Q("pg_catalog", "textlike_support"))
    assert diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[new])) == [
        cc.ReplaceFunction(F, new)
    ]
    changes = diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[replace(F, window=True)]))
    assert change_kinds(changes) == ["DropFunction", "CreateFunction"]


def test_overloads_are_distinct_objects() -> None:
    overload = replace(F, arguments=(FunctionArgument("a", "text"),))
    changes = diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[F, overload]))
    assert changes == [cc.CreateFunction(overload)]


def test_function_comment_carries_the_signature() -> None:
    new = replace(F, comment="Adds.")
    assert diff_catalogs(Catalog.of(functions=[F]), Catalog.of(functions=[new])) == [
        SetComment("function", F.name, "Adds.", None, arguments=("integer",))
    ]


def test_trigger_view_policy_changes_recreate() -> None:
    trigger = Trigger("t_trg", T, F.name)
    view = View(Q("app", "v"), "SELECT 1")
    policy = Policy("p", T, using="true")
    old = Catalog.of(triggers=[trigger], views=[view], policies=[policy])
    new = Catalog.of(
        triggers=[replace(trigger, timing="BEFORE")],
        views=[replace(view, query="SELECT 2")],
        policies=[replace(policy, using="false")],
    )
    assert change_kinds(diff_catalogs(old, new)) == [
        "DropView",
        "CreateView",
        "DropTrigger",
        "CreateTrigger",
        "DropPolicy",
        "CreatePolicy",
    ]


def test_view_query_whitespace_is_no_change() -> None:
    view = View(Q("app", "v"), "SELECT 1")
    assert (
        diff_catalogs(Catalog.of(views=[view]), Catalog.of(views=[replace(view, query="SELECT  1\n")])) == []
    )


def test_view_query_read_by_the_scanner_spacing_aside_literals_exact() -> None:
    view = View(Q("app", "v"), "SELECT a>0 FROM t WHERE b = 'x  y'")
    spaced = replace(view, query="SELECT a > 0\nFROM t WHERE b = 'x  y'")
    assert diff_catalogs(Catalog.of(views=[view]), Catalog.of(views=[spaced])) == []
    literal = replace(view, query="SELECT a>0 FROM t WHERE b = 'x y'")
    assert change_kinds(diff_catalogs(Catalog.of(views=[view]), Catalog.of(views=[literal]))) == [
        "DropView",
        "CreateView",
    ]


def test_roles_are_created_altered_never_dropped() -> None:
    role = Role("r")
    assert diff_catalogs(Catalog(), Catalog.of(roles=[role])) == [cc.CreateRole(role)]
    assert diff_catalogs(Catalog.of(roles=[role]), Catalog()) == []
    login = replace(role, login=True)
    assert diff_catalogs(Catalog.of(roles=[role]), Catalog.of(roles=[login])) == [cc.AlterRole(role, login)]


def test_grants_added_removed_and_changed() -> None:
    table = Table(T, (Column("a", "integer"),))
    select = Grant(GrantTarget(GrantOn.TABLE, QualifiedName("app", "t")), "r", ("SELECT",))
    base = {"tables": [table], "roles": [Role("r")]}
    assert diff_catalogs(Catalog.of(**base), Catalog.of(**base, grants=[select])) == [
        cc.GrantPrivileges(select)
    ]
    assert diff_catalogs(Catalog.of(**base, grants=[select]), Catalog.of(**base)) == [
        cc.RevokePrivileges(select)
    ]
    more = replace(select, privileges=("SELECT", "INSERT"))
    assert diff_catalogs(Catalog.of(**base, grants=[select]), Catalog.of(**base, grants=[more])) == [
        cc.RevokePrivileges(select),
        cc.GrantPrivileges(more),
    ]


def test_grants_on_dropped_objects_go_with_them() -> None:
    table = Table(T, (Column("a", "integer"),))
    select = Grant(GrantTarget(GrantOn.TABLE, QualifiedName("app", "t")), "r", ("SELECT",))
    changes = diff_catalogs(Catalog.of(tables=[table], grants=[select]), Catalog())
    assert change_kinds(changes) == ["DropTable"]


def test_recreated_table_gets_its_triggers_policies_and_grants_again() -> None:
    table = Table(T, (Column("a", "integer"),))
    trigger = Trigger("t_trg", T, F.name)
    policy = Policy("p", T)
    grant = Grant(GrantTarget(GrantOn.TABLE, QualifiedName("app", "t")), "r", ("SELECT",))
    old = Catalog.of(tables=[table], triggers=[trigger], policies=[policy], grants=[grant])
    new = Catalog.of(
        tables=[replace(table, partition_by=PartitionSpec("hash", ("a",)))],
        triggers=[trigger],
        policies=[policy],
        grants=[grant],
    )
    assert change_kinds(diff_catalogs(old, new)) == [
        "DropTable",
        "CreateTable",
        "CreateTrigger",
        "CreatePolicy",
        "GrantPrivileges",
    ]


def test_default_privileges() -> None:
    d = DefaultPrivilege("app", "tables", "r", ("SELECT",))
    assert diff_catalogs(Catalog(), Catalog.of(default_privileges=[d])) == [cc.GrantDefaultPrivileges(d)]
    assert diff_catalogs(Catalog.of(default_privileges=[d]), Catalog()) == [cc.RevokeDefaultPrivileges(d)]


def test_reference_rows_upserted_and_vanished_keys_deleted() -> None:
    old = ReferenceRows(T, ("k",), ((("k", "1"), ("v", "'a'")), (("k", "2"), ("v", "'b'"))))
    new = ReferenceRows(T, ("k",), ((("k", "1"), ("v", "'z'")),))
    assert diff_catalogs(Catalog(), Catalog.of(reference_rows=[old])) == [cc.UpsertReferenceRows(old)]
    assert diff_catalogs(Catalog.of(reference_rows=[old]), Catalog.of(reference_rows=[new])) == [
        cc.DeleteReferenceRows(replace(old, rows=((("k", "2"), ("v", "'b'")),))),
        cc.UpsertReferenceRows(new),
    ]
    assert diff_catalogs(Catalog.of(reference_rows=[old]), Catalog()) == []


def test_rls_toggles() -> None:
    table = Table(T, (Column("a", "integer"),))
    secured = replace(table, rls_enabled=True, rls_forced=True)
    assert cc.SetRowLevelSecurity(T, True, True) in diff_catalogs(Catalog(), Catalog.of(tables=[secured]))
    assert diff_catalogs(Catalog.of(tables=[secured]), Catalog.of(tables=[table])) == [
        cc.SetRowLevelSecurity(T, False, False, True, True)
    ]


def test_dependents_of_replaced_objects_are_rebuilt() -> None:
    changes = diff_catalogs(code_old(), code_new())
    views = [c.view.name.name for c in changes if isinstance(c, cc.CreateView)]
    assert sorted(views) == [
        "active_agents",
        "active_types",
        "queue_stats",
    ]  # type change, view on view, function
    assert [c.view.name.name for c in changes if isinstance(c, cc.DropView)] == views
    assert any(
        type(c).__name__ == "CreateIndex" and c.index.name.name == "queue_stats_n_idx" for c in changes
    )
    regranted = {str(c.grant.target) for c in changes if isinstance(c, cc.GrantPrivileges)}
    assert {"agents.active_agents", "tasks.queue_count()"} <= regranted


def test_trigger_on_recreated_function_is_recreated() -> None:
    trigger = Trigger("t_trg", T, F.name)
    old = Catalog.of(functions=[F], triggers=[trigger])
    new = Catalog.of(functions=[replace(F, returns="bigint")], triggers=[trigger])
    assert change_kinds(diff_catalogs(old, new)) == [
        "DropFunction",
        "CreateFunction",
        "DropTrigger",
        "CreateTrigger",
    ]


def test_trigger_firing_mode_alone_changes_in_place() -> None:
    trigger = Trigger("t_trg", T, F.name)
    disabled = replace(trigger, enabled="disabled")
    assert diff_catalogs(Catalog.of(triggers=[trigger]), Catalog.of(triggers=[disabled])) == [
        cc.SetTriggerEnabled(disabled, "origin")
    ]
    assert diff_catalogs(Catalog.of(triggers=[disabled]), Catalog.of(triggers=[trigger])) == [
        cc.SetTriggerEnabled(trigger, "disabled")
    ]
    # with another change the trigger is recreated in its new mode, with no ALTER besides
    moved = replace(disabled, timing="BEFORE", enabled="replica")
    assert change_kinds(diff_catalogs(Catalog.of(triggers=[disabled]), Catalog.of(triggers=[moved]))) == [
        "DropTrigger",
        "CreateTrigger",
    ]


def test_event_trigger_firing_mode_alone_changes_in_place() -> None:
    from schemagen.model import support_changes as su
    from schemagen.model.support import EventTrigger

    trigger = EventTrigger("log_ddl", "ddl_command_end", F.name)
    disabled = replace(trigger, enabled="disabled", comment="off for now")
    assert change_kinds(
        diff_catalogs(Catalog.of(event_triggers=[trigger]), Catalog.of(event_triggers=[disabled]))
    ) == ["SetEventTriggerEnabled", "SetComment"]
    assert diff_catalogs(Catalog.of(event_triggers=[disabled]), Catalog.of(event_triggers=[trigger]))[0] == (
        su.SetEventTriggerEnabled(trigger, "disabled")
    )
    moved = replace(disabled, event="sql_drop", enabled="always")  # recreated in its new mode
    assert change_kinds(
        diff_catalogs(Catalog.of(event_triggers=[disabled]), Catalog.of(event_triggers=[moved]))
    ) == ["DropEventTrigger", "CreateEventTrigger", "SetComment"]


def test_rule_firing_mode_alone_changes_in_place() -> None:
    from schemagen.model import support_changes as su
    from schemagen.model.support import Rule

    rule = Rule("no_delete", T, "DELETE", instead=True)
    replica = replace(rule, enabled="replica")
    assert diff_catalogs(Catalog.of(rules=[rule]), Catalog.of(rules=[replica])) == [
        su.SetRuleEnabled(replica, "origin")
    ]
    changed = replace(replica, instead=False, enabled="disabled")
    assert change_kinds(diff_catalogs(Catalog.of(rules=[replica]), Catalog.of(rules=[changed]))) == [
        "DropRule",
        "CreateRule",
    ]
