"""Design rules (D7xx): one failing and one passing declaration per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemagen.api import compile_project
from schemagen.lint.severity import LintConfig

BASE = """\
schema: app
tables:
  users:
    comment: People.
    columns:
      id: {type: bigint, identity: always, comment: Key.}
    primary_key: [id]
"""

CASES = {
    "D710": (
        "  orders:\n    columns:\n      id: bigint not null\n      user_id: bigint\n"
        "    primary_key: [id]\n    foreign_keys:\n      - {columns: [user_id], references: users}\n",
        "  orders:\n    columns:\n      id: bigint not null\n      user_id: bigint\n"
        "    primary_key: [id]\n    foreign_keys:\n      - {columns: [user_id], references: users}\n"
        "    indexes:\n      - [user_id, id]\n",
    ),
    "D711": (
        "  log:\n    columns:\n      line: text\n",
        "  log:\n    columns:\n      id: bigint not null\n      line: text\n    primary_key: [id]\n",
    ),
    "D712": (
        "  t:\n    columns:\n      id: bigint not null\n      at: timestamp\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: bigint not null\n      at: timestamptz\n    primary_key: [id]\n",
    ),
    "D713": (
        "  t:\n    columns:\n      id: bigint not null\n      doc: json\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: bigint not null\n      doc: jsonb\n    primary_key: [id]\n",
    ),
    "D714": (
        "  t:\n    columns:\n      id: bigint not null\n      code: char(3)\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: bigint not null\n      code: text\n    primary_key: [id]\n",
    ),
    "D715": (
        "  t:\n    columns:\n      id: bigserial\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: {type: bigint, identity: always}\n    primary_key: [id]\n",
    ),
    "D716": (
        "  t:\n    columns:\n      id: {type: integer, identity: always}\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: {type: bigint, identity: always}\n    primary_key: [id]\n",
    ),
    "D717": (
        "  t:\n    columns:\n      id: bigint not null\n      price: money\n    primary_key: [id]\n",
        "  t:\n    columns:\n      id: bigint not null\n      price: numeric(12,2)\n    primary_key: [id]\n",
    ),
    "D718": (
        "  t:\n    columns:\n      id: bigint not null\n      at: \"timestamptz default 'now'\"\n"
        "    primary_key: [id]\n",
        "  t:\n    columns:\n      id: bigint not null\n      at: timestamptz default now()\n"
        "    primary_key: [id]\n",
    ),
    "D719": (
        "views:\n  v:\n    query: SELECT * FROM app.users\n",
        "views:\n  v:\n    query: SELECT id FROM app.users WHERE EXISTS (SELECT * FROM app.users u)\n",
    ),
    "D720": (
        "  t:\n    columns:\n      id: bigint not null\n      ref: bigint\n    primary_key: [id]\n"
        "views:\n  v:\n    query: SELECT id FROM app.users WHERE id NOT IN (SELECT ref FROM app.t)\n",
        "  t:\n    columns:\n      id: bigint not null\n      ref: bigint not null\n    primary_key: [id]\n"
        "views:\n  v:\n    query: SELECT id FROM app.users WHERE id NOT IN (SELECT ref FROM app.t)\n",
    ),
    "D721": (
        "  t:\n    columns:\n      id: bigint not null\n      a: bigint\n    primary_key: [id]\n"
        "    checks:\n      a_set: a = NULL OR a > 0\n",
        "  t:\n    columns:\n      id: bigint not null\n      a: bigint\n    primary_key: [id]\n"
        "    checks:\n      a_set: a IS NULL OR a > 0\n",
    ),
    "D722": (
        "  t:\n    columns:\n      id: bigint not null\n    primary_key: [id]\n",
        "  t:\n    comment: T.\n    columns:\n      id: {type: bigint, not_null: true, comment: Key.}\n"
        "    primary_key: [id]\n",
    ),
    "D723": (
        "  Orders:\n    columns:\n      id: bigint not null\n    primary_key: [id]\n",
        "  orders:\n    columns:\n      id: bigint not null\n    primary_key: [id]\n",
    ),
}

NAMING = "lint:\n  naming:\n    table: '[a-z_]+'\n"


def _codes(tmp_path: Path, extra: str) -> list[str]:
    (tmp_path / "schema").mkdir()
    tables, _, rest = extra.partition("views:")
    text = BASE + tables + (f"views:{rest}" if rest else "")
    (tmp_path / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "schemagen.yaml").write_text(NAMING, encoding="utf-8")
    result = compile_project(tmp_path, LintConfig(naming=(("table", "[a-z_]+"),), everything=True))
    assert not [d for d in result.diagnostics if d.code.startswith(("V", "L"))], result.diagnostics
    return [d.code for d in result.diagnostics]


def test_an_exclude_constraint_leading_with_the_foreign_key_columns_indexes_them(tmp_path: Path) -> None:
    orders = (
        "  orders:\n    columns:\n      id: bigint not null\n      user_id: bigint\n      during: tstzrange\n"
        "    primary_key: [id]\n    foreign_keys:\n      - {columns: [user_id], references: users}\n"
        "    exclude:\n      - {using: gist, elements: [{column: user_id, with: '='},"
        " {column: during, with: '&&'}]%s}\n"
    )
    (tmp_path / "whole").mkdir()
    (tmp_path / "partial").mkdir()
    assert "D710" not in _codes(tmp_path / "whole", orders % "")
    assert "D710" in _codes(tmp_path / "partial", orders % ", where: 'id > 0'")  # serves only some rows


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fails(code: str, tmp_path: Path) -> None:
    assert code in _codes(tmp_path, CASES[code][0])


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_passes(code: str, tmp_path: Path) -> None:
    assert code not in _codes(tmp_path, CASES[code][1])


def test_off_by_default_rules_stay_off_in_build(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(BASE + CASES["D722"][0], encoding="utf-8")
    codes = [d.code for d in compile_project(tmp_path).diagnostics]
    assert "D722" not in codes and "D723" not in codes


def test_build_reports_design_findings_as_warnings_even_when_configured_as_errors(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(BASE + CASES["D712"][0], encoding="utf-8")
    (tmp_path / "schemagen.yaml").write_text("lint:\n  rules:\n    D712: error\n", encoding="utf-8")
    result = compile_project(tmp_path)
    assert result.ok and [str(d.severity) for d in result.diagnostics if d.code == "D712"] == ["warning"]


def test_unused_and_unknown_suppressions_are_findings(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    text = BASE.replace(
        "    comment: People.\n", "    comment: People.\n    lint: {ignore: {D712: x, nope: y}}\n"
    )
    (tmp_path / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    codes = [d.code for d in compile_project(tmp_path).diagnostics]
    assert codes.count("D703") == 1 and codes.count("D702") == 1


def test_a_text_sqlglot_reads_as_a_bare_command_prints_nothing(capsys, caplog):
    from schemagen.lint.design.expressions import parse_body, parse_expression

    parse_expression.cache_clear()
    assert parse_expression("comment IS NULL") is None  # `comment` is a keyword to sqlglot
    assert parse_body("SELECT 1; comment IS NOT NULL") is not None
    assert not [r for r in caplog.records if r.name.startswith("sqlglot")]
    assert capsys.readouterr().err == ""
