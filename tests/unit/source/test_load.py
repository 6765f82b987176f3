"""Loading YAML with positions, duplicate keys, YAML 1.2 scalars, alias caps."""

from pathlib import Path

from schemagen.diagnostics import Severity, Span
from schemagen.source import load_project, load_text

NAME = "schema/x.yaml"


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


def test_values_and_keys_are_located() -> None:
    doc, diagnostics = load_text("schema: app\ntables:\n  users:\n    columns: {id: bigint}\n", NAME)
    assert diagnostics == []
    assert doc.data == {"schema": "app", "tables": {"users": {"columns": {"id": "bigint"}}}}
    assert doc.key_span(("tables", "users")) == Span(NAME, 3, 3)
    assert doc.span(("tables", "users", "columns", "id")) == Span(NAME, 4, 19)
    assert doc.key_span(("tables", "users", "columns", "id")) == Span(NAME, 4, 15)
    # a path that does not exist falls back to its nearest ancestor
    assert doc.span(("tables", "users", "nope")) == Span(NAME, 4, 5)


def test_yaml_1_2_scalars_keep_their_text() -> None:
    doc, _ = load_text("e: [yes, no, on, off, 1.10, 7, true, null, '0', ~]\n", NAME)
    assert doc.data["e"] == ["yes", "no", "on", "off", 1.1, 7, True, None, "0", None]
    assert doc.text(("e", 4)) == "1.10"
    assert doc.text(("e", 5)) == "7"


def test_duplicate_key_names_first_line() -> None:
    doc, diagnostics = load_text("schema: a\ntables: {}\nschema: b\n", NAME)
    assert codes(diagnostics) == ["L102"]
    assert diagnostics[0].span == Span(NAME, 3, 1)
    assert "line 1" in diagnostics[0].message
    assert doc.data["schema"] == "a"


def test_nested_duplicate_key() -> None:
    _, diagnostics = load_text("t:\n  c:\n    a: 1\n    a: 2\n", NAME)
    assert [(d.code, d.span.line) for d in diagnostics] == [("L102", 4)]


def test_syntax_error_is_located() -> None:
    doc, diagnostics = load_text("schema: app\ntables: [a\n", NAME)
    assert doc is None
    assert codes(diagnostics) == ["L101"]
    assert diagnostics[0].span.file == NAME


def test_tab_indentation_hint() -> None:
    _, diagnostics = load_text("a:\n\t- b\n", NAME)
    assert "tabs" in diagnostics[0].hint


def test_empty_file_is_a_warning() -> None:
    doc, diagnostics = load_text("# nothing\n", NAME)
    assert doc is None
    assert codes(diagnostics) == ["L103"]
    assert diagnostics[0].severity is Severity.WARNING


def test_root_must_be_a_mapping() -> None:
    _, diagnostics = load_text("- a\n- b\n", NAME)
    assert codes(diagnostics) == ["L104"]


def test_more_than_one_document() -> None:
    _, diagnostics = load_text("a: 1\n---\nb: 2\n", NAME)
    assert codes(diagnostics) == ["L101"]
    assert "more than one" in diagnostics[0].message


def test_alias_bomb_is_stopped() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefg", "bcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    _, diagnostics = load_text("\n".join(lines) + "\n", NAME)
    assert codes(diagnostics) == ["L105"]


def test_recursive_alias_is_stopped() -> None:
    _, diagnostics = load_text("a: &a [*a]\n", NAME)
    assert codes(diagnostics) == ["L105"]


def test_small_aliases_and_merge_keys_work() -> None:
    doc, diagnostics = load_text("base: &b {x: 1}\nt:\n  <<: *b\n  y: 2\nu: *b\n", NAME)
    assert diagnostics == []
    assert doc.data["t"] == {"y": 2, "x": 1}
    assert doc.data["u"] == {"x": 1}


def test_non_scalar_key() -> None:
    _, diagnostics = load_text("? [a, b]\n: 1\n", NAME)
    assert codes(diagnostics) == ["L109"]


def test_load_project_reads_sorted_files_and_settings(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "b.yaml").write_text("schema: b\n")
    (tmp_path / "schema" / "a.yml").write_text("schema: a\n")
    (tmp_path / "schema" / "notes.txt").write_text("ignored")
    (tmp_path / "schemagen.yaml").write_text("postgres: 15\n")
    documents, settings, diagnostics = load_project(tmp_path)
    assert diagnostics == []
    assert [d.path for d in documents] == ["schema/a.yml", "schema/b.yaml"]
    assert settings.postgres == 15


def test_default_settings(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "a.yaml").write_text("schema: a\n")
    _, settings, diagnostics = load_project(tmp_path)
    assert settings.postgres == 18
    assert diagnostics == []


def test_bad_settings(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "a.yaml").write_text("schema: a\n")
    (tmp_path / "schemagen.yaml").write_text("postgres: 9\npostgress: 15\n")
    _, settings, diagnostics = load_project(tmp_path)
    assert settings.postgres == 18
    assert sorted(codes(diagnostics)) == ["L108", "L108"]
    assert all(d.span.file == "schemagen.yaml" for d in diagnostics)


def test_missing_schema_dir(tmp_path: Path) -> None:
    documents, _, diagnostics = load_project(tmp_path)
    assert documents == []
    assert codes(diagnostics) == ["L107"]


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "a.yaml").write_bytes(b"schema: \xff\xfe\n")
    (tmp_path / "schema" / "b.yaml").write_text("schema: b\n")
    documents, _, diagnostics = load_project(tmp_path)
    assert [d.path for d in documents] == ["schema/b.yaml"]
    assert codes(diagnostics) == ["L106"]
    assert diagnostics[0].span.file == "schema/a.yaml"


def test_a_large_file_without_aliases_is_never_refused_for_its_size() -> None:
    tables = "".join(f"  t{i}:\n    columns:\n      id: bigint\n      name: text\n" for i in range(12_000))
    _, diagnostics = load_text("schema: big\ntables:\n" + tables, NAME)
    assert codes(diagnostics) == []
