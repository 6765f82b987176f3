"""How the CLI shows diagnostics and usage errors."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from schemagen.cli.output import use_colour
from schemagen.diagnostics import Diagnostic, Severity


def echo_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """Print diagnostics compiler-style on stderr, then a one-line summary."""
    if not diagnostics:
        return
    colour = use_colour(sys.stderr)
    for diagnostic in diagnostics:
        text = diagnostic.format()
        if colour:
            head, _, rest = text.partition("\n")
            tint = "red" if diagnostic.severity is Severity.ERROR else "yellow"
            text = click.style(head, fg=tint) + ("\n" + rest if rest else "")
        click.echo(text, err=True, color=colour)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def fail(message: object) -> NoReturn:
    """Report an error (invalid input, an unreachable database, a refusal) and exit 1."""
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def fail_usage(exc: Exception) -> NoReturn:
    """Report a usage error and exit 2."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
