"""``schemagen diff``, ``plan`` and ``apply``: the live database against the declared project.

Exit codes: 0 success; 1 invalid project, unreachable database, refused or failed
apply, stale plan file; 2 usage; 4 internal error; ``diff --exit-code``: 5 when the
database differs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

from schemagen.cli.progress import Progress
from schemagen.cli.report import echo_diagnostics, fail, fail_usage
from schemagen.errors import InvalidProject, SchemagenError, UsageError

DIFFERS = 5
FORMATS = ("text", "json", "markdown")
"""The output formats (``render.report_formats.FORMATS``; not imported, so the database
read starts before the renderer loads)."""

T = TypeVar("T")


def _dsn_option(func):
    func = click.option(
        "--dev-dsn",
        default=None,
        help="An empty scratch database for comparing expressions in PostgreSQL's own form; default: "
        "a temporary database on the target server, else an embedded PostgreSQL.",
    )(func)
    return click.option(
        "--dsn", default=None, help="Connection URL; default: the libpq environment (PGHOST, PGDATABASE, …)."
    )(func)


def _format_option(func):
    return click.option(
        "--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True
    )(func)


def _project_option(func):
    return click.option(
        "--project",
        default=None,
        type=click.Path(file_okay=False),
        help="Project directory (holds schema/); default: the current directory.",
    )(func)


def _schema_option(func):
    return click.option(
        "--schema",
        "schemas",
        multiple=True,
        help="Also manage this schema (repeatable); default: the schemas the project declares.",
    )(func)


def _guarded(call: Callable[[], T]) -> T:
    """Run an api call, turning its errors into messages and exit codes."""
    try:
        return call()
    except UsageError as exc:
        fail_usage(exc)
    except InvalidProject as exc:
        echo_diagnostics(exc.diagnostics)
        fail("the declared schema has errors; fix them first")
    except SchemagenError as exc:
        fail(str(exc))


def _compare(
    command: str, dsn: str | None, project: str | None, schemas: tuple[str, ...], dev_dsn: str | None = None
):
    from schemagen.api.early_read import start_live_read

    early = _guarded(lambda: start_live_read(dsn, project or ".", schemas))
    from schemagen.api.live import compare_live

    with Progress(command) as progress:
        return _guarded(lambda: compare_live(dsn, project or ".", schemas, dev_dsn, progress.step, early))


def _emit(command: str, output_format: str, changes, unmanaged) -> None:
    from schemagen.api.reports import format_report

    click.echo(format_report(command, output_format, changes, unmanaged), nl=False)
    if output_format == "json":
        for line in unmanaged:
            click.echo(f"unmanaged (left alone): {line}", err=True)


@click.command("diff")
@_dsn_option
@_project_option
@_schema_option
@_format_option
@click.option("--exit-code", is_flag=True, help="Exit 5 when the database differs (for CI drift checks).")
def diff_command(
    dsn: str | None,
    dev_dsn: str | None,
    project: str | None,
    schemas: tuple[str, ...],
    output_format: str,
    exit_code: bool,
) -> None:
    """Show what differs between the live database and the declared schema (read-only)."""
    comparison = _compare("diff", dsn, project, schemas, dev_dsn)
    _emit("diff", output_format, comparison.changes, comparison.live.unmanaged)
    if exit_code and comparison.differs:
        sys.exit(DIFFERS)


@click.command("plan")
@_dsn_option
@_project_option
@_schema_option
@_format_option
@click.option(
    "--out",
    default=None,
    type=click.Path(dir_okay=False),
    help="Also write a plan file for `apply --plan` (records the database's fingerprint).",
)
def plan_command(
    dsn: str | None,
    dev_dsn: str | None,
    project: str | None,
    schemas: tuple[str, ...],
    output_format: str,
    out: str | None,
) -> None:
    """Print the SQL that takes the database to the declared schema, with its hazards."""
    comparison = _compare("plan", dsn, project, schemas, dev_dsn)
    _emit("plan", output_format, comparison.changes, comparison.live.unmanaged)
    if out:
        from schemagen.api.live import write_plan

        _guarded(lambda: write_plan(comparison, out))
        click.echo(f"wrote plan file {out} ({len(comparison.changes)} change(s))", err=True)


@click.command("apply")
@_dsn_option
@_project_option
@_schema_option
@click.option(
    "--plan", "plan_path", default=None, type=click.Path(dir_okay=False), help="Apply this plan file."
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--allow-hazard", "allow", multiple=True, help="Allow steps with this hazard (repeatable).")
@click.option("--allow-hazards", "allow_all", is_flag=True, help="Allow every hazard.")
@_format_option
def apply_command(
    dsn: str | None,
    dev_dsn: str | None,
    project: str | None,
    schemas: tuple[str, ...],
    plan_path: str | None,
    yes: bool,
    allow: tuple[str, ...],
    allow_all: bool,
    output_format: str,
) -> None:
    """Take the database to the declared schema (or run a plan file), hazards gated."""
    from schemagen.api.apply import check_hazards, execute_plan
    from schemagen.api.inspect import mask_dsn

    if plan_path and (project or schemas):
        fail_usage(UsageError("--plan and --project/--schema exclude each other"))
    if plan_path:
        from schemagen.api.live import load_plan

        with Progress("apply") as progress:
            progress.step("reading the database")
            plan, live = _guarded(lambda: load_plan(dsn, plan_path))
        changes, unmanaged = plan.changes, live.unmanaged
    else:
        comparison = _compare("apply", dsn, project, schemas, dev_dsn)
        changes, unmanaged = comparison.changes, comparison.live.unmanaged
    _emit("apply", output_format, changes, unmanaged)
    if not changes:
        click.echo("nothing to apply: the database matches the declared schema", err=True)
        return
    _guarded(lambda: check_hazards(changes, None if allow_all else allow))
    if not yes:
        if not sys.stdin.isatty():
            fail("refusing to apply without confirmation: no terminal to ask on; pass --yes")
        where = mask_dsn(dsn or "") or "the libpq environment database"
        if not click.confirm(f"Apply {len(changes)} change(s) to {where}?", err=True):
            fail("not applied: nothing was executed")

    with Progress("apply") as progress:
        done = iter(range(1, len(changes) + 1))

        def applied(change) -> None:
            progress.echo(f"applied {change.summary.line()}")
            progress.step(f"{next(done)} of {len(changes)} change(s)")

        progress.step(f"0 of {len(changes)} change(s)")
        result = _guarded(lambda: execute_plan(dsn, changes, applied))
    click.echo(f"applied {result.steps} change(s) in {result.transactions} transaction(s)", err=True)
