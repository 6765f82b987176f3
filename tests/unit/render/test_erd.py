"""generated/erd.md: Mermaid ER diagrams per schema, deterministic and safe for odd names."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from schemagen.builder import build_catalog
from schemagen.model import (
    Catalog,
    Column,
    Domain,
    ForeignKey,
    Identity,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Schema,
    Table,
    UniqueConstraint,
    View,
)
from schemagen.render import erd
from schemagen.render.erd import mermaid_type, mermaid_word, render_erd
from schemagen.source import load_project

REPO = Path(__file__).resolve().parents[3]
Q = QualifiedName


def pk(table: str, *columns: str) -> PrimaryKey:
    return PrimaryKey(f"{table}_pkey", columns)


def fk(name: str, columns: tuple[str, ...], target: QualifiedName, ref: tuple[str, ...]) -> ForeignKey:
    return ForeignKey(name, columns, target, ref)


def small_catalog() -> Catalog:
    """Every kind of relationship: nullable, NOT NULL, one-to-one, self, cross-schema, odd names."""
    persons = Table(
        Q("people", "persons"),
        (Column("person_id", "uuid", not_null=True), Column("manager_id", "uuid")),
        primary_key=pk("persons", "person_id"),
        foreign_keys=(
            fk("persons_manager_id_fkey", ("manager_id",), Q("people", "persons"), ("person_id",)),
        ),
        comment="Everyone, with their manager.",
    )
    customers = Table(
        Q("shop", "customers"),
        (
            Column("customer_id", "shop.customer_ref"),
            Column("person_id", "uuid", not_null=True),
            Column("email", "character varying(255)"),
        ),
        primary_key=pk("customers", "customer_id"),
        uniques=(UniqueConstraint("customers_person_id_key", ("person_id",)),),
        foreign_keys=(
            fk("customers_person_id_fkey", ("person_id",), Q("people", "persons"), ("person_id",)),
        ),
        comment="A person who buys | pays.",
    )
    orders_fks = (
        fk("orders_coupon_fkey", ("coupon_id",), Q("shop", "coupons"), ("coupon_id",)),
        fk("orders_customer_id_fkey", ("customer_id",), Q("shop", "customers"), ("customer_id",)),
    )
    orders = Table(
        Q("shop", "orders"),
        (
            Column("order_id", "bigint", identity=Identity(always=True)),
            Column("customer_id", "shop.customer_ref"),
            Column("coupon_id", "integer"),
            Column("placed_at", "timestamp(3) with time zone", not_null=True),
            Column("total", "numeric(10,2)"),
            Column("tags", "text[]"),
        ),
        primary_key=pk("orders", "order_id", "placed_at"),
        foreign_keys=orders_fks,
        partition_by=PartitionSpec("range", ("placed_at",)),
    )
    orders_2026 = Table(
        Q("shop", "orders_2026"),
        orders.columns,
        primary_key=pk("orders_2026", "order_id", "placed_at"),
        foreign_keys=orders_fks,
        partition_of=PartitionBound(
            Q("shop", "orders"), from_values=("'2026-01-01'",), to_values=("'2027-01-01'",)
        ),
    )
    orders_default = Table(
        Q("shop", "orders_default"),
        orders.columns,
        partition_of=PartitionBound(Q("shop", "orders"), default=True),
    )
    lines = Table(
        Q("shop", "order_lines"),
        (
            Column("order_id", "bigint", not_null=True),
            Column("placed_at", "timestamp with time zone", not_null=True),
            Column("line_no", "integer", not_null=True),
            Column("coupon_code", "character varying(20)"),
        ),
        primary_key=pk("order_lines", "order_id", "placed_at", "line_no"),
        foreign_keys=(
            fk(
                "order_lines_order_fkey",
                ("order_id", "placed_at"),
                Q("shop", "orders"),
                ("order_id", "placed_at"),
            ),
            fk("order_lines_coupon_code_fkey", ("coupon_code",), Q("shop", "coupons"), ("code",)),
        ),
    )
    coupons = Table(
        Q("shop", "coupons"),
        (
            Column("coupon_id", "integer", not_null=True),
            Column("code", "character varying(20)", not_null=True),
        ),
        primary_key=pk("coupons", "coupon_id"),
        comment="Discount codes: *not* <b>free</b>\nmoney.",
    )
    odd_order = Table(
        Q("Odd Schema", "Order"),
        (
            Column("select", "integer", not_null=True),
            Column("Mixed Case", "Odd Schema.tricky"),
            Column("pk", "integer"),
            Column("1st", "double precision"),
            Column("class_id", "integer", not_null=True),
        ),
        primary_key=pk("Order", "select"),
        foreign_keys=(
            fk('it\'s "odd" <b>100%</b> #1 &amp;', ("class_id",), Q("Odd Schema", "class"), ("id",)),
        ),
        comment="A `keyword` table | with pipes.",
    )
    odd_class = Table(
        Q("Odd Schema", "class"),
        (Column("id", "integer", not_null=True),),
        primary_key=pk("class", "id"),
    )
    odd_spaced = Table(Q("Odd Schema", "my table"), (Column("x", "integer"),))
    odd_clash = Table(Q("Odd Schema", "my_table"), (Column("y", "integer"),))
    odd_alias = Table(Q("Odd Schema", 'a "b" 50% \\ c'), (Column("z", "integer"),))
    return Catalog.of(
        schemas=[
            Schema("people"),
            Schema("shop", comment="Orders and customers | the *core*."),
            Schema("Odd Schema"),
            Schema("empty"),
        ],
        domains=[Domain(Q("shop", "customer_ref"), "integer", not_null=True)],
        tables=[
            persons,
            customers,
            orders,
            orders_2026,
            orders_default,
            lines,
            coupons,
            odd_order,
            odd_class,
            odd_spaced,
            odd_clash,
            odd_alias,
        ],
        indexes=[
            Index(
                Q("shop", "coupons_code_key"),
                Q("shop", "coupons"),
                (IndexElement(column="code"),),
                unique=True,
            )
        ],
        views=[
            View(Q("shop", "order_totals"), "SELECT 1", comment="Totals per | order."),
            View(Q("shop", "daily"), "SELECT 1", materialized=True),
        ],
    )


EXPECTED_TAIL = """
## Odd Schema

