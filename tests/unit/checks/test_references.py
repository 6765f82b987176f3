"""References resolve: types, FK targets and columns, index tables, sequence owners."""

from __future__ import annotations

from dataclasses import replace

from schemagen.checks.foreign_keys import check_foreign_keys
from schemagen.checks.references import (
    check_constraint_columns,
    check_index_tables,
    check_sequence_owners,
    check_type_references,
)
from schemagen.diagnostics import Severity
from schemagen.model import (
    Catalog,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Extension,
    ForeignKey,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    Sequence,
    UniqueConstraint,
    View,
)
from schemagen.model.ranges import RangeType
from tests.unit.checks.builders import codes, col, qn, span, table


def test_builtin_and_declared_types_resolve():
    catalog = Catalog.of(
        enums=[EnumType(qn("status"), ("a", "b"))],
        domains=[Domain(qn("agent_id"), "uuid")],
        composite_types=[CompositeType(qn("money"), (CompositeAttribute("amount", "numeric(12,2)"),))],
        extensions=[Extension("vector")],
        tables=[
            table(
                "t",
                col("a", "character varying(50)[]"),
                col("b", "s.status"),
                col("c", "s.agent_id"),
                col("d", "timestamp(3) with time zone"),
                col("e", "public.vector(1536)"),
                col("f", "s.money"),
                col("g", '"char"'),
            )
        ],
    )
    assert check_type_references(catalog) == []


def test_unknown_type_is_reported_at_the_column():
    catalog = Catalog.of(tables=[table("t", col("a", "s.statuz", line=7))])
    [diag] = check_type_references(catalog)
    assert diag.code == "C301" and diag.span == span(7)
    assert "s.statuz" in diag.message


def test_an_unknown_type_close_to_a_known_one_is_suggested():
    catalog = Catalog.of(
        enums=[EnumType(qn("status"), ("a", "b"))],
        tables=[table("t", col("a", "s.txt", line=7), col("b", "s.statuz", line=8), col("c", "s.q", line=9))],
    )
    hints = [d.hint for d in check_type_references(catalog)]
    assert hints == [
        "did you mean text? Otherwise declare it as an enum, domain or composite type",
        "did you mean status? Otherwise declare it as an enum, domain or composite type",
        "declare it as an enum, domain or composite type, or check the spelling",
    ]


def test_unknown_domain_base_type():
    catalog = Catalog.of(domains=[Domain(qn("d"), "s.nope", span=span(4))])
    assert codes(check_type_references(catalog)) == ["C301"]


def test_range_and_multirange_types_resolve_and_their_subtype_is_checked():
    ranges = [RangeType(qn("span"), "s.nope", span=span(4)), RangeType(qn("floatrange"), "double precision")]
    catalog = Catalog.of(
        range_types=ranges,
        tables=[
            table(
                "t", col("a", "s.floatrange"), col("b", "s.floatmultirange"), col("c", "s.span_multirange[]")
            )
        ],
    )
    [diag] = check_type_references(catalog)
    assert diag.code == "C301" and diag.span == span(4) and "subtype of range type s.span" in diag.message


def test_extension_type_needs_its_extension():
    catalog = Catalog.of(tables=[table("t", col("e", "public.vector(3)", line=2))])
    [diag] = check_type_references(catalog)
    assert diag.code == "C302" and "vector" in diag.hint


def test_extension_type_in_another_schema_than_the_extension():
    catalog = Catalog.of(
        extensions=[Extension("vector", schema="ext")], tables=[table("t", col("e", "public.vector(3)"))]
    )
    assert codes(check_type_references(catalog)) == ["C301"]


def _fk(columns, target, ref_columns=(), **kwargs):
    return ForeignKey("t_fk", tuple(columns), qn(target), tuple(ref_columns), span=span(9), **kwargs)


def _pair(child_type="uuid", parent_type="uuid", fk=None, parent_kwargs=None, **catalog_kwargs):
    parent = table("parent", col("id", parent_type), col("code", "text"), pk=("id",), **(parent_kwargs or {}))
    child = table(
        "child", col("pid", child_type), col("code", "text"), foreign_keys=(fk or _fk(["pid"], "parent"),)
    )
    return Catalog.of(tables=[parent, child], **catalog_kwargs)


def test_foreign_key_to_primary_key_passes():
    assert check_foreign_keys(_pair()) == []
    assert check_foreign_keys(_pair(fk=_fk(["pid"], "parent", ["id"]))) == []


def test_foreign_key_to_missing_table():
    assert codes(check_foreign_keys(_pair(fk=_fk(["pid"], "nowhere")))) == ["C303"]


def test_foreign_key_unknown_columns():
    assert codes(check_foreign_keys(_pair(fk=_fk(["nope"], "parent")))) == ["C304"]
    assert codes(check_foreign_keys(_pair(fk=_fk(["pid"], "parent", ["nope"])))) == ["C304"]


def test_foreign_key_column_count():
    assert codes(check_foreign_keys(_pair(fk=_fk(["pid", "code"], "parent", ["id"])))) == ["C305"]


def test_foreign_key_must_target_a_unique_key():
    [diag] = check_foreign_keys(_pair(fk=_fk(["code"], "parent", ["code"])))
    assert diag.code == "C306" and diag.span == span(9)


