"""``schemagen inspect``: an existing database → YAML project files."""

from __future__ import annotations

import sys

import click

from schemagen.cli.output import say
from schemagen.cli.progress import Progress
from schemagen.cli.report import fail, fail_usage
from schemagen.errors import DatabaseError, OutputExists, UsageError


@click.command("inspect")
@click.option(
    "--dsn", default=None, help="Connection URL; default: the libpq environment (PGHOST, PGDATABASE, …)."
)
@click.option(
    "--schema", "schemas", multiple=True, help="Schema to read (repeatable); default: every user schema."
)
@click.option("--out", default=None, type=click.Path(file_okay=False), help="Output project directory.")
@click.option(
    "--project",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Project directory, used when --out is not given.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace a project already in the output directory (its YAML files not written again are removed).",
)
@click.option(
    "--rows",
    "rows",
    multiple=True,
    metavar="TABLE",
    help="Also write this table's rows as its reference rows (`rows:`), keyed by its primary key "
    "(repeatable; schema.table).",
)
@click.option(
    "--owners",
    is_flag=True,
    help="Also write each object's owner (the file's most common one as its owner:) and set "
    "owners: managed in schemagen.yaml; implied when --out holds a schemagen.yaml that manages owners.",
)
def inspect_command(
    dsn: str | None,
    schemas: tuple[str, ...],
    out: str | None,
    project: str,
    force: bool,
    rows: tuple[str, ...],
    owners: bool,
) -> None:
    """Read a live database and write DIR/schema/*.yaml.

    Exit codes: 0 everything was written (warnings, such as an INVALID index written as
    an ordinary one, on stderr); 3 something could not be expressed (listed on stderr);
    1 the database could not be read, a --schema does not exist, or the output directory
    already holds a project (without --force);
    2 a --rows table is not inspected or has no key to upsert its rows by.
    """
    from schemagen.api.inspect import inspect_database

    try:
        with Progress("inspect") as progress:
            reported = progress.count if progress.enabled else None
            result = inspect_database(
                dsn, list(schemas) or None, out or project, reported, force=force, rows=rows, owners=owners
            )
    except UsageError as exc:
        fail_usage(exc)
    except (DatabaseError, OutputExists) as exc:
        fail(exc)
    for relative in result.files:
        say(f"wrote {relative}")
    for relative in result.removed:
        say(f"removed {relative}")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if result.omissions:
        for omission in result.omissions:
            click.echo(f"omitted: {omission.format()}", err=True)
        click.echo(f"{len(result.omissions)} object(s) could not be expressed", err=True)
        sys.exit(3)