```mermaid
erDiagram
    Order {
        integer select PK
        tricky Mixed_Case "Mixed Case"
        integer pk_ "pk"
        double _1st "1st"
        integer class_id FK
    }
    a_b_50_c["a \u2033b\u2033 50\uff05 \uff3c c"] {
        integer z
    }
    class_["class"] {
        integer id PK
    }
    my_table_2["my table"] {
        integer x
    }
    my_table {
        integer y
    }
    class_ ||..o{ Order : "it's \u2033odd\u2033 \u2039b\u203a100%\u2039/b\u203a #1 \uff06amp;"
```

| table | what it is for |
| --- | --- |
| `Order` | A \\`keyword\\` table \\| with pipes. |
| `a "b" 50% \\ c` |  |
| `class` |  |
| `my table` |  |
| `my_table` |  |

## empty

No tables or views.

## people

```mermaid
erDiagram
    persons {
        uuid person_id PK
        uuid manager_id FK
    }
    persons |o..o{ persons : "persons_manager_id_fkey"
```

| table | what it is for |
| --- | --- |
| `persons` | Everyone, with their manager. |

## shop

Orders and customers \\| the \\*core\\*.

Partitioned: `orders` by range (`placed_at`), 2 partitions.

```mermaid
erDiagram
    coupons {
        integer coupon_id PK
        varchar code UK
    }
    customers {
        customer_ref customer_id PK
        uuid person_id FK, UK
        varchar email
    }
    order_lines {
        bigint order_id PK, FK
        timestamptz placed_at PK, FK
        integer line_no PK
        varchar coupon_code FK
    }
    orders {
        bigint order_id PK
        customer_ref customer_id FK
        integer coupon_id FK
        timestamptz placed_at PK
        numeric total
        text_array tags
    }
    people__persons["people.persons"] {
        uuid person_id PK
    }
    people__persons ||..o| customers : "customers_person_id_fkey"
    coupons |o..o{ order_lines : "order_lines_coupon_code_fkey"
    orders ||--o{ order_lines : "order_lines_order_fkey"
    coupons |o..o{ orders : "orders_coupon_fkey"
    customers ||..o{ orders : "orders_customer_id_fkey"
```

