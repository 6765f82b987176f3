"""``schemagen lint``: design rules and migration safety, in text, json, sarif or github format."""

from __future__ import annotations

import sys

import click

from schemagen.cli.report import fail_usage
from schemagen.errors import UsageError

FORMATS = ("text", "json", "sarif", "github")


@click.command("lint")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--project",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Project directory (schema/, generated/, schemagen.yaml).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Warnings become errors (exit 1 on any warning).")
@click.option(
    "--assume-in-transaction",
    is_flag=True,
    help="FILE mode: the migration runner wraps each file in a transaction.",
)
def lint_command(
    files: tuple[str, ...], project: str, fmt: str, strict: bool, assume_in_transaction: bool
) -> None:
    """Lint the project's design and generated SQL, or the SQL FILES given.

    Exit codes: 0 no finding of severity error; 1 at least one; 2 usage error.
    """
    from schemagen.api.lint import lint_files, lint_project, render_findings

    try:
        if files:
            result = lint_files(
                list(files), project, strict=strict, assume_in_transaction=assume_in_transaction
            )
        else:
            result = lint_project(project, strict=strict)
    except UsageError as exc:
        fail_usage(exc)
    if result.diagnostics or fmt != "text":  # a clean text run prints nothing, like a compiler
        click.echo(render_findings(result, fmt))
    if not result.ok:
        sys.exit(1)
