"""Enum defaults and literals compared with enum columns name existing labels."""

from __future__ import annotations

from schemagen.checks.enums import check_enum_comparisons, check_enum_defaults
from schemagen.model import Catalog, CheckConstraint, Domain, EnumType, Index, IndexElement, ReferenceRows
from tests.unit.checks.builders import codes, col, qn, span, table

STATUS = EnumType(qn("agents.agent_status"), ("initializing", "active", "idle"))


def _catalog(default, **kwargs):
    t = table("agents.registry", col("status", "agents.agent_status", default=default, line=5), col("id"))
    return Catalog.of(enums=[STATUS], tables=[t], **kwargs)


def test_enum_default_that_is_a_label_passes():
    assert check_enum_defaults(_catalog("'initializing'")) == []
    assert check_enum_defaults(_catalog("'idle'::agents.agent_status")) == []
    assert check_enum_defaults(_catalog(None)) == []


def test_enum_default_that_is_not_a_label_fails():
    [diag] = check_enum_defaults(_catalog("'initialising'"))
    assert diag.code == "C340" and diag.span == span(5)
    assert "'initialising'" in diag.message and "initializing" in diag.message
    assert codes(check_enum_defaults(_catalog("'x'::agents.agent_status"))) == ["C340"]


def test_domain_over_enum_default():
    ok = Domain(qn("agents.st"), "agents.agent_status", default="'active'")
    bad = Domain(qn("agents.st2"), "agents.agent_status", default="'gone'", span=span(2))
    catalog = Catalog.of(enums=[STATUS], domains=[ok, bad])
    assert codes(check_enum_defaults(catalog)) == ["C340"]


def test_enum_comparison_in_index_predicate_and_check():
    good_index = Index(
        qn("agents.i1"), qn("agents.registry"), (IndexElement(column="id"),), where="status = 'active'"
    )
    assert check_enum_comparisons(_catalog(None, indexes=[good_index])) == []
    bad_index = Index(
        qn("agents.i2"),
        qn("agents.registry"),
        (IndexElement(column="id"),),
        where="status = 'running'",
        span=span(8),
    )
    [diag] = check_enum_comparisons(_catalog(None, indexes=[bad_index]))
    assert diag.code == "C341" and diag.span == span(8)
    t = table(
        "agents.registry",
        col("status", "agents.agent_status"),
        checks=(CheckConstraint("c", "status IN ('active', 'busy')"),),
    )
    assert codes(check_enum_comparisons(Catalog.of(enums=[STATUS], tables=[t]))) == ["C341"]


def test_reference_rows_use_labels():
    rows = ReferenceRows(qn("agents.registry"), ("id",), ((("id", "1"), ("status", "'active'")),))
    assert check_enum_comparisons(_catalog(None, reference_rows=[rows])) == []
    rows = ReferenceRows(qn("agents.registry"), ("id",), ((("id", "1"), ("status", "'nope'")),))
    assert codes(check_enum_comparisons(_catalog(None, reference_rows=[rows]))) == ["C341"]
