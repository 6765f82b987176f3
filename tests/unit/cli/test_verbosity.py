"""--quiet and --verbose on every command; colour only on a terminal and never with NO_COLOR."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from schemagen.cli import main
from schemagen.cli.output import use_colour


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", main.list_commands(None))
def test_every_command_takes_quiet_and_verbose(name: str) -> None:
    options = {opt for param in main.get_command(None, name).params for opt in param.opts}
    assert {"-q", "--quiet", "-v", "--verbose"} <= options


def test_quiet_drops_status_lines_but_not_errors(tmp_path) -> None:
    quiet = CliRunner().invoke(main, ["init", str(tmp_path), "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""
    loud = CliRunner().invoke(main, ["build", "--project", str(tmp_path)])
    assert "wrote generated/schema.sql" in loud.output
    (tmp_path / "schema" / "example.yaml").write_text(
        "schema: app\ntables: {t: {columns: {a: textt not nul}}}\n"
    )
    failed = CliRunner().invoke(main, ["build", "-q", "--project", str(tmp_path)])
    assert failed.exit_code == 1 and "C382" in failed.output


def test_verbose_reports_the_time_taken(tmp_path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path), "--verbose"])
    assert result.exit_code == 0
    assert "schemagen init: " in result.output
    plain = CliRunner().invoke(main, ["validate", "--project", str(tmp_path)])
    assert "schemagen validate: " not in plain.output


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert use_colour(_Terminal(), {}) is True
    assert use_colour(_Terminal(), {"NO_COLOR": "1"}) is False
    assert use_colour(io.StringIO(), {}) is False


def test_diagnostics_through_a_pipe_have_no_escape_codes(tmp_path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "a.yaml").write_text("schema: app\ntables: {t: {columns: {a: bigint not nul}}}\n")
    result = CliRunner().invoke(main, ["validate", "--project", str(tmp_path)])
    assert result.exit_code == 1 and "\x1b[" not in result.output
