"""Time ``schemagen plan`` against ``pg_dump --schema-only`` on synthetic databases with 5 % drift.

Builds the databases of ``bench_inspect`` (N tables in schema ``bench``), inspects each
into a project, then changes 5 % of the tables in the database (a column added to
each), so ``plan`` has drift to find and plan. Both tools run on the same database,
interleaved, each as a separate process, ``--repeat`` times; the median time, the largest
peak memory (max RSS) and the load average are printed (against_pg_dump.py). ``plan`` is
timed twice: with its compiled-project cache warm (one run before the rounds, as after
any earlier plan of the project) and with the cache off (``SCHEMAGEN_CACHE=off``).
The cache lives in a temporary ``SCHEMAGEN_CACHE_DIR`` for the run.
Not a test: numbers only. Run: ``python -m benchmarks.bench_plan [--tables N ...]
[--dsn URL] [--repeat 5] [--baseline SRC]``. Without ``--dsn`` an embedded PostgreSQL 18 is started.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile

import psycopg
from psycopg import sql as psql

from benchmarks.against_pg_dump import (
    SCHEMA,
    SCHEMAGEN,
    add_arguments,
    compare,
    contestants,
    pg_dump_command,
    row,
    run,
    server,
    synthetic_database,
    table,
)

DRIFT = 0.05


def _drift(dsn: str) -> int:
    """Add a column to every 20th table of schema bench; returns how many tables changed."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relkind = 'r' AND NOT c.relispartition ORDER BY 1",
                [SCHEMA],
            )
        ]
        changed = tables[:: round(1 / DRIFT)]
        for name in changed:
            conn.execute(
                psql.SQL("ALTER TABLE {}.{} ADD COLUMN drift_note text").format(
                    psql.Identifier(SCHEMA), psql.Identifier(name)
                )
            )
        conn.execute("CHECKPOINT")
    return len(changed)


def measure(base_dsn: str, n_tables: int, repeat: int, baseline: str | None = None) -> dict[str, float]:
    """Median seconds and peak memory of plan (and the baseline's) and pg_dump on N tables, 5 % drifted."""
    dsn = synthetic_database(base_dsn, f"bench_plan_{n_tables}", n_tables)
    with tempfile.TemporaryDirectory() as project:
        subprocess.run(
            [str(SCHEMAGEN), "inspect", "--dsn", dsn, "--schema", SCHEMA, "--out", project, "--force"],
            check=False,
            capture_output=True,
        )
        changed = _drift(dsn)
        arguments = ["plan", "--dsn", dsn, "--project", project]
        commands = contestants(arguments, baseline)
        for command in list(commands.values()):
            run(command)  # the compiled-project cache: warm, as after any earlier plan of the project
        cold = {f"{name} cold": ["env", "SCHEMAGEN_CACHE=off", *line] for name, line in commands.items()}
        commands = {**commands, **cold, "pg_dump": pg_dump_command(dsn)}
        results = compare(commands, repeat)
    results["changed"] = changed
    return results


def _label(tool: str, baseline: str | None) -> str:
    code = "this checkout" if tool.startswith("schemagen") else f"baseline {baseline}"
    return f"{code}, cache off" if tool.endswith(" cold") else code


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table of plan vs pg_dump times and memory (a row per checkout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser, [2000, 10000])
    args = parser.parse_args(argv)
    os.environ["SCHEMAGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-plan-cache-")
    with server(args.dsn) as base:
        table(
            [
                "tables",
                "code",
                "changed",
                "plan (s)",
                "pg_dump (s)",
                "ratio",
                "plan MiB",
                "pg_dump MiB",
                "plan CPU s",
                "load",
            ]
        )
        for n in args.tables:
            r = measure(base, n, args.repeat, args.baseline)
            tools = ("schemagen", "baseline") if args.baseline else ("schemagen",)
            for tool in [*tools, *(f"{t} cold" for t in tools)]:
                row(
                    [
                        f"{n:,}",
                        _label(tool, args.baseline),
                        f"{r['changed']:.0f}",
                        f"{r[f'{tool}_s']:.2f}",
                        f"{r['pg_dump_s']:.2f}",
                        f"{r[f'{tool}_s'] / r['pg_dump_s']:.2f}",
                        f"{r[f'{tool}_mib']:.0f}",
                        f"{r['pg_dump_mib']:.0f}",
                        f"{r[f'{tool}_cpu']:.2f}",
                        f"{r['load']:.1f}",
                    ]
                )


if __name__ == "__main__":
    main()
