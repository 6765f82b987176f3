"""Time ``schemagen inspect`` against ``pg_dump --schema-only`` on synthetic databases.

Builds databases of N tables (default 2,000 and 10,000; see bench_inspect_schema.sql:
columns, an FK chain, two indexes, a CHECK and comments per table, a hash-partitioned
table and a view per 100 tables; then VACUUM ANALYZE), then runs both tools on schema
``bench``, interleaved, each as a separate process, ``--repeat`` times; the median time,
the largest peak memory (max RSS) and the load average are printed (against_pg_dump.py).
Not a test: numbers only. Run: ``python -m benchmarks.bench_inspect [--tables N ...]
[--dsn URL] [--repeat 5] [--baseline SRC]``. Without ``--dsn`` an embedded PostgreSQL 18 is started
(with ``max_locks_per_transaction`` raised: pg_dump locks every table it dumps).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.against_pg_dump import (
    SCHEMA,
    add_arguments,
    compare,
    contestants,
    pg_dump_command,
    row,
    server,
    synthetic_database,
    table,
)


def measure(base_dsn: str, n_tables: int, repeat: int, baseline: str | None = None) -> dict[str, float]:
    """Median seconds and peak memory of inspect (and the baseline's) and pg_dump on N tables."""
    dsn = synthetic_database(base_dsn, f"bench_inspect_{n_tables}", n_tables)
    with tempfile.TemporaryDirectory() as out:
        arguments = ["inspect", "--dsn", dsn, "--schema", SCHEMA, "--out", out, "--force"]
        commands = {**contestants(arguments, baseline), "pg_dump": pg_dump_command(dsn)}
        results = compare(commands, repeat)
        results["yaml_lines"] = sum(
            len(p.read_text().splitlines()) for p in Path(out, "schema").glob("*.yaml")
        )
    return results


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table of inspect vs pg_dump times and memory (a row per checkout)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser, [2000, 10000])
    args = parser.parse_args(argv)
    with server(args.dsn) as base:
        table(
            [
                "tables",
                "code",
                "inspect (s)",
                "pg_dump (s)",
                "ratio",
                "inspect MiB",
                "pg_dump MiB",
                "YAML lines",
                "inspect CPU s",
                "load",
            ]
        )
        for n in args.tables:
            r = measure(base, n, args.repeat, args.baseline)
            for tool in ("schemagen", "baseline") if args.baseline else ("schemagen",):
                row(
                    [
                        f"{n:,}",
                        "this checkout" if tool == "schemagen" else f"baseline {args.baseline}",
                        f"{r[f'{tool}_s']:.2f}",
                        f"{r['pg_dump_s']:.2f}",
                        f"{r[f'{tool}_s'] / r['pg_dump_s']:.2f}",
                        f"{r[f'{tool}_mib']:.0f}",
                        f"{r['pg_dump_mib']:.0f}",
                        f"{r['yaml_lines']:,}",
                        f"{r[f'{tool}_cpu']:.2f}",
                        f"{r['load']:.1f}",
                    ]
                )


if __name__ == "__main__":
    main()
