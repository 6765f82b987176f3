"""The column shorthand reads what follows a column's name in CREATE TABLE (PostgreSQL's grammar)."""

from __future__ import annotations

import pytest

from schemagen.builder.shorthand import parse_column_shorthand, type_holds_shorthand
from schemagen.model import QualifiedName
from tests.unit.builder.test_build import build, ok

Q = QualifiedName


@pytest.mark.parametrize(
    ("text", "mapping"),
    [
        ("bigint generated always as identity primary key", {"identity": "always", "primary_key": True}),
        ("text not null unique", {"not_null": True, "unique": True}),
        (
            "bigint not null references users on delete cascade",
            {"not_null": True, "references": {"table": "users", "on_delete": "cascade"}},
        ),
        ("numeric(10,2) not null check (total >= 0)", {"not_null": True, "check": "total >= 0"}),
        ("text collate \"C\" default 'x'", {"collation": "C", "default": "'x'"}),
        ("timestamptz not null default now()", {"not_null": True, "default": "now()"}),
        ("TEXT NOT NULL DEFAULT 'a b'", {"not_null": True, "default": "'a b'"}),
        (
            "int references app.t(id) deferrable",
            {"references": {"table": "app.t", "column": "id", "deferrable": True}},
        ),
        ("boolean default x is null", {"default": "x is null"}),
        ("bigint generated always as (a * 2) stored", {"generated": "a * 2"}),
        ("bigint generated always as (a * 2) virtual", {"generated": "a * 2", "virtual": True}),
    ],
)
def test_what_people_write_parses(text: str, mapping: dict) -> None:
    parsed = parse_column_shorthand(text)
    assert parsed.error is None, parsed.error
    got = parsed.mapping()
    got.pop("type")
    if not got["not_null"]:
        got.pop("not_null")
    assert got == mapping


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("bigint not nul", "'nul'"),
        ("integer constraint positive check (x > 0)", "checks:"),
        ("integer references t(a, b)", "foreign_keys:"),
        ("text unique nulls not distinct", "unique:"),
        ("integer primary key deferrable", "primary_key:"),
        ("text default", "'default' needs an expression"),
        ("not null", "no type"),
    ],
)
def test_what_the_shorthand_cannot_say_names_the_fix(text: str, says: str) -> None:
    parsed = parse_column_shorthand(text)
    assert parsed.error is not None
    assert says in parsed.error + " " + (parsed.hint or "")


def test_built_columns_carry_every_clause() -> None:
    catalog = ok(
        "schema: app\ntables:\n  users:\n    columns:\n"
        "      id: bigint generated always as identity primary key\n"
        "      email: text not null unique\n"
        "  orders:\n    columns:\n"
        "      id: bigint primary key\n"
        "      user_id: bigint not null references users on delete cascade\n"
        "      total: numeric(10,2) not null check (total >= 0)\n"
    )
    users, orders = catalog.tables[Q("app", "users")], catalog.tables[Q("app", "orders")]
    assert users.columns[0].identity is not None and users.primary_key.columns == ("id",)
    assert [u.columns for u in users.uniques] == [("email",)]
    (fk,) = orders.foreign_keys
    assert (fk.columns, fk.ref_table, fk.on_delete) == (("user_id",), Q("app", "users"), "CASCADE")
    assert [(c.name, c.expression) for c in orders.checks] == [("orders_total_check", "total >= 0")]


def test_a_shorthand_in_type_is_reported_with_the_fix() -> None:
    _, diagnostics = build(
        'schema: app\ntables:\n  t:\n    columns:\n      total: {type: "numeric(10,2) not null"}\n'
    )
    (diagnostic,) = diagnostics
    assert diagnostic.code == "C382"
    assert "holds a column shorthand" in diagnostic.message
    assert "type: numeric(10,2)" in diagnostic.hint and "not_null: true" in diagnostic.hint
    assert type_holds_shorthand("numeric(10,2)") is None
    assert type_holds_shorthand("timestamp with time zone") is None
