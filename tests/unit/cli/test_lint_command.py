"""``schemagen lint``: project and FILE modes, formats, exit codes, config, suppressions."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from schemagen.cli import main

DESIGN = """\
schema: app
tables:
  users:
    columns:
      user_id: bigint not null
      seen: timestamp
    primary_key: [user_id]
  events:
    columns:
      id: bigint not null
      user_id: bigint
    primary_key: [id]
    foreign_keys:
      - columns: [user_id]
        references: users
"""

UNSAFE = """\
ALTER TABLE app.users ADD COLUMN token uuid DEFAULT gen_random_uuid();
CREATE INDEX users_seen_idx ON app.users (seen);
"""


def _project(tmp_path: Path, design: str = DESIGN, settings: str | None = None) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(design, encoding="utf-8")
    if settings is not None:
        (tmp_path / "schemagen.yaml").write_text(settings, encoding="utf-8")
    return tmp_path


def _lint(*args: str):
    return CliRunner().invoke(main, ["lint", *args])


def test_project_text_is_gcc_style_with_source_line_and_caret(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = _lint("--project", str(root))
    assert result.exit_code == 0, result.output
    assert "schema/app.yaml:6:7: warning: D712 column app.users.seen is timestamp" in result.output
    assert "\n          seen: timestamp\n          ^\n" in result.output
    assert "D710 foreign key events_user_id_fkey" in result.output
    assert "[fk-without-index]" in result.output


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert _lint("--project", str(root), "--strict").exit_code == 1


def test_json_records(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = _lint("--project", str(root), "--format", "json")
    records = json.loads(result.output)
    assert {"code", "rule", "severity", "path", "line", "column", "message", "hint"} == set(records[0])
    codes = {(r["code"], r["rule"], r["severity"]) for r in records}
    assert ("D712", "timestamp-without-time-zone", "warning") in codes


def test_settings_change_severity_and_turn_rules_off(tmp_path: Path) -> None:
    settings = "lint:\n  rules:\n    timestamp-without-time-zone: error\n    D710: off\n"
    root = _project(tmp_path, settings=settings)
    result = _lint("--project", str(root), "--format", "json")
    assert result.exit_code == 1
    records = json.loads(result.output)
    assert {(r["code"], r["severity"]) for r in records} == {("D712", "error")}


def test_unknown_rule_in_settings_is_a_located_finding(tmp_path: Path) -> None:
    root = _project(tmp_path, settings="lint:\n  rules:\n    fk-without-idx: off\n")
    result = _lint("--project", str(root))
    assert (
        "schemagen.yaml:3:5: error: D700 lint setting names no known rule: 'fk-without-idx'" in result.output
    )
    assert "did you mean 'fk-without-index'?" in result.output


def test_yaml_suppression_with_reason_silences_and_without_reason_is_a_finding(tmp_path: Path) -> None:
    design = DESIGN.replace(
        "      seen: timestamp\n",
        "      seen:\n        type: timestamp\n"
        "        lint: {ignore: {timestamp-without-time-zone: local wall time}}\n",
    ).replace(
        "        references: users\n",
        "        references: users\n        lint: {ignore: {fk-without-index: null}}\n",
    )
    result = _lint("--project", str(_project(tmp_path, design)), "--format", "json")
    codes = [r["code"] for r in json.loads(result.output)]
    assert "D712" not in codes
    assert codes.count("D701") == 1 and "D710" in codes


def test_file_mode_lints_sql_with_statement_positions(tmp_path: Path) -> None:
    sql = tmp_path / "0001.sql"
    sql.write_text(UNSAFE, encoding="utf-8")
    result = _lint(str(sql), "--project", str(tmp_path), "--format", "json")
    found = {(r["rule"], r["line"], r["column"]) for r in json.loads(result.output)}
    assert ("adding-field-with-default", 1, 1) in found
    assert ("require-concurrent-index-creation", 2, 1) in found
    assert result.exit_code == 0


def test_sql_suppression_comment(tmp_path: Path) -> None:
    sql = tmp_path / "0002.sql"
    sql.write_text(
        "SET lock_timeout = '1s';\nSET statement_timeout = '1min';\n"
        "-- schemagen-lint: ignore require-concurrent-index-creation the table holds 12 rows\n"
        "CREATE INDEX i ON app.t (a);\n"
        "-- schemagen-lint: ignore ban-drop-column\n"
        "ALTER TABLE app.t DROP COLUMN b;\n",
        encoding="utf-8",
    )
    result = _lint(str(sql), "--format", "json", "--assume-in-transaction")
    rules = [r["rule"] for r in json.loads(result.output)]
    assert "require-concurrent-index-creation" not in rules
    assert rules.count("suppression-without-reason") == 1 and "ban-drop-column" in rules


def test_github_annotations(tmp_path: Path) -> None:
    sql = tmp_path / "m.sql"
    sql.write_text("DROP DATABASE prod;\n", encoding="utf-8")
    result = _lint(str(sql), "--format", "github")
    assert result.exit_code == 1
    assert (
        f"::error file={sql},line=1,col=1,title=S709 ban-drop-database::DROP DATABASE prod" in result.output
    )


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = _lint(str(tmp_path / "nope.sql"))
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_reference_project_lints_clean() -> None:
    root = Path(__file__).resolve().parents[3]
    result = _lint("--project", str(root), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_strict_turns_the_builds_own_warnings_into_errors_too(tmp_path: Path) -> None:
    design = DESIGN + "    checks:\n      fresh: id > 0 OR now() > '2020-01-01'\n"
    root = _project(tmp_path, design.replace("  events:", "  x:\n    columns: {a: int}\n  events:"))
    (root / "schema" / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    records = json.loads(_lint("--project", str(root), "--strict", "--format", "json").output)
    assert records and all(r["severity"] == "error" for r in records)
    assert {"C352", "L103"} <= {r["code"] for r in records}
