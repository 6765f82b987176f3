"""Time ``schemagen plan`` against ``pg_dump --schema-only`` on synthetic databases with 5 % drift.

Builds the databases of ``bench_inspect`` (N tables in schema ``bench``), inspects each
into a project, then changes 5 % of the tables in the database (a column added to
each), so ``plan`` has drift to find and plan. Both tools run on the same database in
the same run, interleaved, each as a separate process, best of ``--repeat`` runs, with
peak memory (max RSS).
Not a test: numbers only. Run: ``python -m benchmarks.bench_plan [--tables N ...]
[--dsn URL] [--repeat 3]``. Without ``--dsn`` an embedded PostgreSQL 18 is started.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql as psql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from benchmarks.bench_inspect import SCHEMAGEN, _database, _pg_dump, _run, _start_embedded

DRIFT = 0.05


def _drift(dsn: str) -> int:
    """Add a column to every 20th table of schema bench; returns how many tables changed."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = 'bench' AND c.relkind = 'r' AND NOT c.relispartition ORDER BY 1"
            )
        ]
        changed = tables[:: round(1 / DRIFT)]
        for name in changed:
            conn.execute(
                psql.SQL("ALTER TABLE bench.{} ADD COLUMN drift_note text").format(psql.Identifier(name))
            )
    return len(changed)


def measure(base_dsn: str, n_tables: int, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds and peak memory of plan and pg_dump on N tables, 5 % drifted."""
    dsn = _database(base_dsn, n_tables)
    results: dict[str, float] = {"tables": n_tables}
    with tempfile.TemporaryDirectory() as project:
        subprocess.run(
            [str(SCHEMAGEN), "inspect", "--dsn", dsn, "--schema", "bench", "--out", project],
            check=False,
            capture_output=True,
        )
        results["changed"] = _drift(dsn)
        dump = [_pg_dump(), "--schema-only", "--schema=bench", "-f", os.devnull]
        dump += ["-d", make_conninfo(**conninfo_to_dict(dsn))]
        plan = [str(SCHEMAGEN), "plan", "--dsn", dsn, "--project", project]
        runs: dict[str, list[tuple[float, float]]] = {"plan": [], "pg_dump": []}
        for _ in range(repeat):  # interleaved, so both tools see the same machine load
            runs["plan"].append(_run(plan))
            runs["pg_dump"].append(_run(dump))
    for tool, samples in runs.items():
        results[f"{tool}_s"] = min(s for s, _ in samples)
        results[f"{tool}_mib"] = max(m for _, m in samples)
    return results


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table of plan vs pg_dump times and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--dsn", help="a server to use (max_locks_per_transaction >= 256 for 10,000 tables)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-plan-") as workdir:
        os.chmod(workdir, 0o777)
        base = args.dsn or _start_embedded(Path(workdir))
        print("| tables | changed | plan (s) | pg_dump (s) | ratio | plan MiB | pg_dump MiB |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in args.tables:
            r = measure(base, n, args.repeat)
            print(
                f"| {n:,} | {r['changed']:.0f} | {r['plan_s']:.2f} | {r['pg_dump_s']:.2f} | "
                f"{r['plan_s'] / r['pg_dump_s']:.2f} | {r['plan_mib']:.0f} | {r['pg_dump_mib']:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
