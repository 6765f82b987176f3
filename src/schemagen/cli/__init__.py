"""The ``schemagen`` command line: parse arguments, call one api function, report.

Exit codes: 0 success, 1 invalid input (or stale generated/ with ``--check``),
2 usage error, 3 something could not be expressed (``inspect``), 4 internal error
(a bug in schemagen: the message says how to get the traceback for a report),
5 the database differs (``diff --exit-code``) or migrations are pending
(``migrate status --exit-code``).
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time

import click

from schemagen import __version__
from schemagen.cli.output import VERBOSE, add_verbosity_options, detail, level, say, set_level
from schemagen.cli.progress import Progress
from schemagen.cli.report import echo_diagnostics, fail, fail_usage
from schemagen.errors import DatabaseError, UsageError

PROJECT_OPTION = click.option(
    "--project",
    "project",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Project directory (holds schema/ and generated/).",
)


INTERNAL_ERROR = 4


LAZY_COMMANDS: dict[str, str] = {
    "inspect": "schemagen.cli.inspect:inspect_command",
    "diff": "schemagen.cli.live:diff_command",
    "plan": "schemagen.cli.live:plan_command",
    "apply": "schemagen.cli.live:apply_command",
    "lint": "schemagen.cli.lint:lint_command",
    "migrate": "schemagen.cli:_migrate_group",
}
"""Commands imported only when run (or listed by --help): ``inspect`` does not load the
renderer and the linters, ``plan`` not the inspect command's writer, and so on. A name
may also give a function that returns the command."""


class SchemagenGroup(click.Group):
    """A click group that turns an unexpected exception into one line and exit 4.

    The commands of :data:`LAZY_COMMANDS` are imported on first use.
    """

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(set(self.commands) | set(LAZY_COMMANDS))

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module_name, _, attribute = LAZY_COMMANDS[cmd_name].partition(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                command = command()
            add_verbosity_options(command)
            for sub in getattr(command, "commands", {}).values():
                add_verbosity_options(sub)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context):
        started = time.perf_counter()
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:
            if os.environ.get("SCHEMAGEN_DEBUG") == "1" or level() >= VERBOSE:
                raise
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "    a bug in schemagen: rerun with SCHEMAGEN_DEBUG=1 for the traceback, and report it",
                err=True,
            )
            sys.exit(INTERNAL_ERROR)
        finally:
            detail(f"schemagen {ctx.invoked_subcommand or ''}: {time.perf_counter() - started:.2f}s")


@click.group(cls=SchemagenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="schemagen")
def main() -> None:
    """Declarative schema-as-code compiler for PostgreSQL."""
    set_level(1)


@main.command()
@PROJECT_OPTION
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when generated/ is stale.")
@click.option(
    "--verify",
    is_flag=True,
    help="Apply the generated SQL on a scratch PostgreSQL of the target version, in a transaction "
    "that is rolled back; report what PostgreSQL refuses at its YAML.",
)
@click.option(
    "--dev-dsn",
    "dev_dsn",
    default=None,
    metavar="URL",
    help="With --verify: the server to verify on (nothing is committed) instead of a scratch one.",
)
def build(project: str, check: bool, verify: bool, dev_dsn: str | None) -> None:
    """Validate schema/*.yaml and write generated/."""
    from schemagen.api import build_project

    if dev_dsn is not None and not verify:
        fail_usage(UsageError("--dev-dsn needs --verify"))
    try:
        with Progress("build") as progress:
            result = build_project(project, check=check, verify=verify, dev_dsn=dev_dsn, step=progress.step)
    except UsageError as exc:
        fail_usage(exc)
    except DatabaseError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    echo_diagnostics(result.diagnostics)
    if not result.ok:
        sys.exit(1)
    for override in result.overrides:
        say(f"template override: {override.path} replaces schemagen's {override.name}")
    if verify:
        say("verified: PostgreSQL applied the generated SQL (rolled back)")
    if check:
        if result.changed:
            for name in result.changed:
                click.echo(f"stale: generated/{name}", err=True)
            click.echo("generated/ is out of date: run `schemagen build`", err=True)
            sys.exit(1)
        say("generated/ is up to date")
        return
    if result.changed:
        for name in result.changed:
            say(f"wrote generated/{name}")
    else:
        say("generated/ is up to date")


@main.command()
@PROJECT_OPTION
def validate(project: str) -> None:
    """Report every problem in schema/*.yaml; write nothing."""
    from schemagen.api import validate_project

    try:
        with Progress("validate"):
            result = validate_project(project)
    except UsageError as exc:
        fail_usage(exc)
    echo_diagnostics(result.diagnostics)
    if not result.ok:
        sys.exit(1)
    say("schema is valid")


@main.command()
@PROJECT_OPTION
@click.option("--check", is_flag=True, help="Write nothing; exit 1 listing the files fmt would change.")
def fmt(project: str, check: bool) -> None:
    """Rewrite schema/*.yaml in the layout inspect writes, comments kept.

    Keys in inspect's order, two-space indentation, scalars quoted only when
    needed; what the files declare never changes. Exit codes: 0 formatted (or,
    with --check, nothing to change); 1 a file does not load, or --check found
    files to change (listed on stderr).
    """
    from schemagen.api.fmt import format_project

    result = format_project(project, check=check)
    echo_diagnostics(result.diagnostics)
    if check:
        for name in result.changed:
            click.echo(f"would reformat: {name}", err=True)
        if result.changed:
            click.echo(f"{len(result.changed)} file(s) not formatted: run `schemagen fmt`", err=True)
    else:
        for name in result.changed:
            say(f"formatted {name}")
    if (result.changed and check) or not result.ok:
        sys.exit(1)
    if not result.changed:
        say("schema files are formatted")


@main.command("json-schema")
@click.option("--settings", is_flag=True, help="The schema of schemagen.yaml instead of schema/*.yaml.")
def json_schema_command(settings: bool) -> None:
    """Print the JSON Schema of the YAML format (for editors' YAML language servers)."""
    from schemagen.api import json_schema

    click.echo(json.dumps(json_schema(settings), indent=2, sort_keys=True))


@main.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False))
@click.option(
    "--force", is_flag=True, help="Write into a non-empty DIRECTORY (files of the same name are replaced)."
)
@click.option(
    "--postgres",
    "postgres",
    default=18,
    show_default=True,
    type=click.IntRange(14, 18),
    help="Target PostgreSQL major version, written to schemagen.yaml.",
)
@click.option(
    "--from-dsn", "from_dsn", default=None, help="Read schema/ from this database (as `inspect` does)."
)
def init(directory: str, force: bool, postgres: int, from_dsn: str | None) -> None:
    """Start a project in DIRECTORY (default: here) that builds at once.

    Writes schema/ (one commented example, or the database's schema with
    --from-dsn), schemagen.yaml, the JSON Schemas under .schemagen/ and
    .vscode/settings.json binding them to the YAML files. Exit codes: 0 written;
    1 DIRECTORY is not empty (without --force) or the database could not be read;
    3 (--from-dsn) something in the database could not be expressed.
    """
    from schemagen.api.init import init_project
    from schemagen.errors import DatabaseError, OutputExists

    try:
        result = init_project(directory, force=force, postgres=postgres, from_dsn=from_dsn)
    except UsageError as exc:
        fail_usage(exc)
    except (DatabaseError, OutputExists) as exc:
        fail(exc)
    for relative in result.files:
        say(f"wrote {relative}")
    for warning in getattr(result.inspect, "warnings", []):
        click.echo(f"warning: {warning}", err=True)
    omissions = getattr(result.inspect, "omissions", [])
    for omission in omissions:
        click.echo(f"omitted: {omission.format()}", err=True)
    if omissions:
        click.echo(f"{len(omissions)} object(s) could not be expressed", err=True)
        sys.exit(3)
    say(f"next: cd {directory} && schemagen build" if directory != "." else "next: schemagen build")


def _migrate_group() -> click.Group:
    """``migrate`` with its authoring half (``migrate new``, ``migrate hash``) attached."""
    from schemagen.cli.migrate import migrate
    from schemagen.cli.migrate_new import attach

    attach(migrate)
    return migrate


for _command in main.commands.values():
    add_verbosity_options(_command)
    for _sub in getattr(_command, "commands", {}).values():
        add_verbosity_options(_sub)


def run() -> None:
    """Console-script entry point: run the CLI, then leave without tearing down the heap.

    A build of thousands of tables leaves a large, acyclic heap behind; letting the
    interpreter free it object by object at exit took ~0.3 s of a 2 s build. Output is
    flushed first, and nothing schemagen does relies on exit handlers (files are
    written and connections closed inside the commands).
    """
    try:
        main.main(prog_name="schemagen")
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            click.echo(exc.code, err=True)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
