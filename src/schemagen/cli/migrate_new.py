"""``schemagen migrate new`` and ``migrate hash``: writing migration files (no database).

Exit codes: 0 written, or nothing to plan; 1 invalid project, tampered or malformed
migration files, a stale state snapshot (nothing is written); 2 usage; 4 internal error.
"""

from __future__ import annotations

import sys

import click

from schemagen.cli.output import say
from schemagen.cli.report import echo_diagnostics, fail_usage
from schemagen.errors import InvalidProject, UsageError

_PROJECT = click.option(
    "--project",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Project directory (holds schema/ and generated/migrations/).",
)


@click.command("new")
@click.argument("name")
@_PROJECT
def new_command(name: str, project: str) -> None:
    """Write generated/migrations/NNNN_NAME.up.sql and .down.sql: the plan from the state the
    migrations produce to the declared schema, and back. Needs no database."""
    from schemagen.api.migrate_new import new_migration

    try:
        result = new_migration(project, name)
    except UsageError as exc:
        fail_usage(exc)
    except InvalidProject as exc:
        echo_diagnostics(exc.diagnostics)
        click.echo("error: nothing written", err=True)
        sys.exit(1)
    echo_diagnostics(result.warnings)
    if result.migration_id is None:
        say("nothing to plan: the migrations already produce the declared schema (no file written)")
        return
    for path in result.written:
        say(f"wrote {path}")
    for direction, hazards in (("up", result.up_hazards), ("down", result.down_hazards)):
        for hazard, detail in hazards:
            say(f"hazard ({direction}): {hazard}: {detail}")


@click.command("hash")
@_PROJECT
def hash_command(project: str) -> None:
    """Record the migration files' current text in schemagen.sum, after a deliberate edit of a
    migration that was never applied anywhere (the runner still refuses an edited applied file)."""
    from schemagen.api.migrate_new import rehash

    try:
        written = rehash(project)
    except UsageError as exc:
        fail_usage(exc)
    except InvalidProject as exc:
        echo_diagnostics(exc.diagnostics)
        click.echo("error: nothing written", err=True)
        sys.exit(1)
    for path in written:
        say(f"wrote {path}")
    if not written:
        say("schemagen.sum is up to date")


AUTHORING_COMMANDS = (new_command, hash_command)


def attach(group: click.Group) -> None:
    """Add the authoring commands to the ``migrate`` group."""
    for command in AUTHORING_COMMANDS:
        group.add_command(command)
