"""Progress on long operations only on a terminal (never through a pipe, never with --quiet),
and -q/-v accepted by every command when it runs."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemagen.cli import main
from schemagen.cli.output import NORMAL, QUIET, set_level
from schemagen.cli.progress import Progress

UNREACHABLE = "postgresql:///nowhere?host=/nonexistent-socket-dir&port=1&connect_timeout=1"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_drawn_on_a_terminal_and_erased() -> None:
    stream = _Terminal()
    with Progress("plan", stream=stream, delay=0) as progress:
        progress.step("reading the database")
        progress.echo("applied something")
    text = stream.getvalue()
    assert "plan: reading the database" in text
    assert "applied something\n" in text
    assert text.endswith("\r\x1b[K")  # nothing left on the line


def test_no_progress_through_a_pipe() -> None:
    stream = io.StringIO()
    with Progress("plan", stream=stream, delay=0) as progress:
        progress.step("reading the database")
    assert stream.getvalue() == ""


def test_no_progress_when_quiet() -> None:
    stream = _Terminal()
    set_level(QUIET)
    try:
        with Progress("plan", stream=stream, delay=0) as progress:
            progress.step("reading the database")
    finally:
        set_level(NORMAL)
    assert stream.getvalue() == ""


def test_no_progress_before_the_delay() -> None:
    """A quick operation (here: one that ends before an hour) prints nothing."""
    stream = _Terminal()
    with Progress("build", stream=stream, delay=3600) as progress:
        progress.step("compiling")
    assert stream.getvalue() == ""


def _build_on(stderr_terminal: bool, project: Path, *extra: str) -> str:
    env = {**os.environ, "SCHEMAGEN_PROGRESS_DELAY": "0"}
    command = [sys.executable, "-m", "schemagen", "build", "--project", str(project), *extra]
    if not stderr_terminal:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stderr
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=follower, check=False)
        os.close(follower)
        assert done.returncode == 0
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks).decode()
    finally:
        os.close(leader)


def test_build_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["init", str(tmp_path), "-q"])
    assert "build: compiling" in _build_on(True, tmp_path)
    assert "\x1b[K" not in _build_on(False, tmp_path)
    assert "build:" not in _build_on(True, tmp_path, "--quiet")


def _arguments(name: str, project: Path, tmp_path: Path) -> list[str] | None:
    dsn = ["--dsn", UNREACHABLE]
    return {
        "init": [str(tmp_path / "fresh")],
        "build": ["--project", str(project)],
        "validate": ["--project", str(project)],
        "fmt": ["--project", str(project)],
        "json-schema": [],
        "lint": ["--project", str(project)],
        "inspect": [*dsn, "--out", str(tmp_path / "inspected")],
        "diff": [*dsn, "--project", str(project)],
        "plan": [*dsn, "--project", str(project)],
        "apply": [*dsn, "--project", str(project), "--yes"],
    }.get(name)


@pytest.mark.parametrize("flag", ["--quiet", "-q", "--verbose", "-v"])
@pytest.mark.parametrize("name", main.list_commands(None))
def test_every_command_runs_with_quiet_and_verbose(name: str, flag: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    CliRunner().invoke(main, ["init", str(project), "-q"])
    arguments = _arguments(name, project, tmp_path)
    if arguments is None:  # a command added since (a group): its help takes the flags
        arguments = ["--help"]
    result = CliRunner().invoke(main, [name, flag, *arguments])
    expected = 1 if "--dsn" in arguments else 0  # the database cannot be reached: exit 1, not usage (2)
    assert result.exit_code == expected, result.output
    if flag in ("--quiet", "-q") and expected == 0 and name != "json-schema":
        assert "wrote" not in result.output and "up to date" not in result.output
