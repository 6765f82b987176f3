"""Identifiers: 63-byte limit, collisions after truncation, names used twice, enum labels."""

from __future__ import annotations

from schemagen.checks.identifiers import check_enum_labels, check_identifier_length, check_name_collisions
from schemagen.model import (
    Catalog,
    CheckConstraint,
    EnumType,
    ForeignKey,
    Index,
    IndexElement,
    Sequence,
    UniqueConstraint,
    View,
)
from schemagen.model.ranges import RangeType
from tests.unit.checks.builders import codes, col, qn, span, table

LONG = "a" * 60 + "_first_one"
LONG_TWIN = "a" * 63 + "_two"
LONG_TRIPLET = "a" * 63 + "_three"


def test_short_names_pass():
    catalog = Catalog.of(tables=[table("t", col("id"), pk=("id",))])
    assert check_identifier_length(catalog) == []
    assert check_name_collisions(catalog) == []


def test_long_name_reports_the_truncated_form():
    catalog = Catalog.of(tables=[table("t", col(LONG, line=4))])
    [diag] = check_identifier_length(catalog)
    assert diag.code == "C320" and diag.span == span(4)
    assert repr("a" * 60 + "_fi") in diag.message


def test_multibyte_names_count_bytes():
    name = "é" * 32  # 64 bytes
    [diag] = check_identifier_length(Catalog.of(tables=[table("t", col(name))]))
    assert repr("é" * 31) in diag.message


def test_columns_collide_after_truncation():
    catalog = Catalog.of(tables=[table("t", col(LONG_TWIN, line=2), col(LONG_TRIPLET, line=3))])
    [diag] = check_name_collisions(catalog)
    assert diag.code == "C321" and diag.span == span(3)


def test_relation_namespace_is_shared_by_kind():
    catalog = Catalog.of(
        tables=[table("t", col("a"), pk=("a",), line=1)],
        sequences=[Sequence(qn("t_pkey"), span=span(5))],
        views=[View(qn("v"), "SELECT 1", span=span(6))],
        indexes=[Index(qn("v"), qn("t"), (IndexElement(column="a"),), span=span(7))],
    )
    found = check_name_collisions(catalog)
    assert codes(found) == ["C322", "C322"]
    assert {d.span for d in found} == {span(5), span(7)}


def test_enum_and_table_share_the_type_namespace():
    catalog = Catalog.of(
        tables=[table("status", col("a"))], enums=[EnumType(qn("status"), ("x",), span=span(9))]
    )
    [diag] = check_name_collisions(catalog)
    assert diag.code == "C322" and "types of schema s" in diag.message


def test_same_table_name_in_two_schemas_is_fine():
    catalog = Catalog.of(tables=[table("a.t", col("x")), table("b.t", col("x"))])
    assert check_name_collisions(catalog) == []


def test_a_range_types_multirange_takes_a_type_name():
    ranges = [RangeType(qn("floatrange"), "double precision", span=span(3))]
    assert check_name_collisions(Catalog.of(range_types=ranges)) == []
    taken = Catalog.of(range_types=ranges, enums=[EnumType(qn("floatmultirange"), ("x",), span=span(9))])
    [diag] = check_name_collisions(taken)
    assert (
        diag.code == "C322" and "multirange type s.floatmultirange of range type s.floatrange" in diag.message
    )


def test_constraint_name_reused_on_one_table():
    t = table(
        "t",
        col("a"),
        col("b"),
        checks=(
            CheckConstraint("t_check", "a > 0", span=span(2)),
            CheckConstraint("t_check", "b > 0", span=span(3)),
        ),
        foreign_keys=(ForeignKey("t_fk", ("a",), qn("t"), ("a",)),),
        uniques=(UniqueConstraint("t_fk", ("b",), span=span(4)),),
    )
    found = check_name_collisions(Catalog.of(tables=[t]))
    assert codes(found) == ["C322", "C322"]


def test_enum_labels():
    ok = Catalog.of(enums=[EnumType(qn("e"), ("a", "b"))])
    assert check_enum_labels(ok) == []
    bad = Catalog.of(enums=[EnumType(qn("e"), ("a", "a", "x" * 64), span=span(1))])
    assert codes(check_enum_labels(bad)) == ["C323", "C323"]
