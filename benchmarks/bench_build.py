"""Time ``schemagen build`` on synthetic projects of 100, 1,000 and 5,000 tables.

Prints one row per size: tables, indexes, seconds per stage and in total, and
the time per table (linear growth keeps that column flat). Not a test: numbers
only. The stages are those of ``schemagen.api.compile_project``: load (YAML),
validate (JSON Schema), build (model), checks (semantic checks), plan (diff from
an empty catalog and dependency order), render (Jinja → schema.sql), lint (the
PostgreSQL grammar gate over schema.sql) and erd (generated/erd.md). The ``gc``
column is the part of the total spent in Python's cyclic garbage collector
(full collections scan every live object, so their cost grows faster than N).

Run: ``python -m benchmarks.bench_build [--repeat K] [--gc-enabled] [--profile FILE] [N ...]``.
With ``--repeat`` the best of K runs is kept per size. The stages run with the
cyclic GC disabled, as ``compile_project`` and ``schemagen inspect`` run them;
``--gc-enabled`` measures them with the collector on, for comparison; ``--profile``
writes a cProfile of the last run of the last size to FILE (read it with
``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_project
from schemagen.builder import build_catalog
from schemagen.checks import run_checks
from schemagen.diff import diff_catalogs
from schemagen.lint import parse_gate
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan
from schemagen.render.erd import render_erd
from schemagen.source import load_project
from schemagen.validate import validate_documents

STAGES = ("load", "validate", "build", "checks", "plan", "render", "lint", "erd")


class _GcTimer:
    """Seconds spent in cyclic garbage collection while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start


def run_stages(root: Path, gc_paused: bool = False) -> tuple[dict[str, float], int]:
    """Seconds spent in each stage of one build of the project at ``root``, and its index count."""
    gc.collect()
    timer = _GcTimer()
    gc.callbacks.append(timer)
    enabled = gc.isenabled()
    if gc_paused:
        gc.disable()
    try:
        times, indexes = _timed_stages(root)
    finally:
        gc.callbacks.remove(timer)
        if enabled:
            gc.enable()
    times["gc"] = timer.seconds
    return times, indexes


def _timed_stages(root: Path) -> tuple[dict[str, float], int]:
    times: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        times[stage] = now - mark
        mark = now

    documents, settings, diagnostics = load_project(root)
    lap("load")
    diagnostics += validate_documents(documents)
    lap("validate")
    catalog, more = build_catalog(documents, settings)
    lap("build")
    more += run_checks(catalog, settings.postgres)
    lap("checks")
    plan = plan_changes(diff_catalogs(Catalog(), catalog))
    lap("plan")
    schema_sql = render_plan(plan)
    lap("render")
    lint = parse_gate(schema_sql)
    lap("lint")
    render_erd(catalog)
    lap("erd")
    times["total"] = sum(times[s] for s in STAGES)
    errors = [d for d in diagnostics + more + lint if d.severity.name == "ERROR"]
    if errors:
        raise SystemExit(f"synthetic project has errors: {errors[:3]}")
    return times, len(catalog.indexes)


def measure(
    n_tables: int, repeat: int = 1, profile: Path | None = None, gc_paused: bool = False
) -> tuple[dict[str, float], int]:
    """Best-of-``repeat`` seconds per stage for an N-table project, and its index count."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(n_tables, Path(tmp))
        best: dict[str, float] | None = None
        indexes = 0
        for attempt in range(repeat):
            profiler = cProfile.Profile() if profile and attempt == repeat - 1 else None
            if profiler:
                profiler.enable()
            times, indexes = run_stages(root, gc_paused)
            if profiler:
                profiler.disable()
                profiler.dump_stats(str(profile))
            if best is None or times["total"] < best["total"]:
                best = times
        assert best is not None
        return best, indexes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of K runs per size")
    parser.add_argument(
        "--gc-enabled", action="store_true", help="keep the cyclic GC on (compile_project pauses it)"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of the last size's last run here")
    args = parser.parse_args(argv)
    header = ["tables", "indexes", *STAGES, "total (s)", "gc", "ms/table"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---:" for _ in header) + "|")
    for position, n in enumerate(args.sizes):
        last = position == len(args.sizes) - 1
        t, indexes = measure(n, args.repeat, args.profile if last else None, not args.gc_enabled)
        row = [f"{n:,}", f"{indexes:,}"]
        row += [f"{t[k]:.2f}" for k in (*STAGES, "total", "gc")]
        row.append(f"{1000 * t['total'] / n:.2f}")
        print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
