"""``schemagen fmt``: the layout inspect writes, comments kept, idempotent, meaning unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemagen.api import compile_project
from schemagen.api.fmt import format_file_text, format_project
from schemagen.api.init import EXAMPLE
from schemagen.cli import main
from schemagen.emit import emit_project

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_PROJECTS = sorted(
    p for group in ("build", "defects") for p in (GOLDEN / group).iterdir() if (p / "schema").is_dir()
)
PROJECTS = [ROOT, *GOLDEN_PROJECTS]


def _fmt(text: str) -> str:
    formatted, diagnostics = format_file_text(text, "schema/app.yaml")
    assert formatted is not None, [d.format() for d in diagnostics]
    return formatted


def _copy(project: Path, into: Path) -> Path:
    target = into / "project"
    shutil.copytree(project / "schema", target / "schema")
    for extra in ("schemagen.yaml", "templates"):
        source = project / extra
        if source.is_dir():
            shutil.copytree(source, target / extra)
        elif source.is_file():
            shutil.copy(source, target / extra)
    return target


def _outcome(project: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    result = compile_project(project)
    return result.files, sorted((d.code, d.message) for d in result.diagnostics)


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: "schema" if p == ROOT else p.name)
def test_build_before_equals_build_after(project: Path, tmp_path: Path) -> None:
    copy = _copy(project, tmp_path)
    before = _outcome(copy)
    result = format_project(copy)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert _outcome(copy) == before
    again = format_project(copy, check=True)
    assert again.changed == [] and again.ok  # idempotent


def test_inspect_layout_is_a_fixed_point() -> None:
    """What inspect writes (the reference catalog emitted as YAML) is already formatted."""
    catalog = compile_project(ROOT, outputs=False).catalog
    assert catalog is not None
    for name, text in emit_project(catalog).items():
        assert _fmt(text) == text, name


def test_keys_in_inspects_order_and_spacing_canonical() -> None:
    text = (
        "tables:\n"
        "    t:\n"
        "        indexes:\n"
        "        -   columns: [a]\n"
        "            name: t_a\n"
        "        columns:\n"
        "            a:    {default: '0', type: integer}\n"
        '        comment: "T."\n'
        "schema: app\n"
    )
    assert _fmt(text) == (
        "schema: app\n"
        "tables:\n"
        "  t:\n"
        "    comment: T.\n"
        "    columns:\n"
        "      a: {type: integer, default: '0'}\n"
        "    indexes:\n"
        "      - name: t_a\n"
        "        columns: [a]\n"
    )


def test_comments_kept_where_they_were() -> None:
    text = (
        "# yaml-language-server: $schema=../.schemagen/schema.json\n"
        "schema: app   # the schema\n"
        "\n"
        "tables:\n"
        "  # the users\n"
        "  users:\n"
        "    columns:\n"
        "      id: bigint primary key  # surrogate\n"
        "      # a comment before a key\n"
        "      name: text  # '#' in a comment\n"
        "      note: {type: text, default: \"'# not a comment'\"}\n"
        "    checks:\n"
        "      named: |  # the header's comment\n"
        "        name <> '' # inside the block: not a comment\n"
        "        AND name <> 'x'\n"
        "# at the end\n"
    )
    assert _fmt(text) == (
        "# yaml-language-server: $schema=../.schemagen/schema.json\n"
        "schema: app  # the schema\n"
        "\n"
        "tables:\n"
        "  # the users\n"
        "  users:\n"
        "    columns:\n"
        "      id: bigint primary key  # surrogate\n"
        "      # a comment before a key\n"
        "      name: text  # '#' in a comment\n"
        "      note: {type: text, default: \"'# not a comment'\"}\n"
        "    checks:\n"
        "      named: |  # the header's comment\n"
        "        name <> '' # inside the block: not a comment\n"
        "        AND name <> 'x'\n"
        "# at the end\n"
    )


def test_multi_line_flow_becomes_block_with_its_comments() -> None:
    text = "schema: app\nenums:\n  mood: [\n    sad,  # low\n    ok,\n  ]\n"
    assert _fmt(text) == "schema: app\nenums:\n  mood:\n    - sad  # low\n    - ok\n"


def test_strings_requoted_only_as_strings() -> None:
    text = (
        "schema: app\n"
        "tables:\n"
        "  t:\n"
        "    columns:\n"
        '      a: {type: integer, default: "0o17"}\n'
        "      b: {type: date, default: 2026-01-01}\n"
        "      c: {type: numeric, default: 1.50}\n"
        "      d: {type: text, default: 'plain'}\n"
    )
    formatted = _fmt(text)
    assert "default: '0o17'" in formatted  # a number to YAML 1.2: stays quoted
    assert "default: '2026-01-01'" in formatted  # a date to YAML 1.1 editors: quoted
    assert "default: 1.50" in formatted  # a number keeps its spelling
    assert "default: plain" in formatted


def test_folded_text_rewrapped() -> None:
    first = " ".join(f"word{i}" for i in range(20))
    second = " ".join(f"word{i}" for i in range(20, 40))
    text = f"schema: app\ncomment: >-\n  {first}\n  {second}\n"
    formatted = _fmt(text)
    assert formatted.startswith("schema: app\ncomment: >-\n  word0 ")
    assert all(len(line) <= 88 for line in formatted.splitlines())
    assert _fmt(formatted) == formatted


def test_anchors_are_refused_and_left_alone() -> None:
    formatted, diagnostics = format_file_text("schema: app\na: &x [1]\nb: *x\n", "schema/app.yaml")
    assert formatted is None
    assert [d.code for d in diagnostics] == ["L112"]


def test_init_example_formats_to_itself_but_alignment() -> None:
    formatted = _fmt(EXAMPLE)
    assert formatted.count("#") == EXAMPLE.count("#")
    assert "user_id: bigint generated always as identity primary key" in formatted


def _project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_check_lists_files_and_exits_1_then_fmt_fixes(tmp_path: Path) -> None:
    project = _project(tmp_path, "schema:   app\n")
    checked = CliRunner().invoke(main, ["fmt", "--check", "--project", str(project)])
    assert checked.exit_code == 1
    assert "would reformat: schema/app.yaml" in checked.output
    assert (project / "schema" / "app.yaml").read_text() == "schema:   app\n"  # --check writes nothing
    done = CliRunner().invoke(main, ["fmt", "--project", str(project)])
    assert done.exit_code == 0 and "formatted schema/app.yaml" in done.output
    assert (project / "schema" / "app.yaml").read_text() == "schema: app\n"
    clean = CliRunner().invoke(main, ["fmt", "--check", "--project", str(project)])
    assert clean.exit_code == 0, clean.output


def test_invalid_yaml_reported_located_and_untouched(tmp_path: Path) -> None:
    project = _project(tmp_path, "schema: app\ntables: [\n")
    result = CliRunner().invoke(main, ["fmt", "--project", str(project)])
    assert result.exit_code == 1
    assert "schema/app.yaml:" in result.output and "L101" in result.output
    assert (project / "schema" / "app.yaml").read_text() == "schema: app\ntables: [\n"


def test_no_project_is_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["fmt", "--project", str(tmp_path)])
    assert result.exit_code == 1 and "L107" in result.output
