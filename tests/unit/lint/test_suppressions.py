"""Suppressions: SQL comments (one or several rules, before or inside the statement) and YAML scopes."""

from __future__ import annotations

from pathlib import Path

from schemagen.api import compile_project
from schemagen.lint import lint_sql
from schemagen.lint.suppression import apply_suppressions

HEAD = "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\nBEGIN;\n"


def _codes(sql: str) -> list[str]:
    found, suppressions = lint_sql(HEAD + sql + "\nCOMMIT;", "m.sql")
    return sorted(d.code for d in apply_suppressions(found, suppressions))


def test_several_rules_in_one_comment() -> None:
    sql = "-- schemagen-lint: ignore ban-drop-column,S744 both were announced in 2.4\n"
    sql += "ALTER TABLE app.t DROP COLUMN a, DROP CONSTRAINT c;"
    assert _codes(sql) == []


def test_a_comment_inside_the_statement_covers_it_and_only_it() -> None:
    sql = (
        "ALTER TABLE app.t\n  -- schemagen-lint: ignore ban-drop-column announced in 2.4\n  DROP COLUMN a;\n"
    )
    sql += "ALTER TABLE app.t DROP COLUMN b;"
    assert _codes(sql) == ["S708"]


def test_a_code_works_like_a_name() -> None:
    assert _codes("-- schemagen-lint: ignore S708 announced\nALTER TABLE app.t DROP COLUMN a;") == []


def test_unknown_rule_and_missing_reason() -> None:
    sql = "-- schemagen-lint: ignore no-such-rule because\n-- schemagen-lint: ignore ban-drop-column\n"
    sql += "ALTER TABLE app.t DROP COLUMN a;"
    assert _codes(sql) == ["D701", "D702", "S708"]


def test_a_file_level_yaml_suppression_covers_the_whole_file(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(
        "schema: app\nlint: {ignore: {timestamp-without-time-zone: times are local to one site}}\n"
        "tables:\n  t:\n    columns: {id: bigint not null, a: timestamp, b: timestamp}\n"
        "    primary_key: [id]\n",
        encoding="utf-8",
    )
    codes = [d.code for d in compile_project(tmp_path).diagnostics]
    assert "D712" not in codes and "D703" not in codes


def test_a_suppression_on_one_object_does_not_cover_its_sibling(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(
        "schema: app\ntables:\n  t:\n    columns:\n      id: bigint not null\n"
        "      a: {type: timestamp, lint: {ignore: {D712: local}}}\n      b: timestamp\n"
        "    primary_key: [id]\n",
        encoding="utf-8",
    )
    found = [(d.code, d.span.line) for d in compile_project(tmp_path).diagnostics]
    assert found == [("D712", 7)]


def test_a_suppressed_build_warning_stays_silent_when_the_project_has_errors(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(
        "schema: app\ntables:\n  t:\n    columns: {id: bigint not null, a: text, b: text}\n"
        "    primary_key: [id]\n    indexes:\n"
        "      - {columns: [a], lint: {ignore: {redundant-index: 'measured, it pays for its writes'}}}\n"
        "      - [a, b]\n  u:\n    columns: {id: nosuchtype}\n",
        encoding="utf-8",
    )
    codes = [d.code for d in compile_project(tmp_path).diagnostics]
    assert "C391" not in codes and "D703" not in codes and any(c.startswith("C3") for c in codes)
