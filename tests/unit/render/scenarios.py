"""Catalog pairs (old → new) whose migrations are golden-tested and applied to PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    Domain,
    EnumType,
    ForeignKey,
    Identity,
    Index,
    IndexElement,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model.identity import GrantOn, GrantTarget, routine_id
from tests.unit.render.rich_catalog import rich_catalog

Q = QualifiedName
STATUS = Q("shop", "status")
MOOD = Q("shop", "mood")
POSITIVE = Q("shop", "positive")
ORDERS = Q("shop", "orders")
ITEMS = Q("shop", "items")
NOTES = Q("shop", "notes")
AUDIT = Q("shop", "audit")


def evolve_old() -> Catalog:
    """A small shop before the change."""
    orders = Table(
        ORDERS,
        (
            Column("id", "bigint", not_null=True),
            Column("status", "shop.status", not_null=True, default="'new'::shop.status"),
            Column("mood", "shop.mood", default="'ok'::shop.mood"),
            Column("amount", "integer", default="0"),
            Column("legacy", "text"),
            Column("note", "text", comment="Old note."),
        ),
        primary_key=PrimaryKey("orders_pkey", ("id",)),
        checks=(CheckConstraint("orders_amount_check", "amount >= 0"),),
        comment="Orders.",
    )
    audit = Table(
        AUDIT,
        (Column("order_id", "bigint"),),
        foreign_keys=(ForeignKey("audit_order_id_fkey", ("order_id",), ORDERS, ("id",)),),
    )
    return Catalog.of(
        schemas=[Schema("shop")],
        enums=[EnumType(STATUS, ("new", "paid")), EnumType(MOOD, ("sad", "ok", "happy"))],
        domains=[Domain(POSITIVE, "integer", checks=(CheckConstraint("positive_check", "VALUE > 0"),))],
        sequences=[Sequence(Q("shop", "ticket"), cache=1)],
        tables=[orders, audit],
        indexes=[
            Index(Q("shop", "orders_status_idx"), ORDERS, (IndexElement("status"),)),
            Index(Q("shop", "orders_legacy_idx"), ORDERS, (IndexElement("legacy"),)),
            Index(Q("shop", "orders_note_idx"), ORDERS, (IndexElement("note"),), comment="By note."),
        ],
    )


def evolve_new() -> Catalog:
    """The same shop after columns, types, constraints, indexes and comments changed."""
    orders = Table(
        ORDERS,
        (
            Column(
                "id",
                "bigint",
                not_null=True,
                identity=Identity(always=False, start=10),
            ),
            Column("status", "shop.status", not_null=True, default="'new'::shop.status"),
            Column("mood", "shop.mood", default="'ok'::shop.mood"),
            Column("amount", "numeric(12,2)", not_null=True, default="0.0"),
            Column("note", "text", comment="New note; it's longer."),
            Column("quantity", "shop.positive"),
        ),
        primary_key=PrimaryKey("orders_pkey", ("id",), comment="Identity."),
        uniques=(UniqueConstraint("orders_note_key", ("note",)),),
        checks=(CheckConstraint("orders_amount_check", "amount > 0"),),
        unlogged=False,
        comment=None,
    )
    items = Table(
        ITEMS,
        (Column("order_id", "bigint", not_null=True), Column("sku", "text", not_null=True)),
        primary_key=PrimaryKey("items_pkey", ("order_id", "sku")),
        foreign_keys=(
            ForeignKey("items_order_id_fkey", ("order_id",), ORDERS, ("id",), on_delete="CASCADE"),
        ),
        comment="Order lines.",
    )
    return Catalog.of(
        schemas=[Schema("shop", comment="The shop.")],
        enums=[
            EnumType(STATUS, ("draft", "new", "paid", "shipped")),
            EnumType(MOOD, ("happy", "ok")),
        ],
        domains=[
            Domain(
                POSITIVE,
                "integer",
                default="1",
                not_null=False,
                checks=(CheckConstraint("positive_check", "VALUE >= 1"),),
            )
        ],
        sequences=[Sequence(Q("shop", "ticket"), cache=20, max_value=100000)],
        tables=[orders, items],
        indexes=[
            Index(Q("shop", "orders_status_idx"), ORDERS, (IndexElement("status"), IndexElement("amount"))),
            Index(Q("shop", "orders_note_idx"), ORDERS, (IndexElement("note"),)),
            Index(Q("shop", "items_sku_idx"), ITEMS, (IndexElement("sku"),), comment="By SKU."),
        ],
    )


def rich_variant() -> Catalog:
    """The rich catalog with its scratch table made logged and a partition added."""
    rich = rich_catalog(vector=False)
    scratch = rich.tables[Q("tasks", "Scratch Pad")]
    tables = {**rich.tables, scratch.name: replace(scratch, unlogged=False)}
    return replace(rich, tables=tables)


SCENARIOS: dict[str, tuple[callable, callable]] = {
    "create_rich": (Catalog, rich_catalog),
    "drop_rich": (rich_catalog, Catalog),
    "evolve_shop": (evolve_old, evolve_new),
    "evolve_shop_back": (evolve_new, evolve_old),
    "rich_logged": (lambda: rich_catalog(vector=False), rich_variant),
}
"""name → (old catalog factory, new catalog factory)."""


def code_old() -> Catalog:
    """The rich catalog without pgvector (PostgreSQL 15 has none)."""
    return rich_catalog(vector=False)


def code_new() -> Catalog:
    """Code objects changed: bodies, signatures a view depends on, a column type under a view, security."""
    from schemagen.model import Grant, Policy, ReferenceRows

    old = code_old()
    functions = dict(old.functions)
    touch = functions[routine_id(Q("agents", "touch"), ())]
    functions[touch.key] = replace(touch, body=touch.body.replace("now()", "clock_timestamp()"))
    count = functions[routine_id(Q("tasks", "queue_count"), ())]
    functions[count.key] = replace(count, returns="numeric", body="SELECT count(*)::numeric FROM tasks.queue")
    registry = old.tables[Q("agents", "registry")]
    columns = tuple(
        replace(c, type="character varying(80)") if c.name == "agent_type" else c for c in registry.columns
    )
    tables = {**old.tables, registry.name: replace(registry, columns=columns, rls_forced=False)}
    policies = dict(old.policies)
    readers = policies[(registry.name, "registry_readers")]
    policies[readers.key] = replace(readers, using="status = 'active'::agents.agent_status")
    writers = policies.pop((registry.name, "registry_writers"))
    restrictive = Policy("registry_no_idle", registry.name, permissive=False, using="status <> 'idle'")
    policies[restrictive.key] = restrictive
    del writers
    grants = dict(old.grants)
    extra = Grant(
        GrantTarget(GrantOn.TABLE, QualifiedName("agents", "active_types")),
        "schemagen_test_reader",
        ("SELECT",),
    )
    grants[extra.key] = extra
    rows = old.reference_rows[Q("tasks", "settings")]
    new_rows = ReferenceRows(rows.table, rows.key, ((("key", "'retention'"), ("value", "24")),))
    return replace(
        old,
        functions=dict(sorted(functions.items())),
        tables=tables,
        policies=dict(sorted(policies.items())),
        grants=dict(sorted(grants.items())),
        reference_rows={rows.table: new_rows},
    )


SCENARIOS["evolve_code"] = (code_old, code_new)


def renamed_shop() -> Catalog:
    """``evolve_new`` with orders renamed to purchases and its note column to remark."""
    shop = evolve_new()
    purchases = Q("shop", "purchases")
    orders = shop.tables[ORDERS]
    columns = tuple(
        replace(c, name="remark", renamed_from="note") if c.name == "note" else c for c in orders.columns
    )
    renamed = replace(
        orders,
        name=purchases,
        renamed_from="orders",
        columns=columns,
        uniques=tuple(replace(u, columns=("remark",)) for u in orders.uniques),
    )
    items = shop.tables[ITEMS]
    items = replace(items, foreign_keys=tuple(replace(fk, ref_table=purchases) for fk in items.foreign_keys))

    def moved(index: Index) -> Index:
        if index.table != ORDERS:
            return index
        elements = tuple(replace(e, column="remark") if e.column == "note" else e for e in index.elements)
        return replace(index, table=purchases, elements=elements)

    return replace(
        shop,
        tables=dict(sorted({purchases: renamed, ITEMS: items}.items())),
        indexes={k: moved(i) for k, i in shop.indexes.items()},
    )


SCENARIOS["rename_shop"] = (evolve_new, renamed_shop)
