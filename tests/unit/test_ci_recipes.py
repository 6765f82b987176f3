"""The CI recipes: .pre-commit-hooks.yaml and docs/ci/schemagen.yml run real schemagen commands."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import click
import yaml
from click.testing import CliRunner

from schemagen.cli import main

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / "docs" / "ci" / "schemagen.yml"


def _check_jsonschema(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", *args], capture_output=True, text=True, check=False
    )


def _schemagen_lines(text: str) -> list[list[str]]:
    """Every `schemagen …` command in shell text, split into words (up to a redirection)."""
    commands = []
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "schemagen":
            commands.append([w for w in words[1 : words.index(">")] if w] if ">" in words else words[1:])
    return commands


def _assert_known(arguments: list[str]) -> None:
    """The subcommand exists and takes every option given."""
    command = main.get_command(None, arguments[0])
    assert command is not None, f"no command schemagen {arguments[0]}"
    options = {opt for param in command.params if isinstance(param, click.Option) for opt in param.opts}
    for word in arguments[1:]:
        if word.startswith("--"):
            assert word.split("=", 1)[0] in options, f"schemagen {arguments[0]} has no {word}"


def test_pre_commit_hooks_run_schemagen_and_pass_on_a_new_project(tmp_path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [hook["id"] for hook in hooks] == [
        "schemagen-build-check",
        "schemagen-lint",
        "schemagen-fmt-check",
    ]
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(main, ["build", "--project", str(tmp_path)]).exit_code == 0
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["pass_filenames"] is False
        words = shlex.split(hook["entry"])
        assert words[0] == "schemagen"
        _assert_known(words[1:])
        result = CliRunner().invoke(main, [*words[1:], "--project", str(tmp_path)])
        assert result.exit_code == 0, (hook["id"], result.output)


def test_build_check_hook_fails_when_generated_is_stale(tmp_path) -> None:
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    assert CliRunner().invoke(main, ["build", "--check", "--project", str(tmp_path)]).exit_code == 1


def test_workflow_matches_the_github_workflow_schema() -> None:
    result = _check_jsonschema("--builtin-schema", "vendor.github-workflows", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_is_refused_by_the_same_check(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "runs_on:", 1))
    assert _check_jsonschema("--builtin-schema", "vendor.github-workflows", str(broken)).returncode != 0


def test_workflow_runs_build_check_lint_sarif_and_the_diff_comment() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [words for step in steps for words in _schemagen_lines(step.get("run", ""))]
    for words in commands:
        _assert_known(words)
    assert ["build", "--check"] in commands
    assert ["lint", "--format", "sarif"] in commands
    assert ["diff", "--dsn", "$STAGING_DSN", "--format", "markdown"] in commands
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    assert any("gh pr comment" in step.get("run", "") for step in steps)
    assert workflow["jobs"]["check"]["permissions"]["security-events"] == "write"
    assert workflow["jobs"]["diff"]["permissions"]["pull-requests"] == "write"


def test_an_init_project_passes_a_json_schema_hook(tmp_path) -> None:
    """What a pre-commit JSON-Schema hook (check-jsonschema, YAML 1.1 dates) sees in a new project."""
    assert CliRunner().invoke(main, ["init", str(tmp_path)]).exit_code == 0
    files = [str(tmp_path / "schema" / "example.yaml")]
    result = _check_jsonschema("--schemafile", str(tmp_path / ".schemagen" / "schema.json"), *files)
    assert result.returncode == 0, result.stdout + result.stderr
    settings = _check_jsonschema(
        "--schemafile",
        str(tmp_path / ".schemagen" / "settings.schema.json"),
        str(tmp_path / "schemagen.yaml"),
    )
    assert settings.returncode == 0, settings.stdout + settings.stderr


def test_the_repository_schema_passes_a_json_schema_hook(tmp_path) -> None:
    schema = tmp_path / "schema.json"
    schema.write_text(CliRunner().invoke(main, ["json-schema"]).output)
    result = _check_jsonschema(
        "--schemafile", str(schema), *map(str, sorted((ROOT / "schema").glob("*.yaml")))
    )
    assert result.returncode == 0, result.stdout + result.stderr
