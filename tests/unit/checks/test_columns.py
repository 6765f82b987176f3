"""Extensions available, identity/sequence types, value sources, NULL-rejecting domains."""

from __future__ import annotations

from schemagen.checks.columns import (
    check_column_value_sources,
    check_extensions_available,
    check_integer_types,
    check_nullable_columns_of_non_null_domains,
)
from schemagen.diagnostics import Severity
from schemagen.model import Catalog, CheckConstraint, Domain, Extension, Identity, Sequence
from tests.unit.checks.builders import codes, col, qn, span, table


def test_extensions_available():
    assert (
        check_extensions_available(
            Catalog.of(extensions=[Extension("vector"), Extension("pg_trgm"), Extension("pgcrypto")])
        )
        == []
    )  # pgcrypto and uuid-ossp ship in contrib of every supported version
    assert check_extensions_available(Catalog.of(extensions=[Extension("uuid-ossp")])) == []
    [diag] = check_extensions_available(Catalog.of(extensions=[Extension("timescaledb", span=span(2))]))
    assert diag.code == "C312" and diag.severity is Severity.WARNING and diag.span == span(2)


def test_identity_and_sequence_types():
    ok = table("t", col("id", "bigint", identity=Identity(always=True)))
    assert (
        check_integer_types(Catalog.of(tables=[ok], sequences=[Sequence(qn("s1"), data_type="integer")]))
        == []
    )
    bad = table("t", col("id", "uuid", identity=Identity()))
    found = check_integer_types(Catalog.of(tables=[bad], sequences=[Sequence(qn("s1"), data_type="numeric")]))
    assert codes(found) == ["C313", "C313"]


def test_one_value_source_per_column():
    ok = table("t", col("a", default="1"), col("b", identity=Identity()), col("c", generated="a + 1"))
    assert check_column_value_sources(Catalog.of(tables=[ok])) == []
    bad = table("t", col("a"), col("b", default="1", generated="a + 1", line=4))
    [diag] = check_column_value_sources(Catalog.of(tables=[bad]))
    assert diag.code == "C367" and diag.span == span(4) and "default and generated" in diag.message


def test_nullable_column_of_a_null_rejecting_domain():
    not_null = Domain(qn("agent_id"), "uuid", not_null=True)
    checked = Domain(
        qn("task_id"), "uuid", checks=(CheckConstraint("c", "VALUE IS NOT NULL AND VALUE <> '0'"),)
    )
    plain = Domain(qn("plain_id"), "uuid")
    required = table(
        "t",
        col("id", "s.agent_id"),
        col("must", "s.task_id", not_null=True),
        col("parent", "s.plain_id"),
        pk=("id",),
    )
    domains = [not_null, checked, plain]
    assert check_nullable_columns_of_non_null_domains(Catalog.of(domains=domains, tables=[required])) == []
    optional = table("t", col("parent_agent_id", "s.agent_id", line=3), col("task", "s.task_id", line=4))
    found = check_nullable_columns_of_non_null_domains(Catalog.of(domains=domains, tables=[optional]))
    assert codes(found) == ["C342", "C342"]
    assert all(d.severity is Severity.WARNING for d in found)
    assert "NOT NULL" in found[0].message and "CHECK c" in found[1].message
