"""Reference rows written back as YAML with ``literal_rows`` keep every literal (the migrations' state
snapshot); ``inspect``'s plain form is data, equal in value."""

from __future__ import annotations

from pathlib import Path

from schemagen.api import compile_project
from schemagen.diff import diff_catalogs
from schemagen.emit.project import emit_project

PROJECT = """\
schema: app
tables:
  colours:
    columns:
      code: text not null
      rank: numeric
      tags: text[]
      extra: jsonb
    primary_key: [code]
    rows:
      key: [code]
      on_conflict: nothing
      columns: [code, rank, tags, extra]
      values:
        - [red, 1.10, [a, "b c"], {k: "it's"}]
        - [blue, null, [], {sql: "'{}'::jsonb"}]
"""


def build(directory: Path, files: dict[str, str]):
    for name, text in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text, encoding="utf-8")
    result = compile_project(directory, outputs=False)
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.catalog


def test_literal_rows_round_trip_literal_for_literal(tmp_path: Path) -> None:
    declared = build(tmp_path / "a", {"schema/app.yaml": PROJECT})
    files = emit_project(declared, literal_rows=True)
    assert "on_conflict: nothing" in files["schema/app.yaml"]
    again = build(tmp_path / "b", files)
    assert diff_catalogs(declared, again) == []
    assert again.reference_rows == declared.reference_rows


def test_plain_rows_are_data_not_literals(tmp_path: Path) -> None:
    declared = build(tmp_path / "a", {"schema/app.yaml": PROJECT})
    assert "{sql:" not in emit_project(declared)["schema/app.yaml"]


def test_a_table_without_rows_gets_no_rows_key(tmp_path: Path) -> None:
    declared = build(tmp_path / "a", {"schema/app.yaml": PROJECT.split("    rows:")[0]})
    assert "rows:" not in emit_project(declared)["schema/app.yaml"]
