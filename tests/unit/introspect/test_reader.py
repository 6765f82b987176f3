"""The pure readers, on catalog rows recorded from PostgreSQL 18 (no server needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemagen.introspect import QUERY_KINDS, Omission, read_catalog
from schemagen.model import (
    ExcludeElement,
    Identity,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    QualifiedName,
)
from schemagen.model.identity import GrantOn, GrantTarget, grant_on_schema, routine_id

RECORDED = Path(__file__).with_name("recorded_sample_pg18.json")
Q = QualifiedName


@pytest.fixture(scope="module")
def read():
    rows = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert set(rows) == set(QUERY_KINDS)
    return read_catalog(rows)


def test_schemas_and_public_default_comment(read):
    catalog, _ = read
    assert catalog.schemas["agents"].comment == "Agent metadata."
    assert catalog.schemas["public"].comment is None


def test_extension_objects_are_left_out(read):
    catalog, _ = read
    assert list(catalog.extensions) == ["btree_gist"]
    assert not [f for f in catalog.functions if f.schema == "public"]


def test_enum_labels_keep_order_and_quotes(read):
    catalog, _ = read
    assert catalog.enums[Q("agents", "agent_status")].labels == ("initializing", "active", "it's done")


def test_domains(read):
    catalog, _ = read
    positive = catalog.domains[Q("agents", "positive_int")]
    assert (positive.base_type, positive.default, positive.checks[0].expression) == (
        "integer",
        "1",
        "VALUE > 0",
    )
    assert catalog.domains[Q("agents", "agent_id")].not_null
    assert catalog.domains[Q("agents", "code")].collation == "C"


def test_sequences_keep_only_non_default_options(read):
    catalog, _ = read
    ticket = catalog.sequences[Q("agents", "ticket_seq")]
    assert (ticket.start, ticket.cache, ticket.min_value, ticket.max_value) == (1000, 10, None, None)
    serial = catalog.sequences[Q("tasks", "queue_serial_no_seq")]
    assert serial.owned_by == (Q("tasks", "queue"), "serial_no")


def test_identity_sequences_are_not_sequences(read):
    catalog, _ = read
    assert all("task_id" not in name.name for name in catalog.sequences)


def test_columns_types_defaults_collation(read):
    catalog, _ = read
    registry = catalog.tables[Q("agents", "registry")]
    assert registry.column("agent_id").type == "agents.agent_id"
    assert registry.column("agent_type").type == "character varying(50)"
    assert registry.column("status").default == "'initializing'::agents.agent_status"
    assert registry.column("name").collation == "C"
    assert registry.column("tags").collation is None
    assert registry.column("doubled").generated == "score * 2::numeric"
    assert registry.column("doubled").default is None
    assert registry.column("agent_type").comment == "Kind of agent."


def test_identity_with_non_default_options_only(read):
    catalog, _ = read
    queue = catalog.tables[Q("tasks", "queue")]
    assert queue.column("task_id").identity == Identity(always=True, start=100)
    assert queue.column("task_id").default is None
    partition = catalog.tables[Q("tasks", "queue_2024")]
    assert partition.column("task_id").identity == Identity(always=True, start=100)


def test_constraints(read):
    catalog, _ = read
    registry = catalog.tables[Q("agents", "registry")]
    assert registry.primary_key.columns == ("agent_id",)
    assert [u.name for u in registry.uniques] == ["registry_name_key"]
    fk = registry.foreign_keys[0]
    assert (fk.on_delete, fk.deferrable, fk.initially_deferred) == ("SET NULL", True, True)
    assert {c.name: c.expression for c in registry.checks} == {
        "no_self_parent": "agent_id::uuid <> parent_agent_id",
        "registry_score_check": "score >= 0::numeric",
    }
    queue_fk = catalog.tables[Q("tasks", "queue")].foreign_keys[0]
    assert (queue_fk.ref_table, queue_fk.on_delete, queue_fk.on_update) == (
        Q("agents", "registry"),
        "CASCADE",
        "RESTRICT",
    )


def test_exclude_constraint(read):
    catalog, _ = read
    (exclude,) = catalog.tables[Q("tasks", "scratch")].excludes
    assert exclude.using == "gist"
    assert exclude.elements == (ExcludeElement("room", "="), ExcludeElement("during", "&&"))
    assert exclude.where == "room > 0"


def test_partitioning(read):
    catalog, _ = read
    assert catalog.tables[Q("tasks", "queue")].partition_by == PartitionSpec("range", ("created_at",))
    assert catalog.tables[Q("tasks", "queue_default")].partition_of == PartitionBound(
        Q("tasks", "queue"), default=True
    )
    assert catalog.tables[Q("tasks", "by_hash_1")].partition_of == PartitionBound(
        Q("tasks", "by_hash"), modulus=2, remainder=1
    )
    assert catalog.tables[Q("tasks", "by_list_eu")].partition_of.values_in == ("'de'", "'fr'")
    assert catalog.tables[Q("tasks", "queue_2024")].partition_of.from_values == ("'2024-01-01 00:00:00+00'",)
    # constraints live on the parent only
    assert catalog.tables[Q("tasks", "queue_2024")].primary_key is None


def test_indexes(read):
    catalog, _ = read
    assert Q("agents", "registry_pkey") not in catalog.indexes  # backs a constraint
    gin = catalog.indexes[Q("agents", "registry_capabilities_idx")]
    assert (gin.using, gin.elements[0].opclass) == ("gin", "jsonb_path_ops")
    lower = catalog.indexes[Q("agents", "registry_lower_name")]
    assert lower.elements == (
        IndexElement(expression="lower(name)", collation="C", descending=True, nulls_first=False),
    )
    assert lower.include == ("agent_type",)
    assert lower.where == "status <> 'active'::agents.agent_status"
    unique = catalog.indexes[Q("agents", "registry_type_name")]
    assert unique.unique and unique.storage_parameters == (("fillfactor", "90"),)
    assert unique.elements[1].collation is None  # the column's own collation
    assert unique.comment == "Unique pair."
    assert Q("agents", "counts_agent_type_idx") in catalog.indexes  # on a materialized view


def test_functions(read):
    catalog, _ = read
    add = catalog.functions[routine_id(Q("agents", "add"), ("integer", "integer"))]
    assert [a.default for a in add.arguments] == [None, "2"]
    assert (add.volatility, add.strict, add.parallel, add.comment) == ("IMMUTABLE", True, "SAFE", "Adds.")
    pairs = catalog.functions[routine_id(Q("agents", "pairs"), ("integer",))]
    assert pairs.returns_table == (("x", "integer"), ("y", "text"))
    assert pairs.search_path == "agents, pg_temp"
    noop = catalog.functions[routine_id(Q("agents", "noop"), ("integer",))]
    assert (noop.kind, noop.returns, noop.arguments[0].mode) == ("procedure", None, "INOUT")


def test_triggers(read):
    catalog, _ = read
    trigger = catalog.triggers[(Q("agents", "registry"), "registry_touch")]
    assert (trigger.timing, trigger.events, trigger.update_columns) == (
        "BEFORE",
        ("UPDATE",),
        ("agent_type", "status"),
    )
    assert trigger.arguments == ("a", "b c")
    assert trigger.when == "old.status IS DISTINCT FROM new.status"


def test_views(read):
    catalog, _ = read
    assert "WHERE status = 'active'::agents.agent_status" in catalog.views[Q("agents", "active")].query
    counts = catalog.views[Q("agents", "counts")]
    assert counts.materialized and not counts.with_data


def test_policies_roles_grants(read):
    catalog, _ = read
    policy = catalog.policies[(Q("agents", "registry"), "own_rows")]
    assert (policy.permissive, policy.command, policy.roles) == (False, "SELECT", ("schemagen_reader",))
    assert list(catalog.roles) == ["schemagen_reader", "schemagen_writer"]
    assert catalog.roles["schemagen_writer"].member_of == ("schemagen_reader",)
    registry = Q("agents", "registry")
    writer = catalog.grants[(GrantTarget(GrantOn.TABLE, registry), "schemagen_writer", (), False)]
    assert writer.privileges == ("INSERT", "SELECT", "UPDATE") and writer.with_grant_option
    column = catalog.grants[(GrantTarget(GrantOn.COLUMN, registry), "schemagen_reader", ("status",), False)]
    assert column.privileges == ("UPDATE",)
    assert (grant_on_schema("public"), "public", (), False) not in catalog.grants
    add = GrantTarget(GrantOn.FUNCTION, Q("agents", "add"), ("integer", "integer"))
    revoked = catalog.grants[(add, "public", (), True)]
    assert revoked.revoke and revoked.privileges == ("EXECUTE",)
    (default,) = catalog.default_privileges.values()
    assert (default.schema, default.object_kind, default.privileges) == ("agents", "tables", ("SELECT",))


def test_omissions_are_listed(read):
    _, omissions = read
    assert not any(o.kind in ("aggregate", "rule") for o in omissions)  # both are read now
    assert omissions == sorted(omissions)
    rows = {"omissions": [{"kind": "range type", "name": "a.r", "why": "range types are not supported"}]}
    _, listed = read_catalog({kind: rows.get(kind, []) for kind in QUERY_KINDS})
    assert listed == [Omission("range type", "a.r", "range types are not supported")]


def test_rules_are_read(read):
    catalog, _ = read
    rule = catalog.rules[(Q("tasks", "scratch"), "no_delete")]
    assert (rule.event, rule.instead, rule.where, rule.actions) == ("DELETE", True, None, ())


def test_aggregates_are_read(read):
    catalog, _ = read
    [total] = catalog.aggregates.values()
    assert (total.name, total.arguments, total.stype) == (Q("agents", "total"), ("integer",), "integer")
    assert total.sfunc == Q("pg_catalog", "int4pl") and total.order_by is None


def test_extension_version_is_kept_only_when_not_the_default():
    from schemagen.introspect.read_types import read_extensions

    rows = [
        {"name": "a", "schema": "public", "version": "1.8", "default_version": "1.8"},
        {"name": "b", "schema": "public", "version": "1.5", "default_version": "1.8"},
    ]
    assert [e.version for e in read_extensions(rows)] == [None, "1.5"]


def test_range_types(read):
    catalog, _ = read
    floats, labels = (
        catalog.range_types[Q("agents", "floatrange")],
        catalog.range_types[Q("agents", "label_span")],
    )
    assert floats.subtype == "double precision" and floats.subtype_diff == Q("pg_catalog", "float8mi")
    assert floats.multirange is None and floats.multirange_name == Q("agents", "floatmultirange")
    assert floats.comment == "Spans of scores."
    assert labels.subtype_opclass == Q("pg_catalog", "text_pattern_ops") and labels.collation == "C"
    assert labels.multirange == Q("agents", "label_spans")


def test_operator_classes_and_families(read):
    catalog, _ = read
    [family] = catalog.operator_families.values()
    assert family.key == (Q("agents", "mixed_ops"), "btree")
    assert [(m.types, m.strategy, m.operator) for m in family.operators] == [
        (("integer", "bigint"), 1, Q("pg_catalog", "<"))
    ]
    own = catalog.operator_classes[(Q("agents", "int_abs_ops"), "btree")]
    assert own.family is None and own.default and own.comment == "by absolute value"
    assert [m.strategy for m in own.operators] == [1, 3]  # sorted by types, then number
    assert own.functions[0].arguments == ("integer", "integer")
    mixed = catalog.operator_classes[(Q("agents", "int_mixed_ops"), "btree")]
    assert mixed.family == Q("agents", "mixed_ops") and mixed.functions == ()
