"""The scope guessed from a project's files, for the catalog read that starts before compiling."""

from __future__ import annotations

from schemagen.api.early_read import guessed_scope


def _project(tmp_path, files: dict[str, str]):
    (tmp_path / "schema").mkdir()
    for name, text in files.items():
        (tmp_path / "schema" / name).write_text(text)
    return tmp_path


def test_schemas_named_by_the_files_and_on_the_command_line(tmp_path) -> None:
    root = _project(tmp_path, {"a.yaml": "schema: app\ntables: {}\n", "b.yml": "# x\nschema: 'billing'\n"})
    assert guessed_scope(root) == ("app", "billing")
    assert guessed_scope(root, ["zeta", "app"]) == ("app", "billing", "zeta")


def test_a_file_declaring_extensions_adds_public(tmp_path) -> None:
    root = _project(tmp_path, {"a.yaml": "schema: app\nextensions:\n  pgcrypto: {}\n"})
    assert guessed_scope(root) == ("app", "public")


def test_no_schema_directory_guesses_only_what_is_named(tmp_path) -> None:
    assert guessed_scope(tmp_path) == ()
    assert guessed_scope(tmp_path, ["app"]) == ("app",)
