"""A changed range type: swapped under the columns that keep using it, else dropped and created."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    EnumType,
    Index,
    IndexElement,
    QualifiedName,
    Table,
)
from schemagen.model import changes as ch
from schemagen.model.planned import Hazard, Lock
from schemagen.model.ranges import CreateRangeType, DropRangeType, RangeType, RebuildRangeType
from schemagen.model.routines import Function, FunctionArgument, View
from schemagen.plan import plan_changes
from tests.unit.change_kinds import change_kinds

Q = QualifiedName
T = Q("app", "t")
OLD = RangeType(Q("app", "floatrange"), "double precision")
NEW = replace(OLD, subtype_diff=Q("pg_catalog", "float8mi"))
RANGE = Column("r", "app.floatrange", default="'[0,1)'::app.floatrange")
MULTI = Column("m", "app.floatmultirange")
ARRAY = Column("rs", "app.floatrange[]")


def _catalogs(
    old_tables: list[Table], new_tables: list[Table] | None = None, **extra
) -> tuple[Catalog, Catalog]:
    old = Catalog.of(range_types=[OLD], tables=old_tables, **extra)
    new = Catalog.of(range_types=[NEW], tables=old_tables if new_tables is None else new_tables, **extra)
    return old, new


def test_a_changed_range_used_by_kept_columns_is_swapped_with_its_checks_and_indexes() -> None:
    check = CheckConstraint("t_r_check", "r <> '[5,6)'::app.floatrange")
    table = Table(T, (Column("id", "bigint"), RANGE, MULTI, ARRAY), checks=(check,))
    on_column = Index(Q("app", "t_r_idx"), T, (IndexElement("r"),), using="gist")
    partial = Index(Q("app", "t_id_idx"), T, (IndexElement("id"),), where="NOT isempty(r)")
    old, new = _catalogs([table], indexes=[on_column, partial])
    assert diff_catalogs(old, new) == [
        RebuildRangeType(OLD, NEW, ((T, RANGE), (T, MULTI), (T, ARRAY)), ((T, check),), (partial,))
    ]


def test_a_changed_range_without_columns_is_dropped_and_created() -> None:
    old, new = _catalogs([Table(T, (Column("id", "bigint"),))])
    assert diff_catalogs(old, new) == [DropRangeType(OLD), CreateRangeType(NEW)]


def test_columns_added_dropped_or_on_a_recreated_table_are_no_users() -> None:
    bare = Table(T, (Column("id", "bigint"),))
    added = Table(T, (Column("id", "bigint"), RANGE))
    for before, after in ((bare, added), (added, bare)):
        old, new = _catalogs([before], [after])
        kinds = change_kinds(diff_catalogs(old, new))
        assert "RebuildRangeType" not in kinds and {"DropRangeType", "CreateRangeType"} <= set(kinds)
    retyped = Table(T, (Column("id", "bigint"), replace(RANGE, type="text", default=None)))
    old, new = _catalogs([retyped], [added])  # the column was text: converted by its own ALTER
    assert "RebuildRangeType" not in change_kinds(diff_catalogs(old, new))
    parent = Table(Q("app", "p"), (Column("id", "bigint"),))
    inheriting = replace(added, inherits=(parent.name,))  # recreated whole: dropped before, created after
    old, new = _catalogs([added, parent], [inheriting, parent])
    kinds = change_kinds(diff_catalogs(old, new))
    assert "RebuildRangeType" not in kinds and {"DropTable", "CreateTable", "DropRangeType"} <= set(kinds)


def test_only_a_comment_change_comments() -> None:
    table = Table(T, (RANGE,))
    old = Catalog.of(range_types=[OLD], tables=[table])
    new = Catalog.of(range_types=[replace(OLD, comment="Hi.")], tables=[table])
    assert change_kinds(diff_catalogs(old, new)) == ["SetComment"]


def test_the_new_range_is_commented_after_the_swap() -> None:
    table = Table(T, (RANGE,))
    old = Catalog.of(range_types=[replace(OLD, comment="Hi.")], tables=[table])
    new = Catalog.of(range_types=[replace(NEW, comment="Hi.")], tables=[table])
    changes = diff_catalogs(old, new)
    assert changes[1:] == [ch.SetComment("type", NEW.name, "Hi.", None)]
    plan = [p.change for p in plan_changes(changes, old=old)]
    assert [type(c).__name__ for c in plan] == ["RebuildRangeType", "SetComment"]


def test_views_and_functions_using_the_type_go_before_the_swap_and_come_back_after() -> None:
    table = Table(T, (Column("id", "bigint"), RANGE))
    view = View(Q("app", "v"), "SELECT id, r FROM app.t")
    clip = View(Q("app", "clip"), "SELECT app.floatrange(0, 1) AS whole")
    function = Function(
        Q("app", "lo"),
        (FunctionArgument("x", "app.floatrange"),),
        returns="double precision",
        body="SELECT lower(x)",
    )
    old, new = _catalogs([table], views=[view, clip], functions=[function])
    planned = plan_changes(diff_catalogs(old, new), old=old)
    order = [type(p.change).__name__ for p in planned]
    swap = order.index("RebuildRangeType")
    assert sorted(order[:swap]) == ["DropFunction", "DropView", "DropView"]
    assert sorted(order[swap + 1 :]) == ["CreateFunction", "CreateView", "CreateView"]
    (rebuild,) = [p for p in planned if isinstance(p.change, RebuildRangeType)]
    assert {Hazard.RANGE_REBUILD, Hazard.TABLE_REWRITE, Hazard.ACCESS_EXCLUSIVE_LOCK} <= set(rebuild.hazards)
    assert rebuild.lock is Lock.ACCESS_EXCLUSIVE


def test_an_inheriting_table_is_converted_by_its_parent_only() -> None:
    child = Table(Q("app", "c"), (Column("id", "bigint"), replace(RANGE, inherited=True)), inherits=(T,))
    parent = Table(T, (Column("id", "bigint"), RANGE))
    old, new = _catalogs([parent, child])
    (swap,) = diff_catalogs(old, new)
    assert isinstance(swap, RebuildRangeType) and swap.columns == ((T, RANGE),)
    status = EnumType(Q("app", "e"), ("a", "b"))
    typed = [replace(t, columns=(Column("x", "app.e"),)) for t in (parent, child)]
    old = Catalog.of(enums=[status], tables=typed)
    new = Catalog.of(enums=[replace(status, labels=("b", "a"))], tables=typed)
    (swap,) = diff_catalogs(old, new)
    assert isinstance(swap, ch.RebuildEnum) and [t for t, _ in swap.columns] == [T]


def test_a_column_of_a_renamed_multirange_is_retyped_by_the_swap_alone() -> None:
    spans = replace(OLD, multirange=Q("app", "spans"))
    retyped = replace(MULTI, type="app.spans")
    for column, kinds in ((retyped, ["RebuildRangeType"]), (replace(retyped, default="'{}'"), None)):
        old = Catalog.of(range_types=[OLD], tables=[Table(T, (MULTI,))])
        new = Catalog.of(range_types=[spans], tables=[Table(T, (column,))])
        changes = diff_catalogs(old, new)
        if kinds is not None:
            assert change_kinds(changes) == kinds
        else:  # the default stays an ALTER of its own, the type does not
            (alter,) = [c for c in changes if isinstance(c, ch.AlterColumn)]
            assert alter.changes == ch.ColumnChange.DEFAULT and alter.old.type == "app.spans"
        plan_changes(changes, old=old)  # no cycle


def test_grants_on_a_replaced_type_are_given_again() -> None:
    from schemagen.model.code_changes import GrantPrivileges
    from schemagen.model.identity import GrantOn, GrantTarget
    from schemagen.model.routines import Grant

    usage = Grant(GrantTarget(GrantOn.TYPE, OLD.name), "public", ("USAGE",), revoke=True)
    for tables in ([Table(T, (RANGE,))], []):  # swapped, or dropped and created
        old, new = _catalogs(tables, grants=[usage])
        assert GrantPrivileges(usage) in diff_catalogs(old, new)
    status = EnumType(Q("app", "e"), ("a", "b"))
    on_enum = replace(usage, target=GrantTarget(GrantOn.TYPE, status.name))
    typed = [Table(T, (Column("x", "app.e"),))]
    old = Catalog.of(enums=[status], tables=typed, grants=[on_enum])
    new = Catalog.of(enums=[replace(status, labels=("b", "a"))], tables=typed, grants=[on_enum])
    assert change_kinds(diff_catalogs(old, new)) == ["RebuildEnum", "GrantPrivileges"]
    unchanged = Catalog.of(range_types=[OLD], grants=[usage])
    assert diff_catalogs(unchanged, unchanged) == []
