"""A catalog using every issue-2 object kind and option, shared by diff/plan/render tests."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    CompositeAttribute,
    CompositeType,
    DefaultPrivilege,
    Domain,
    EnumType,
    ExcludeConstraint,
    ExcludeElement,
    Extension,
    ForeignKey,
    Function,
    FunctionArgument,
    Grant,
    Identity,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    Policy,
    PrimaryKey,
    QualifiedName,
    ReferenceRows,
    Role,
    Schema,
    Sequence,
    Table,
    Trigger,
    UniqueConstraint,
    View,
)
from schemagen.model.identity import GrantOn, GrantTarget, grant_on_schema

Q = QualifiedName


def rich_catalog(*, vector: bool = True, code: bool = True) -> Catalog:
    """Two schemas, every type kind, FK cycles, partitions, every index option; ``vector`` adds pgvector.

    ``code`` adds functions, triggers, views, RLS, policies, roles, grants and reference rows.
    """
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
    extra = code_objects() if code else {}
    if code:
        registry = replace(
            registry,
            checks=(
                *registry.checks,
                CheckConstraint("registry_ticket_positive", "agents.is_positive(ticket)"),
            ),
            rls_enabled=True,
            rls_forced=True,
        )
    return Catalog.of(
        **extra,
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
            *extra_tables(code),
        ],
        indexes=indexes + extra_indexes(code),
    )


READER = "schemagen_test_reader"
WRITER = "schemagen_test_writer"
SETTINGS = Q("tasks", "settings")


def extra_tables(code: bool) -> list[Table]:
    """A table of settings seeded with reference rows."""
    if not code:
        return []
    return [
        Table(
            SETTINGS,
            (
                Column("key", "text", not_null=True),
                Column("value", "integer", not_null=True),
                Column("updated_at", "timestamp with time zone", not_null=True, default="now()"),
            ),
            primary_key=PrimaryKey("settings_pkey", ("key",)),
        )
    ]


def extra_indexes(code: bool) -> list[Index]:
    """An index on the materialized view."""
    if not code:
        return []
    return [
        Index(Q("tasks", "queue_stats_n_idx"), Q("tasks", "queue_stats"), (IndexElement("n"),), unique=True)
    ]


def code_objects() -> dict:
    """Functions, triggers, views, policies, roles, grants, default privileges and rows."""
    functions = [
        Function(
            Q("agents", "is_positive"),
            (FunctionArgument("n", "bigint"),),
            returns="boolean",
            body="SELECT n IS NULL OR n > 0",
            volatility="IMMUTABLE",
            parallel="SAFE",
            comment="Used by a CHECK, so created before the table.",
        ),
        Function(
            Q("agents", "touch"),
            returns="trigger",
            language="plpgsql",
            body="\nBEGIN\n    NEW.updated_at := now();\n    RETURN NEW;\nEND\n",
            search_path="pg_catalog, agents",
            security_definer=True,
        ),
        Function(
            Q("tasks", "queue_count"),
            returns="bigint",
            body="SELECT count(*) FROM tasks.queue",
            volatility="STABLE",
        ),
        Function(
            Q("tasks", "bump"),
            (FunctionArgument("key", "text"), FunctionArgument("by", "integer", default="1")),
            kind="procedure",
            language="plpgsql",
            body="BEGIN UPDATE tasks.settings s SET value = s.value + by WHERE s.key = bump.key; END",
        ),
    ]
    return {
        "functions": functions,
        "triggers": [
            Trigger(
                "registry_touch",
                Q("agents", "registry"),
                Q("agents", "touch"),
                timing="BEFORE",
                events=("UPDATE",),
                when="OLD.status IS DISTINCT FROM NEW.status",
                comment="Keeps updated_at current.",
            )
        ],
        "views": [
            View(
                Q("agents", "active_agents"),
                "SELECT agent_id, agent_type FROM agents.registry WHERE status = 'active'",
                security_barrier=True,
                comment="Agents at work.",
            ),
            View(Q("agents", "active_types"), "SELECT DISTINCT agent_type FROM agents.active_agents"),
            View(
                Q("tasks", "queue_stats"),
                "SELECT tasks.queue_count() AS n",
                materialized=True,
                comment="Refreshed by hand.",
            ),
        ],
        "policies": [
            Policy(
                "registry_readers",
                Q("agents", "registry"),
                command="SELECT",
                roles=(READER,),
                using="status <> 'idle'::agents.agent_status",
                comment="Readers see working agents.",
            ),
            Policy(
                "registry_writers", Q("agents", "registry"), roles=(WRITER,), using="true", with_check="true"
            ),
        ],
        "roles": [Role(READER, comment="Reads."), Role(WRITER, member_of=(READER,))],
        "grants": [
            Grant(grant_on_schema("agents"), READER, ("USAGE",)),
            Grant(GrantTarget(GrantOn.TABLE, QualifiedName("agents", "registry")), READER, ("SELECT",)),
            Grant(
                GrantTarget(GrantOn.COLUMN, QualifiedName("agents", "registry")),
                WRITER,
                ("UPDATE",),
                columns=("status", "capabilities"),
            ),
            Grant(GrantTarget(GrantOn.TABLE, QualifiedName("agents", "active_agents")), READER, ("SELECT",)),
            Grant(GrantTarget(GrantOn.SEQUENCE, QualifiedName("agents", "ticket_seq")), WRITER, ("USAGE",)),
            Grant(
                GrantTarget(GrantOn.FUNCTION, QualifiedName("tasks", "queue_count"), ()),
                "public",
                ("EXECUTE",),
                revoke=True,
            ),
            Grant(
                GrantTarget(GrantOn.FUNCTION, QualifiedName("tasks", "queue_count"), ()), READER, ("EXECUTE",)
            ),
        ],
        "default_privileges": [DefaultPrivilege("agents", "tables", READER, ("SELECT",))],
        "reference_rows": [
            ReferenceRows(
                SETTINGS,
                ("key",),
                ((("key", "'retention'"), ("value", "12")), (("key", "'it''s'"), ("value", "1"))),
            )
        ],
    }
