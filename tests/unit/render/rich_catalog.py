"""A catalog using every issue-2 object kind and option, shared by diff/plan/render tests."""

from __future__ import annotations

from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    ExcludeConstraint,
    ExcludeElement,
    Extension,
    ForeignKey,
    Identity,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)

Q = QualifiedName


def rich_catalog(*, vector: bool = True) -> Catalog:
    """Two schemas, every type kind, FK cycles, partitions, every index option; ``vector`` adds pgvector."""
    extensions = [Extension("btree_gist", comment="GiST opclasses for scalars")]
    if vector:
        extensions.append(Extension("vector", schema="public"))
    registry = Table(
        name=Q("agents", "registry"),
        columns=(
            Column("agent_id", "agents.agent_id", default="gen_random_uuid()", comment="Primary identity."),
            Column("agent_type", "character varying(50)", not_null=True),
            Column(
                "status", "agents.agent_status", not_null=True, default="'initializing'::agents.agent_status"
            ),
            Column("capabilities", "jsonb", default="'{}'::jsonb"),
            Column("parent_agent_id", "agents.agent_id"),
            Column("ticket", "bigint", default="nextval('agents.ticket_seq'::regclass)"),
            Column("name", "text", collation="C"),
            Column("name_lower", "text", generated="lower(name)"),
            Column("tags", "text[]", default="'{}'::text[]"),
            Column("updated_at", "timestamp with time zone", not_null=True, default="now()"),
            *([Column("embedding", "public.vector(3)")] if vector else []),
        ),
        primary_key=PrimaryKey("registry_pkey", ("agent_id",), comment="The agent's identity."),
        uniques=(
            UniqueConstraint("registry_name_key", ("name",), nulls_not_distinct=True),
            UniqueConstraint("registry_ticket_key", ("ticket",), deferrable=True, initially_deferred=True),
        ),
        foreign_keys=(
            ForeignKey(
                "registry_parent_agent_id_fkey",
                ("parent_agent_id",),
                Q("agents", "registry"),
                ("agent_id",),
                on_delete="SET NULL",
            ),
            ForeignKey(
                "registry_current_task_fkey",
                ("ticket",),
                Q("tasks", "queue"),
                ("task_id",),
                on_delete="CASCADE",
                on_update="RESTRICT",
                match="FULL",
                deferrable=True,
            ),
        ),
        checks=(
            CheckConstraint(
                "no_self_parent", "agent_id <> parent_agent_id", comment="An agent is not its own parent."
            ),
        ),
        comment="Every agent the framework knows; it's the root.",
    )
    queue = Table(
        name=Q("tasks", "queue"),
        columns=(
            Column("task_id", "bigint", not_null=True, identity=Identity(always=True, start=100, cache=10)),
            Column("agent_id", "agents.agent_id"),
            Column("payload", "tasks.money"),
            Column("during", "tstzrange"),
            Column("Order", "integer", default="0"),
        ),
        primary_key=PrimaryKey("queue_pkey", ("task_id",), include=("agent_id",)),
        foreign_keys=(
            ForeignKey("queue_agent_id_fkey", ("agent_id",), Q("agents", "registry"), ("agent_id",)),
        ),
        excludes=(
            ExcludeConstraint(
                "queue_no_overlap",
                "gist",
                (ExcludeElement("agent_id", "="), ExcludeElement("during", "&&")),
                where='"Order" > 0',
            ),
        ),
        unlogged=False,
    )
    events = Table(
        name=Q("tasks", "events"),
        columns=(
            Column("event_id", "bigint", not_null=True),
            Column("created_at", "timestamp with time zone", not_null=True),
            Column("kind", "text", not_null=True),
        ),
        primary_key=PrimaryKey("events_pkey", ("event_id", "created_at")),
        partition_by=PartitionSpec("range", ("created_at",)),
        comment="Partitioned by month.",
    )
    events_2026 = Table(
        name=Q("tasks", "events_2026_01"),
        columns=events.columns,
        partition_of=PartitionBound(
            Q("tasks", "events"),
            from_values=("'2026-01-01 00:00:00+00'",),
            to_values=("'2026-02-01 00:00:00+00'",),
        ),
    )
    events_default = Table(
        name=Q("tasks", "events_default"),
        columns=events.columns,
        partition_of=PartitionBound(Q("tasks", "events"), default=True),
    )
    shards = Table(
        name=Q("tasks", "shards"),
        columns=(Column("key", "integer", not_null=True), Column("region", "text", not_null=True)),
        partition_by=PartitionSpec("hash", ("key",)),
    )
    shard0 = Table(
        name=Q("tasks", "shards_0"),
        columns=shards.columns,
        partition_of=PartitionBound(Q("tasks", "shards"), modulus=2, remainder=0),
        partition_by=PartitionSpec("list", ("(lower(region))",)),
    )
    shard0_eu = Table(
        name=Q("tasks", "shards_0_eu"),
        columns=shards.columns,
        partition_of=PartitionBound(Q("tasks", "shards_0"), values_in=("'eu'", "'uk'")),
        checks=(CheckConstraint("shards_0_eu_key_check", "key > 0"),),
    )
    shard1 = Table(
        name=Q("tasks", "shards_1"),
        columns=shards.columns,
        partition_of=PartitionBound(Q("tasks", "shards"), modulus=2, remainder=1),
        unlogged=False,
    )
    scratch = Table(
        name=Q("tasks", "Scratch Pad"),
        columns=(Column("select", "text"), Column('we"ird', "tasks.level[]")),
        unlogged=True,
    )
    indexes = [
        Index(
            Q("agents", "registry_agent_type_status_idx"),
            Q("agents", "registry"),
            (IndexElement("agent_type"), IndexElement("status")),
            comment="Lookup by type.",
        ),
        Index(
            Q("agents", "registry_capabilities_idx"),
            Q("agents", "registry"),
            (IndexElement("capabilities", opclass="jsonb_path_ops"),),
            using="gin",
        ),
        Index(
            Q("agents", "registry_lower_idx"),
            Q("agents", "registry"),
            (IndexElement(expression="lower(agent_type)"),),
        ),
        Index(
            Q("agents", "registry_active_idx"),
            Q("agents", "registry"),
            (
                IndexElement("agent_type", collation="C"),
                IndexElement("updated_at", descending=True, nulls_first=False),
            ),
            include=("name",),
            where="status = 'active'::agents.agent_status",
            storage_parameters=(("fillfactor", "90"),),
        ),
        Index(
            Q("agents", "registry_type_key"),
            Q("agents", "registry"),
            (IndexElement("agent_type"), IndexElement("ticket")),
            unique=True,
            nulls_not_distinct=True,
        ),
        Index(Q("tasks", "events_kind_idx"), Q("tasks", "events"), (IndexElement("kind"),), using="hash"),
        Index(Q("tasks", "queue_during_idx"), Q("tasks", "queue"), (IndexElement("during"),), using="gist"),
        Index(
            Q("tasks", "events_created_brin"),
            Q("tasks", "events"),
            (IndexElement("created_at"),),
            using="brin",
        ),
        Index(
            Q("tasks", "Scratch Pad_select_idx"),
            Q("tasks", "Scratch Pad"),
            (IndexElement("select", nulls_first=True),),
        ),
    ]
    if vector:
        indexes.append(
            Index(
                Q("agents", "registry_embedding_idx"),
                Q("agents", "registry"),
                (IndexElement("embedding", opclass="vector_cosine_ops"),),
                using="ivfflat",
                storage_parameters=(("lists", "100"),),
            )
        )
    return Catalog.of(
        extensions=extensions,
        schemas=[
            Schema("agents", comment="Agent metadata, state and lifecycle."),
            Schema("tasks"),
            Schema("public", comment="standard public schema"),
        ],
        enums=[
            EnumType(Q("agents", "agent_status"), ("initializing", "active", "idle"), comment="Lifecycle."),
            EnumType(Q("tasks", "level"), ("low", "it's", "'); DROP TABLE foo; --")),
        ],
        domains=[
            Domain(Q("agents", "agent_id"), "uuid", not_null=True, comment="An agent's id."),
            Domain(
                Q("agents", "positive_id"),
                "agents.agent_id",
                checks=(
                    CheckConstraint(
                        "not_nil", "VALUE <> '00000000-0000-0000-0000-000000000000'::uuid", comment="No nil."
                    ),
                ),
            ),
            Domain(
                Q("tasks", "short_text"),
                "character varying(100)",
                default="''::character varying",
                collation="C",
                checks=(
                    CheckConstraint("a_nonblank", "VALUE <> ' '"),
                    CheckConstraint("b_short", "length(VALUE) < 90"),
                ),
            ),
        ],
        composite_types=[
            CompositeType(
                Q("tasks", "money"),
                (
                    CompositeAttribute("amount", "numeric(12,2)"),
                    CompositeAttribute("currency", "character(3)", "C"),
                ),
                comment="An amount with its currency.",
            )
        ],
        sequences=[
            Sequence(
                Q("agents", "ticket_seq"), start=1000, cache=10, owned_by=(Q("agents", "registry"), "ticket")
            ),
            Sequence(
                Q("tasks", "small_seq"),
                data_type="integer",
                min_value=1,
                max_value=1000,
                cycle=True,
                comment="Wraps.",
            ),
        ],
        tables=[
            registry,
            queue,
            events,
            events_2026,
            events_default,
            shards,
            shard0,
            shard0_eu,
            shard1,
            scratch,
        ],
        indexes=indexes,
    )