| table | what it is for |
| --- | --- |
| `coupons` | Discount codes: \\*not\\* \\<b\\>free\\</b\\> money. |
| `customers` | A person who buys \\| pays. |
| `order_lines` |  |
| `orders` |  |

| view | what it is for |
| --- | --- |
| `daily` | Materialized view. |
| `order_totals` | Totals per \\| order. |
"""


def test_small_catalog_renders_the_expected_markdown() -> None:
    text = render_erd(small_catalog())
    assert text.startswith("# Entity-relationship diagrams\n")
    assert text.endswith(EXPECTED_TAIL)


def test_output_is_deterministic_and_independent_of_declaration_order() -> None:
    catalog = small_catalog()
    shuffled = Catalog(**{k: dict(reversed(v.items())) for k, v in vars(catalog).items()})
    assert render_erd(catalog) == render_erd(shuffled)


def test_partitions_are_not_drawn() -> None:
    text = render_erd(small_catalog())
    assert "orders_2026" not in text
    assert "orders_default" not in text


@pytest.mark.parametrize(
    ("type_text", "expected"),
    [
        ("character varying(255)", "varchar"),
        ("timestamp with time zone", "timestamptz"),
        ("time(6) without time zone", "time"),
        ("numeric(3,2)", "numeric"),
        ("text[]", "text_array"),
        ("integer[][]", "integer_array"),
        ("agents.agent_status", "agent_status"),
        ("public.vector(1536)", "vector"),
        ("My Schema.odd type[]", "odd_type_array"),
        ("interval year to month", "interval_year_to_month"),
    ],
)
def test_types_become_one_mermaid_word(type_text: str, expected: str) -> None:
    assert mermaid_type(type_text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("registry", "registry"), ("Mixed Case", "Mixed_Case"), ("1st", "_1st"), ("PK", "PK_"), ("end", "end_")],
)
def test_names_become_mermaid_words_that_are_no_keyword(name: str, expected: str) -> None:
    assert mermaid_word(name) == expected


def test_doctests() -> None:
    assert doctest.testmod(erd).failed == 0


def repository_catalog() -> Catalog:
    documents, settings, diagnostics = load_project(REPO)
    assert not [d for d in diagnostics if d.severity == "error"], diagnostics
    catalog, _ = build_catalog(documents, settings)
    return catalog


def mermaid_blocks(text: str) -> dict[str, str]:
    """The mermaid block under each ``## schema`` heading."""
    sections = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    blocks = {}
    for section in sections:
        heading, _, body = section.partition("\n")
        match = re.search(r"```mermaid\n(.*?)```", body, flags=re.DOTALL)
        blocks[heading] = match.group(1) if match else ""
    return blocks


def test_every_table_of_the_repository_schema_appears() -> None:
    catalog = repository_catalog()
    blocks = mermaid_blocks(render_erd(catalog))
    tables = [t for t in catalog.tables.values() if t.partition_of is None]
    assert tables
    for table in tables:
        block = blocks[table.name.schema]
        assert re.search(rf"^    {re.escape(table.name.name)}(\[.*\])? {{$", block, re.MULTILINE), table.name
    for table in catalog.tables.values():
        if table.partition_of is not None:
            assert not re.search(
                rf"^    {re.escape(table.name.name)}\b", blocks[table.name.schema], re.MULTILINE
            )
    keys = sum(len(t.foreign_keys) for t in tables)
    drawn = sum(
        len(re.findall(r"^    \S+ [|o}]{2}(--|\.\.)[|o{]{2} \S+ : ", b, re.MULTILINE))
        for b in blocks.values()
    )
    assert drawn == keys


def test_names_that_mermaid_would_read_as_a_direction_statement_are_coded() -> None:
    target = Table(
        Q("s", "Direction TB"), (Column("id", "integer", not_null=True),), primary_key=pk("t", "id")
    )
    source = Table(
        Q("s", "source"),
        (Column("id", "integer"),),
        foreign_keys=(fk("points direction LR", ("id",), target.name, ("id",)),),
    )
    block = mermaid_blocks(render_erd(Catalog.of(tables=[target, source])))["s"]
    assert not re.search(r"direction\s+(tb|bt|rl|lr)", block, re.IGNORECASE)
    assert 'Direction_TB["Direction\u2060 TB"]' in block
    assert 'Direction_TB |o..o{ source : "points direction\u2060 LR"' in block
