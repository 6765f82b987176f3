"""Roles exist; partitions cover rows; redundant and wide indexes; deprecated calls; settings."""

from __future__ import annotations

from schemagen.checks.calls import check_custom_settings, check_deprecated_functions
from schemagen.checks.index_design import check_redundant_indexes, check_wide_btree_columns
from schemagen.checks.partition_coverage import check_partition_coverage
from schemagen.checks.roles import check_roles_exist
from schemagen.diagnostics import Severity
from schemagen.model import (
    Catalog,
    DefaultPrivilege,
    Grant,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    Policy,
    Role,
    UniqueConstraint,
    View,
)
from schemagen.model.identity import GrantOn, GrantTarget
from schemagen.model.names import QualifiedName
from tests.unit.checks.builders import codes, col, qn, span, table


def test_roles_exist():
    roles = [Role("app_reader"), Role("app_writer", member_of=("app_reader",))]
    ok = Catalog.of(
        roles=roles,
        grants=[
            Grant(GrantTarget(GrantOn.TABLE, QualifiedName("s", "t")), "app_reader", ("SELECT",)),
            Grant(
                GrantTarget(GrantOn.FUNCTION, QualifiedName("s", "f"), ()),
                "PUBLIC",
                ("EXECUTE",),
                revoke=True,
            ),
            Grant(GrantTarget(GrantOn.TABLE, QualifiedName("s", "t")), "pg_read_all_data", ("SELECT",)),
        ],
        policies=[Policy("p", qn("t"), roles=("app_writer",))],
        default_privileges=[DefaultPrivilege("s", "tables", "app_reader", ("SELECT",))],
    )
    assert check_roles_exist(ok) == []
    bad = Catalog.of(
        roles=[Role("app_writer", member_of=("nobody",))],
        grants=[
            Grant(
                GrantTarget(GrantOn.TABLE, QualifiedName("s", "t")), "app_readonly", ("SELECT",), span=span(7)
            )
        ],
        policies=[Policy("p", qn("t"), roles=("tenant",))],
        default_privileges=[DefaultPrivilege("s", "tables", "app_reader", ("SELECT",), for_role="owner")],
    )
    found = check_roles_exist(bad)
    assert codes(found) == ["C314"] * 5
    assert any(d.span == span(7) and "app_readonly" in d.message for d in found)


def _parent(strategy="range", column=("at", "timestamp with time zone")):
    return table("p", col("id"), col(*column), partition_by=PartitionSpec(strategy, (column[0],)), line=2)


def _child(name, **bound):
    return table(name, col("id"), partition_of=PartitionBound(qn("p"), **bound))


def test_partitioned_table_without_partitions():
    [diag] = check_partition_coverage(Catalog.of(tables=[_parent()]))
    assert diag.code == "C335" and diag.severity is Severity.WARNING and diag.span == span(2)


def test_time_range_needs_a_default_partition():
    month = _child("p_2024_01", from_values=("'2024-01-01'",), to_values=("'2024-02-01'",))
    [diag] = check_partition_coverage(Catalog.of(tables=[_parent(), month]))
    assert diag.code == "C336"
    assert (
        check_partition_coverage(Catalog.of(tables=[_parent(), month, _child("p_default", default=True)]))
        == []
    )
    numbers = _parent(column=("n", "integer"))
    assert (
        check_partition_coverage(
            Catalog.of(tables=[numbers, _child("c", from_values=("1",), to_values=("9",))])
        )
        == []
    )


def test_hash_partitions_cover_every_remainder():
    parent = _parent("hash", ("id2", "uuid"))
    full = [_child(f"p{i}", modulus=2, remainder=i) for i in range(2)]
    assert check_partition_coverage(Catalog.of(tables=[parent, *full])) == []
    [diag] = check_partition_coverage(Catalog.of(tables=[parent, full[0]]))
    assert diag.code == "C336" and "remainder(s) 1" in diag.message


def _index(name, *columns, include=(), **kwargs):
    return Index(
        qn(name),
        qn("t"),
        tuple(IndexElement(column=c) for c in columns),
        include=include,
        span=span(9),
        **kwargs,
    )


def _t():
    return table(
        "t",
        col("a"),
        col("b"),
        col("c"),
        col("doc", "jsonb"),
        pk=("a",),
        uniques=(UniqueConstraint("t_b_c_key", ("b", "c")),),
    )


def test_distinct_indexes_pass():
    indexes = [_index("i1", "c"), _index("i2", "b", "a"), _index("i3", "c", "b", where="a > 0")]
    assert check_redundant_indexes(Catalog.of(tables=[_t()], indexes=indexes)) == []


def test_index_with_the_keys_of_a_constraint():
    [diag] = check_redundant_indexes(Catalog.of(tables=[_t()], indexes=[_index("i1", "a")]))
    assert diag.code == "C390" and "PRIMARY KEY t_pkey" in diag.message and diag.span == span(9)


def test_same_keys_as_a_covering_index():
    indexes = [_index("plain", "c", "b"), _index("covering", "c", "b", include=("a",))]
    [diag] = check_redundant_indexes(Catalog.of(tables=[_t()], indexes=indexes))
    assert diag.code == "C390" and "index s.plain" in diag.message


def test_prefix_of_another_index():
    [diag] = check_redundant_indexes(Catalog.of(tables=[_t()], indexes=[_index("i1", "b")]))
    assert diag.code == "C391" and "UNIQUE t_b_c_key" in diag.message
    other_method = _index("i1", "b", using="hash")
    assert check_redundant_indexes(Catalog.of(tables=[_t()], indexes=[other_method])) == []


def test_wide_btree_columns():
    assert (
        check_wide_btree_columns(Catalog.of(tables=[_t()], indexes=[_index("i", "b", include=("c",))])) == []
    )
    [diag] = check_wide_btree_columns(Catalog.of(tables=[_t()], indexes=[_index("i", "a", include=("doc",))]))
    assert diag.code == "C392" and "doc" in diag.message
    gin = _index("g", "doc", using="gin")
    assert check_wide_btree_columns(Catalog.of(tables=[_t()], indexes=[gin])) == []


def test_deprecated_functions():
    ok = table("t", col("x", "xid8", default="pg_current_xact_id()"))
    assert check_deprecated_functions(Catalog.of(tables=[ok])) == []
    bad = table("t", col("x", "bigint", default="txid_current()", line=3))
    [diag] = check_deprecated_functions(Catalog.of(tables=[bad]))
    assert diag.code == "C357" and "pg_current_xact_id" in diag.hint


def test_custom_settings_pass_missing_ok():
    t = table("t", col("tenant", "uuid"))
    ok = Policy("p", qn("t"), using="tenant = current_setting('app.tenant', true)::uuid")
    builtin = Policy("q", qn("t"), using="current_setting('search_path') <> ''")
    assert check_custom_settings(Catalog.of(tables=[t], policies=[ok, builtin])) == []
    bad = Policy("p", qn("t"), using="tenant = current_setting('app.tenant')::uuid", span=span(4))
    view = View(qn("v"), "SELECT * FROM s.t WHERE tenant = current_setting('app.tenant')::uuid")
    found = check_custom_settings(Catalog.of(tables=[t], policies=[bad], views=[view]))
    assert codes(found) == ["C368", "C368"]
