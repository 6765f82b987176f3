"""Time ``schemagen build`` on synthetic projects of 100, 1,000 and 5,000 tables.

Prints one row per size: tables, indexes, seconds per stage and in total, and
the time per table (linear growth keeps that column flat). Not a test: numbers
only. Run: ``python -m benchmarks.bench_build [N ...]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_project
from schemagen.api.outputs import render_outputs
from schemagen.build import build_catalog
from schemagen.checks import run_checks
from schemagen.source import load_project
from schemagen.validate import validate_documents


def measure(n_tables: int) -> dict[str, float]:
    """Seconds spent in each stage of one build of an N-table project."""
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(n_tables, Path(tmp))
        times: dict[str, float] = {}
        start = time.perf_counter()
        documents, settings, diagnostics = load_project(root)
        times["load"] = time.perf_counter() - start
        mark = time.perf_counter()
        diagnostics += validate_documents(documents)
        times["validate"] = time.perf_counter() - mark
        mark = time.perf_counter()
        catalog, more = build_catalog(documents, settings)
        times["build"] = time.perf_counter() - mark
        mark = time.perf_counter()
        more += run_checks(catalog, settings.postgres)
        times["checks"] = time.perf_counter() - mark
        mark = time.perf_counter()
        _files, lint = render_outputs(catalog, settings)
        times["render+lint"] = time.perf_counter() - mark
        times["total"] = time.perf_counter() - start
        errors = [d for d in diagnostics + more + lint if d.severity.name == "ERROR"]
        if errors:
            raise SystemExit(f"synthetic project has errors: {errors[:3]}")
        times["indexes"] = len(catalog.indexes)
        return times


def main(sizes: list[int]) -> None:
    header = ["tables", "indexes", "load", "validate", "build", "checks", "render+lint", "total", "ms/table"]
    print(" | ".join(header))
    for n in sizes:
        t = measure(n)
        row = [str(n), str(int(t["indexes"]))]
        row += [f"{t[k]:.2f}" for k in ("load", "validate", "build", "checks", "render+lint", "total")]
        row.append(f"{1000 * t['total'] / n:.2f}")
        print(" | ".join(row), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
