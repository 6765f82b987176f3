"""How the CLI shows diagnostics and usage errors."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from schemagen.diagnostics import Diagnostic, Severity


def echo_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """Print diagnostics compiler-style on stderr, then a one-line summary."""
    if not diagnostics:
        return
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diagnostics if d.severity is Severity.WARNING)
    click.echo(f"{errors} error(s), {warnings} warning(s)", err=True)


def fail_usage(exc: Exception) -> NoReturn:
    """Report a usage error and exit 2."""
    click.echo(f"error: {exc}", err=True)
    sys.exit(2)
