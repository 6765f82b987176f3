"""Partitioned tables: unique keys include the partition key; keys and bounds make sense.

The failing cases are the source design's defects (agents.lifecycle_events,
tasks.executions, messages.log, sessions.active: a primary key without the
partition key).
"""

from __future__ import annotations

from schemagen.checks.foreign_keys import check_foreign_keys
from schemagen.checks.partitions import (
    check_partition_bounds,
    check_partition_keys_exist,
    check_unique_keys_include_partition_key,
)
from schemagen.model import (
    Catalog,
    ForeignKey,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    Schema,
    Table,
    UniqueConstraint,
)
from tests.unit.checks.builders import codes, col, qn, span, table


def _events(pk, strategy="range", keys=("created_at",), **kwargs):
    return table(
        "agents.lifecycle_events",
        col("event_id", "bigint"),
        col("created_at", "timestamp with time zone"),
        pk=pk,
        partition_by=PartitionSpec(strategy, keys),
        line=10,
        **kwargs,
    )


def test_primary_key_with_partition_key_passes():
    assert (
        check_unique_keys_include_partition_key(Catalog.of(tables=[_events(("event_id", "created_at"))]))
        == []
    )


def test_primary_key_without_partition_key_fails():
    [diag] = check_unique_keys_include_partition_key(Catalog.of(tables=[_events(("event_id",))]))
    assert diag.code == "C330" and diag.span == span(10)
    assert "created_at" in diag.message and "(event_id, created_at)" in diag.hint


def test_unique_constraint_and_unique_index_are_checked_too():
    uniques = (UniqueConstraint("u", ("event_id",), span=span(12)),)
    index = Index(
        qn("agents.ix"), qn("agents.lifecycle_events"), (IndexElement(column="event_id"),), unique=True
    )
    found = check_unique_keys_include_partition_key(
        Catalog.of(tables=[_events(None, uniques=uniques)], indexes=[index])
    )
    assert codes(found) == ["C330", "C330"]


def test_expression_partition_key_forbids_unique_keys():
    [diag] = check_unique_keys_include_partition_key(
        Catalog.of(tables=[_events(("event_id",), keys=("(date_trunc('day', created_at))",))])
    )
    assert diag.code == "C332"


def test_subpartition_inherits_parent_key():
    parent = table(
        "p",
        col("id"),
        col("region", "text"),
        col("day", "date"),
        pk=("id", "region"),
        partition_by=PartitionSpec("list", ("region",)),
    )
    child = table(
        "p_eu",
        col("id"),
        col("region", "text"),
        col("day", "date"),
        partition_of=PartitionBound(qn("p"), values_in=("'eu'",)),
        partition_by=PartitionSpec("range", ("day",)),
    )
    [diag] = check_unique_keys_include_partition_key(Catalog.of(tables=[parent, child]))
    assert diag.code == "C330" and "inherited from s.p" in diag.message


def test_partition_key_columns_exist():
    assert check_partition_keys_exist(Catalog.of(tables=[_events(None)])) == []
    [diag] = check_partition_keys_exist(Catalog.of(tables=[_events(None, keys=("sent_at",))]))
    assert diag.code == "C331"


def test_foreign_key_to_partitioned_table_needs_full_key():
    events = _events(("event_id", "created_at"))
    fk = ForeignKey("fk", ("event_id",), events.name, ("event_id",), span=span(30))
    child = table("other", col("event_id", "bigint"), foreign_keys=(fk,))
    [diag] = check_foreign_keys(Catalog.of(tables=[events, child]))
    assert diag.code == "C333" and "partition key" in diag.message
    full = ForeignKey("fk", ("event_id", "at"), events.name, ("event_id", "created_at"))
    ok = table(
        "other", col("event_id", "bigint"), col("at", "timestamp with time zone"), foreign_keys=(full,)
    )
    assert check_foreign_keys(Catalog.of(tables=[events, ok])) == []


def _child(bound):
    return table("c", col("id"), partition_of=bound, line=40)


def test_partition_bounds():
    ranged = table("p", col("id"), partition_by=PartitionSpec("range", ("id",)))
    hashed = table("h", col("id"), partition_by=PartitionSpec("hash", ("id",)))
    good = [
        (ranged, PartitionBound(qn("p"), from_values=("1",), to_values=("10",))),
        (ranged, PartitionBound(qn("p"), default=True)),
        (hashed, PartitionBound(qn("h"), modulus=4, remainder=3)),
    ]
    for parent, bound in good:
        assert check_partition_bounds(Catalog.of(tables=[parent, _child(bound)])) == []
    bad = [
        (ranged, PartitionBound(qn("p"), values_in=("1",))),
        (ranged, PartitionBound(qn("p"), from_values=("1", "2"), to_values=("3", "4"))),
        (hashed, PartitionBound(qn("h"), default=True)),
        (hashed, PartitionBound(qn("h"), modulus=4, remainder=4)),
        (hashed, PartitionBound(qn("missing"), default=True)),
        (table("plain", col("id")), PartitionBound(qn("plain"), default=True)),
    ]
    for parent, bound in bad:
        assert codes(check_partition_bounds(Catalog.of(tables=[parent, _child(bound)]))) == ["C334"], bound


def test_a_partition_in_another_schema_needs_that_schema():
    parent = table("p", col("id"), partition_by=PartitionSpec("list", ("id",)))
    bound = PartitionBound(qn("p"), values_in=("1",))
    child = Table(qn("other.c"), (col("id"),), partition_of=bound)
    [diag] = check_partition_bounds(Catalog.of(tables=[parent, child]))
    assert diag.code == "C334" and "schema other" in diag.message
    assert check_partition_bounds(Catalog.of(schemas=[Schema("other")], tables=[parent, child])) == []
