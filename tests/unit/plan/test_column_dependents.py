"""A column type change drops what PostgreSQL refuses to keep, alters, and recreates it, in order."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs
from schemagen.model import Function, QualifiedName, View
from schemagen.model import code_changes as cc
from schemagen.model.changes import AlterColumn
from schemagen.plan import plan_changes
from tests.unit.plan.column_dependents import POSITIVE, new, old, with_view


def _planned() -> list:
    return [p.change for p in plan_changes(diff_catalogs(old(), new())).changes]


def _name(change) -> str:
    for attribute in ("view", "policy", "trigger", "function"):
        if hasattr(change, attribute):
            return f"{type(change).__name__} {getattr(change, attribute).name}"
    return type(change).__name__


def test_dependents_of_the_altered_column_are_dropped_and_recreated() -> None:
    names = {_name(c) for c in _planned()}
    assert "CreateIndex" in names  # of the recreated materialized view
    for dependent in ("public.v", "public.w", "public.mv", "p", "tr_of", "tr_when", "public.positive"):
        kind = {"p": "Policy", "tr_of": "Trigger", "tr_when": "Trigger", "public.positive": "Function"}
        word = kind.get(dependent, "View")
        assert f"Drop{word} {dependent}" in names
        assert f"Create{word} {dependent}" in names


def test_what_does_not_use_the_column_is_left_alone() -> None:
    names = {_name(c) for c in _planned()}
    assert not {n for n in names if n.endswith(("only_b", "tr_b", "touch"))}
    assert not any(n == "DropIndex" or "Constraint" in n for n in names)  # PostgreSQL rebuilds those


def test_drops_come_before_the_alter_and_creates_after() -> None:
    planned = _planned()
    alter = next(i for i, c in enumerate(planned) if isinstance(c, AlterColumn))
    drops = [i for i, c in enumerate(planned) if type(c).__name__.startswith("Drop")]
    creates = [i for i, c in enumerate(planned) if type(c).__name__.startswith("Create")]
    assert drops and max(drops) < alter < min(creates)
    views = [c.view.name.name for c in planned if isinstance(c, cc.DropView)]
    assert views.index("w") < views.index("v")  # the view on the view goes first
    created = [c.view.name.name for c in planned if isinstance(c, cc.CreateView)]
    assert created.index("v") < created.index("w")


def test_a_star_view_uses_every_column() -> None:
    star = View(QualifiedName("public", "s"), "SELECT * FROM t")
    changes = diff_catalogs(with_view(old(), star), with_view(new(), star))
    assert any(isinstance(c, cc.DropView) and c.view.name.name == "s" for c in changes)


def _with_function(catalog, function):
    return replace(catalog, functions={**catalog.functions, function.key: function})


def test_a_standard_body_replaced_in_place_is_dropped_and_created_around_the_alter() -> None:
    changed = replace(POSITIVE, body="BEGIN ATOMIC SELECT count(*) FROM t WHERE a > 1; END")
    planned = [p.change for p in plan_changes(diff_catalogs(old(), _with_function(new(), changed))).changes]
    kinds = [type(c).__name__ for c in planned if getattr(c, "function", None) in (POSITIVE, changed)]
    assert kinds == ["DropFunction", "CreateFunction"]
    assert not any(isinstance(c, cc.ReplaceFunction) for c in planned)


def test_a_quoted_sql_body_replaced_in_place_orders_after_the_alter() -> None:
    quoted = Function(
        QualifiedName("public", "q"), returns="bigint", body="SELECT count(*) FROM t WHERE a > 0"
    )
    before, after = _with_function(old(), quoted), _with_function(new(), replace(quoted, body="SELECT 1"))
    planned = [p.change for p in plan_changes(diff_catalogs(before, after)).changes]
    assert any(isinstance(c, cc.ReplaceFunction) for c in planned)  # no cycle: the old body holds nothing


def test_a_view_on_a_partition_is_rebuilt_when_the_parent_column_changes() -> None:
    from schemagen.model import Catalog, Column, PartitionBound, PartitionSpec, Table

    def catalog(a_type: str) -> Catalog:
        parent = Table(
            QualifiedName("public", "p"),
            (Column("a", a_type), Column("k", "integer")),
            partition_by=PartitionSpec("list", ("k",)),
        )
        child = Table(
            QualifiedName("public", "p1"),
            (Column("a", a_type), Column("k", "integer")),
            partition_of=PartitionBound(parent.name, values_in=("1",)),
        )
        view = View(QualifiedName("public", "on_child"), "SELECT a FROM p1")
        return Catalog.of(tables=[parent, child], views=[view])

    changes = diff_catalogs(catalog("integer"), catalog("bigint"))
    assert any(isinstance(c, cc.DropView) and c.view.name.name == "on_child" for c in changes)