def test_foreign_key_to_unique_constraint_or_unique_index():
    unique = {"uniques": (UniqueConstraint("parent_code_key", ("code",)),)}
    assert check_foreign_keys(_pair(fk=_fk(["code"], "parent", ["code"]), parent_kwargs=unique)) == []
    index = Index(qn("parent_code_idx"), qn("parent"), (IndexElement(column="code"),), unique=True)
    assert check_foreign_keys(_pair(fk=_fk(["code"], "parent", ["code"]), indexes=[index])) == []
    partial = Index(
        qn("p_idx"), qn("parent"), (IndexElement(column="code"),), unique=True, where="code <> ''"
    )
    assert codes(check_foreign_keys(_pair(fk=_fk(["code"], "parent", ["code"]), indexes=[partial]))) == [
        "C306"
    ]


def test_foreign_key_to_a_partition_uses_the_keys_it_inherits():
    spec = PartitionSpec("list", ("id",))
    parent = table("parent", col("id", "uuid"), col("code", "text"), pk=("id",), partition_by=spec)
    bound = PartitionBound(qn("parent"), values_in=("'x'",))
    part = table("parent_1", col("id", "uuid"), col("code", "text"), partition_of=bound)
    child = table("child", col("pid", "uuid"), foreign_keys=(_fk(["pid"], "parent_1"),))
    child_code = table("child2", col("c", "text"), foreign_keys=(_fk(["c"], "parent_1", ["code"]),))
    assert check_foreign_keys(Catalog.of(tables=[parent, part, child])) == []
    assert codes(check_foreign_keys(Catalog.of(tables=[parent, part, child_code]))) == ["C306"]


def test_foreign_key_to_deferrable_unique_is_refused():
    unique = {"uniques": (UniqueConstraint("parent_code_key", ("code",), deferrable=True),)}
    [diag] = check_foreign_keys(_pair(fk=_fk(["code"], "parent", ["code"]), parent_kwargs=unique))
    assert diag.code == "C306" and "DEFERRABLE" in diag.message


def test_foreign_key_to_deferrable_primary_key_is_refused():
    # PostgreSQL: "cannot use a deferrable primary key for referenced table"; the check's own
    # list of unique keys treated only UNIQUE as possibly deferrable (model/unique_keys now)
    catalog = _pair()
    parent = catalog.tables[qn("parent")]
    deferrable = replace(parent, primary_key=replace(parent.primary_key, deferrable=True))
    [diag] = check_foreign_keys(Catalog.of(tables=[deferrable, catalog.tables[qn("child")]]))
    assert diag.code == "C306" and "PRIMARY KEY is DEFERRABLE" in diag.message


def test_foreign_key_incompatible_types():
    [diag] = check_foreign_keys(_pair(child_type="text"))
    assert diag.code == "C307" and diag.severity is Severity.ERROR
    assert "text" in diag.message and "uuid" in diag.message


def test_foreign_key_compatible_but_different_types_warn():
    [diag] = check_foreign_keys(_pair(child_type="integer", parent_type="bigint"))
    assert diag.code == "C308" and diag.severity is Severity.WARNING
    assert check_foreign_keys(_pair(child_type="character varying(20)", parent_type="text")) == []


def test_foreign_key_types_resolve_domains():
    domains = [Domain(qn("agent_id"), "uuid")]
    assert check_foreign_keys(_pair(child_type="s.agent_id", domains=domains)) == []


def test_constraint_and_index_columns_exist():
    good = table(
        "t", col("a"), col("b"), pk=("a",), uniques=(UniqueConstraint("t_b_key", ("b",), include=("a",)),)
    )
    index = Index(qn("t_idx"), qn("t"), (IndexElement(column="a"), IndexElement(expression="lower(b)")))
    assert check_constraint_columns(Catalog.of(tables=[good], indexes=[index])) == []
    bad = table("t", col("a"), pk=("a", "zz"), uniques=(UniqueConstraint("t_b_key", ("b",), span=span(5)),))
    bad_index = Index(qn("t_idx"), qn("t"), (IndexElement(column="a"),), include=("q",), span=span(8))
    found = check_constraint_columns(Catalog.of(tables=[bad], indexes=[bad_index]))
    assert codes(found) == ["C309"] * 3
    assert {d.span for d in found} == {span(1), span(5), span(8)}


def test_index_table_exists_and_is_not_a_plain_view():
    element = (IndexElement(column="a"),)
    ok = Catalog.of(
        tables=[table("t", col("a"))],
        views=[View(qn("mv"), "SELECT 1 AS a", materialized=True)],
        indexes=[Index(qn("t_a_idx"), qn("t"), element), Index(qn("mv_a_idx"), qn("mv"), element)],
    )
    assert check_index_tables(ok) == []
    bad = Catalog.of(
        views=[View(qn("v"), "SELECT 1 AS a")],
        indexes=[Index(qn("x_idx"), qn("missing"), element), Index(qn("v_idx"), qn("v"), element)],
    )
    assert codes(check_index_tables(bad)) == ["C310", "C310"]


def test_sequence_owned_by():
    t = table("t", col("id"))
    ok = Catalog.of(tables=[t], sequences=[Sequence(qn("t_id_seq"), owned_by=(qn("t"), "id"))])
    assert check_sequence_owners(ok) == []
    for owner in [(qn("nope"), "id"), (qn("t"), "nope"), (qn("other.t2"), "id")]:
        tables = [t, table("other.t2", col("id"))]
        bad = Catalog.of(tables=tables, sequences=[Sequence(qn("seq"), owned_by=owner, span=span(3))])
        assert codes(check_sequence_owners(bad)) == ["C311"], owner
