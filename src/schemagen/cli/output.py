"""How loud the CLI is: ``--quiet`` / ``--verbose`` on every command, colour only on a TTY.

``--quiet`` drops the status lines (``wrote …``, ``generated/ is up to date``); a
command's product (a report, SQL, a schema) and every diagnostic and error still
print. ``--verbose`` adds the time a command took and, on an internal error, the
traceback. Colour is used only when stderr is a terminal and ``NO_COLOR`` is unset
(https://no-color.org: any non-empty value).
"""

from __future__ import annotations

import os
from typing import IO

import click

QUIET, NORMAL, VERBOSE = 0, 1, 2
_level = {"value": NORMAL}


def level() -> int:
    """The verbosity chosen for this run."""
    return _level["value"]


def set_level(value: int) -> None:
    """Set the verbosity (the options' callback; tests reset it)."""
    _level["value"] = value


def say(message: str) -> None:
    """A status line on stdout, unless ``--quiet``."""
    if level() > QUIET:
        click.echo(message)


def detail(message: str) -> None:
    """A line on stderr only with ``--verbose``."""
    if level() >= VERBOSE:
        click.echo(message, err=True)


def use_colour(stream: IO[str], environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether to colour output to ``stream``: a terminal, and no ``NO_COLOR``."""
    if environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        set_level(QUIET)


def _verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        set_level(VERBOSE)


def add_verbosity_options(command: click.Command) -> None:
    """Give ``command`` ``-q/--quiet`` and ``-v/--verbose`` (no parameter reaches the function)."""
    names = {opt for param in command.params for opt in param.opts}
    if "--quiet" in names:
        return
    command.params.append(
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_quiet,
            help="Print only results and errors.",
        )
    )
    command.params.append(
        click.Option(
            ["-v", "--verbose"],
            is_flag=True,
            expose_value=False,
            callback=_verbose,
            help="Also print timings (stderr), and the traceback of an internal error.",
        )
    )
