"""``schemagen migrate``: versioned migration files in generated/migrations, run against a database.

Exit codes: 0 success; 1 invalid input (tampered files, an edited applied file,
refused hazards, a failed migration, a baseline that does not match) or an
unreachable database; 2 usage; 4 internal error; ``status --exit-code``: 5 when
migrations are pending.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TypeVar

import click

from schemagen.cli.output import say
from schemagen.cli.progress import Progress
from schemagen.cli.report import echo_diagnostics, fail, fail_usage
from schemagen.errors import InvalidProject, SchemagenError, UsageError

PENDING = 5

T = TypeVar("T")


@click.group("migrate")
def migrate() -> None:
    """Versioned migrations: reviewed files in generated/migrations, a history table, checksums."""


def _dsn_option(func):
    return click.option(
        "--dsn", default=None, help="Connection URL; default: the libpq environment (PGHOST, PGDATABASE, …)."
    )(func)


def _project_option(func):
    return click.option(
        "--project",
        default=".",
        type=click.Path(file_okay=False),
        help="Project directory (holds schema/ and generated/migrations/); default: the current directory.",
    )(func)


def _format_option(func):
    return click.option(
        "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
    )(func)


def _hazard_options(func):
    func = click.option("--allow-hazards", "allow_all", is_flag=True, help="Allow every hazard.")(func)
    return click.option(
        "--allow-hazard", "allow", multiple=True, help="Allow files with this hazard header (repeatable)."
    )(func)


def _guarded(call: Callable[[], T]) -> T:
    """Run an api call, turning its errors into messages and exit codes."""
    from schemagen.api.migrate_files import TamperedMigrations

    try:
        return call()
    except UsageError as exc:
        fail_usage(exc)
    except TamperedMigrations as exc:
        echo_diagnostics(exc.diagnostics)
        fail(str(exc))
    except InvalidProject as exc:
        echo_diagnostics(exc.diagnostics)
        fail("the declared schema has errors; fix them first")
    except SchemagenError as exc:
        fail(str(exc))


def _say(line: Progress, text: str) -> None:
    """A status line; through the progress line when it is shown (a terminal), so the two do not mix."""
    if line.enabled:
        line.echo(text)
    else:
        say(text)


def _waiting() -> None:
    click.echo("waiting for another `schemagen migrate` run on this database (advisory lock) …", err=True)


def _run(command: str, output_format: str, call: Callable[[Callable], object]) -> None:
    """Run apply or revert: a line per file on a text run, one JSON document with ``--format json``."""
    with Progress(f"migrate {command}") as line:
        line.step("waiting for the lock, checking the files against the history")
        _run_with(command, output_format, call, line)


def _run_with(command: str, output_format: str, call: Callable[[Callable], object], line: Progress) -> None:
    from schemagen.api.migrate_run import MigrationFailed

    ran: list[dict] = []

    def progress(migration, script, ms: int) -> None:
        line.step(f"{len(ran) + 1} file(s) run, the last {script.file}")
        ran.append(
            {
                "version": migration.version,
                "name": migration.name,
                "direction": script.direction,
                "file": script.file,
                "execution_ms": ms,
            }
        )
        if output_format == "text":
            _say(line, f"{'applied' if script.direction == 'up' else 'reverted'} {script.file} ({ms} ms)")

    failures: list[MigrationFailed] = []

    def attempt():
        try:
            return call(progress)
        except MigrationFailed as exc:
            failures.append(exc)
            return None

    result = _guarded(attempt)
    for exc in failures:
        if output_format == "json":
            failed = {
                "version": exc.migration.version,
                "name": exc.migration.name,
                "file": exc.script.file,
                "statement": exc.statement,
                "error": exc.error,
            }
            click.echo(json.dumps({"ran": ran, "pending": None, "failed": failed}, indent=2))
        fail(str(exc))
    if output_format == "json":
        document = {**result.as_json(), "failed": None}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if command == "apply":
        if not result.ran:
            say("nothing to apply: every migration is applied" if not result.pending else "nothing to apply")
        else:
            say(f"applied {len(result.ran)} migration(s)")
        if result.pending:
            say(f"{len(result.pending)} pending beyond --to: " + ", ".join(f"{m.id}" for m in result.pending))
    elif not result.ran:
        say("nothing to revert: no migration is applied")
    else:
        say(f"reverted {len(result.ran)} migration(s)")


@migrate.command("apply")
@_dsn_option
@_project_option
@click.option("--to", "to", type=click.IntRange(min=1), default=None, help="Stop after this version.")
@_hazard_options
@_format_option
def apply_command(
    dsn: str | None, project: str, to: int | None, allow: tuple[str, ...], allow_all: bool, output_format: str
) -> None:
    """Apply the pending migrations in order, each in its own transaction, under an advisory lock."""
    from schemagen.api.migrate import apply_migrations
    from schemagen.api.migrate_files import load_migrations

    found = _guarded(lambda: load_migrations(project))
    if not found.migrations:
        say("no migrations in generated/migrations/: write the first with `schemagen migrate new NAME`")
        return
    allowed = None if allow_all else allow
    _run(
        "apply",
        output_format,
        lambda progress: apply_migrations(dsn, found.migrations, to, allowed, progress, _waiting),
    )


@migrate.command("revert")
@_dsn_option
@_project_option
@click.option(
    "--to",
    "to",
    type=click.IntRange(min=0),
    default=None,
    help="Revert every version above this one (0: all); default: the latest applied one.",
)
@_hazard_options
@_format_option
def revert_command(
    dsn: str | None, project: str, to: int | None, allow: tuple[str, ...], allow_all: bool, output_format: str
) -> None:
    """Run down files newest first; files whose header lists a hazard need --allow-hazard."""
    from schemagen.api.migrate import revert_migrations
    from schemagen.api.migrate_files import load_migrations

    found = _guarded(lambda: load_migrations(project))
    allowed = None if allow_all else allow
    _run(
        "revert",
        output_format,
        lambda progress: revert_migrations(dsn, found.migrations, to, allowed, progress, _waiting),
    )


@migrate.command("status")
@_dsn_option
@_project_option
@_format_option
@click.option("--exit-code", is_flag=True, help="Exit 5 when migrations are pending (for CI).")
def status_command(dsn: str | None, project: str, output_format: str, exit_code: bool) -> None:
    """Applied, pending and failed migrations, and drift from the state the applied ones produce."""
    from schemagen.api.migrate_files import read_project_migrations
    from schemagen.api.migrate_status import migration_status

    found = _guarded(lambda: read_project_migrations(project))
    with Progress("migrate status") as line:
        line.step("reading the history, replaying the applied migrations on a scratch database")
        status = _guarded(lambda: migration_status(dsn, found))
    if output_format == "json":
        click.echo(json.dumps(status.as_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(_status_text(status), nl=False)
    echo_diagnostics(status.diagnostics)
    if not status.ok:
        for problem in status.problems:
            click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    if exit_code and status.pending:
        sys.exit(PENDING)


def _status_text(status) -> str:
    from schemagen.api.reports import format_report

    lines = [f"applied: {len(status.applied)}"]
    lines += [
        f"  {row.version:04d}_{row.name}  {row.applied_at:%Y-%m-%d %H:%M:%S%z} by {row.applied_by} "
        f"({row.execution_ms} ms)"
        for row in status.applied
    ]
    lines += [f"pending: {len(status.pending)}"] + [f"  {m.id}" for m in status.pending]
    if status.failed:
        lines += [f"failed: {len(status.failed)}"]
        lines += [
            f"  {row.version:04d}_{row.name} ({row.direction}) at {row.applied_at:%Y-%m-%d %H:%M:%S%z}: "
            + (row.error or "").splitlines()[0]
            for row in status.failed
        ]
    if status.drift_error is not None:
        lines += [f"drift: not checked: {status.drift_error}"]
    elif status.drift is not None and not status.drift:
        lines += ["drift: none (the database is the state the applied migrations produce)"]
    elif status.drift:
        lines += [f"drift: {len(status.drift)} difference(s) from the state the applied migrations produce:"]
        lines += ["  " + line for line in format_report("diff", "text", status.drift).splitlines()]
    return "\n".join(lines) + "\n"


@migrate.command("baseline")
@_dsn_option
@_project_option
@click.option("--version", "version", type=click.IntRange(min=1), required=True, help="The version to adopt.")
def baseline_command(dsn: str | None, project: str, version: int) -> None:
    """Adopt an existing database: check it is the state after VERSION, then record 1..VERSION as applied."""
    from schemagen.api.migrate_files import load_migrations
    from schemagen.api.migrate_status import baseline

    found = _guarded(lambda: load_migrations(project))
    with Progress("migrate baseline") as line:
        line.step(f"replaying migrations 1..{version} on a scratch database")
        adopted = _guarded(lambda: baseline(dsn, found.migrations, version))
    say(f"baseline: recorded {len(adopted)} migration(s) as applied (up to {version:04d})")


@migrate.command("verify")
@_project_option
@click.option(
    "--dev-dsn",
    "dev_dsn",
    default=None,
    metavar="URL",
    help="An empty database to replay in; default: a throwaway server of the target version.",
)
def verify_command(project: str, dev_dsn: str | None) -> None:
    """Replay every up file on a scratch database, compare with the declared schema; check each down file."""
    from schemagen.api.migrate_verify import verify_migrations

    with Progress("migrate verify") as line:
        line.step("starting a scratch server")

        def step(text: str) -> None:
            _say(line, text)
            line.step(text)

        report = _guarded(lambda: verify_migrations(project, dev_dsn, step=step))
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    if not report.ok:
        fail(f"migrate verify: {len(report.problems)} problem(s)")
    say(f"verified: {len(report.checked)} check(s) hold")
