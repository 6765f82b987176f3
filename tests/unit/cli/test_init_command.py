"""``schemagen init``: a project that builds at once, editor bindings, refusal of a non-empty directory."""

from __future__ import annotations

import json

from click.testing import CliRunner

from schemagen.api import json_schema
from schemagen.cli import main


def _init(*args: str):
    return CliRunner().invoke(main, ["init", *args])


def test_init_then_build_exits_0(tmp_path):
    project = tmp_path / "new"
    result = _init(str(project))
    assert result.exit_code == 0, result.output
    built = CliRunner().invoke(main, ["build", "--project", str(project)])
    assert built.exit_code == 0, built.output
    assert "CREATE TABLE app.users" in (project / "generated" / "schema.sql").read_text()
    assert CliRunner().invoke(main, ["build", "--check", "--project", str(project)]).exit_code == 0


def test_every_yaml_file_written_has_a_modeline_to_a_schema_that_exists(tmp_path):
    assert _init(str(tmp_path)).exit_code == 0
    for relative in ("schemagen.yaml", "schema/example.yaml"):
        path = tmp_path / relative
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), relative
        target = path.parent / first.split("$schema=", 1)[1]
        assert target.is_file(), target
    assert json.loads((tmp_path / ".schemagen" / "schema.json").read_text()) == json_schema()
    assert json.loads((tmp_path / ".schemagen" / "settings.schema.json").read_text()) == json_schema(True)


def test_vscode_settings_bind_the_schemas(tmp_path):
    assert _init(str(tmp_path)).exit_code == 0
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"][".schemagen/schema.json"][0] == "schema/*.yaml"
    assert settings["yaml.schemas"][".schemagen/settings.schema.json"] == ["schemagen.yaml"]


def test_postgres_version_is_written(tmp_path):
    assert _init(str(tmp_path), "--postgres", "15").exit_code == 0
    assert "\npostgres: 15 " in (tmp_path / "schemagen.yaml").read_text()


def test_non_empty_directory_is_refused_without_force(tmp_path):
    (tmp_path / "notes.txt").write_text("mine\n")
    refused = _init(str(tmp_path))
    assert refused.exit_code == 1
    assert "is not empty" in refused.output and "--force" in refused.output
    assert not (tmp_path / "schema").exists()
    forced = _init(str(tmp_path), "--force")
    assert forced.exit_code == 0, forced.output
    assert (tmp_path / "notes.txt").read_text() == "mine\n"
    assert (tmp_path / "schema" / "example.yaml").is_file()


def test_empty_directory_is_accepted(tmp_path):
    assert _init(str(tmp_path)).exit_code == 0


def test_unsupported_version_is_a_usage_error(tmp_path):
    result = _init(str(tmp_path), "--postgres", "9")
    assert result.exit_code == 2
    assert not any(tmp_path.iterdir())


def test_init_writes_files_fmt_leaves_alone(tmp_path):
    assert CliRunner().invoke(main, ["init", str(tmp_path), "-q"]).exit_code == 0
    checked = CliRunner().invoke(main, ["fmt", "--check", "--project", str(tmp_path)])
    assert checked.exit_code == 0, checked.output
