"""``comment:`` on a table's PK, UNIQUE, FOREIGN KEY, CHECK and EXCLUDE: validated, built, written back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from schemagen.api.fmt import format_file_text
from schemagen.builder import build_catalog
from schemagen.emit import emit_project, format_gaps
from schemagen.model import Catalog, CheckConstraint, QualifiedName, Schema, Table
from schemagen.source import load_text
from schemagen.validate import validate_documents

NAME = "schema/app.yaml"

DECLARED = """\
schema: app
extensions: [btree_gist]
tables:
  users:
    columns:
      id: bigint not null
      email: text
    primary_key: {columns: [id], comment: the key}
    unique:
      - {columns: [email], comment: one account per address}
  t:
    columns:
      id: bigint not null
      user_id: bigint
      ratio: real
      room: integer
      during: tsrange
    primary_key: [id]
    foreign_keys:
      - {columns: [user_id], references: users, comment: who made it}
    checks:
      t_ratio_check: {expression: ratio BETWEEN 0 AND 1, comment: fraction}
      plain: ratio < 2
    exclude:
      - elements: [{column: room, with: "="}, {column: during, with: "&&"}]
        comment: no double booking
"""


def _codes(text: str) -> list[str]:
    document, diagnostics = load_text(text, NAME)
    assert diagnostics == []
    return [d.code for d in validate_documents([document])]


def _build(text: str) -> Catalog:
    document, diagnostics = load_text(text, NAME)
    assert diagnostics == [] and validate_documents([document]) == []
    catalog, diagnostics = build_catalog([document])
    assert diagnostics == [], [d.format() for d in diagnostics]
    return catalog


def _comments(catalog: Catalog) -> dict[str, str | None]:
    found = {}
    for table in catalog.tables.values():
        for c in (table.primary_key, *table.uniques, *table.foreign_keys, *table.checks, *table.excludes):
            if c is not None:
                found[c.name] = c.comment
    return found


EXPECTED = {
    "users_pkey": "the key",
    "users_email_key": "one account per address",
    "t_pkey": None,
    "t_user_id_fkey": "who made it",
    "t_ratio_check": "fraction",
    "plain": None,
    "t_room_during_excl": "no double booking",
}


def test_the_schema_accepts_a_comment_on_every_table_constraint_form() -> None:
    assert _codes(DECLARED) == []


@pytest.mark.parametrize(
    "constraint",
    [
        "primary_key: {columns: [id], comment: [a]}",
        "unique: [{columns: [id], comment: 5}]",
        "foreign_keys: [{columns: [id], references: u, comment: {a: b}}]",
        "checks: {c: {expression: id > 0, comment: 5}}",
        "exclude: [{elements: [{column: id, with: '='}], comment: true}]",
    ],
)
def test_a_comment_that_is_not_text_is_refused(constraint: str) -> None:
    text = f"schema: app\ntables:\n  t:\n    columns: {{id: bigint}}\n    {constraint}\n"
    assert _codes(text) != []


def test_a_domain_check_takes_no_comment_key() -> None:
    text = "schema: app\ndomains:\n  d: {type: int, checks: {c: {expression: VALUE > 0, comment: x}}}\n"
    assert _codes(text) != []


def test_declared_comments_reach_the_model() -> None:
    assert _comments(_build(DECLARED)) == EXPECTED


def test_commented_constraints_are_written_in_the_long_form_and_build_back() -> None:
    written = emit_project(_build(DECLARED))[NAME]
    check = "      t_ratio_check:\n        expression: ratio BETWEEN 0 AND 1\n        comment: fraction\n"
    assert check in written
    assert "      plain: ratio < 2\n" in written
    assert _comments(_build(written)) == EXPECTED
    formatted, diagnostics = format_file_text(written, NAME)
    assert formatted == written, diagnostics  # inspect's layout is fmt's


def test_a_commented_one_column_check_or_reference_leaves_its_column() -> None:
    """The column shorthand cannot carry a comment: the constraint goes under the table."""
    catalog = _build(
        "schema: app\ntables:\n  u:\n    columns: {id: bigint not null}\n    primary_key: [id]\n"
        "  t:\n    columns:\n      r: real check (r > 0)\n      u_id: bigint references u\n"
    )
    plain = emit_project(catalog)[NAME]
    assert "r: real check (r > 0)" in plain and "u_id: bigint references u" in plain
    table = catalog.tables[QualifiedName("app", "t")]
    commented = Table(
        table.name,
        table.columns,
        foreign_keys=tuple(replace(f, comment="to u") for f in table.foreign_keys),
        checks=tuple(replace(c, comment="positive") for c in table.checks),
    )
    users = catalog.tables[QualifiedName("app", "u")]
    written = emit_project(Catalog.of(schemas=[Schema("app")], tables=[users, commented]))[NAME]
    assert "      r: real\n      u_id: bigint\n" in written
    assert "comment: to u" in written and "comment: positive" in written
    assert {k: v for k, v in _comments(_build(written)).items() if k.startswith("t_")} == {
        "t_r_check": "positive",
        "t_u_id_fkey": "to u",
    }


def test_constraint_comments_are_no_longer_a_gap() -> None:
    table = Table(
        QualifiedName("app", "t"),
        (),
        checks=(CheckConstraint("c", "true", comment="said"),),
    )
    assert format_gaps(Catalog.of(tables=[table])) == []
