"""Evolve a real-world schema: load, inspect, edit the YAML, ``apply``, and check convergence.

For a schema of ``../shared/realworld`` on one server: roles.sql + schema.sql →
database A → ``inspect`` → project P. A set of edits is computed from what was
inspected (``evolution_edits.py``: on one table with a primary key, add a column,
an index, a CHECK; change a column's type and another's default; drop a column
and an index; add a view over the table and a function that reads it), written
into P's YAML, and ``apply``'d to A (every hazard allowed, as ``apply --yes
--allow-hazards``). The evolution converges when

* the next plan is empty, and
* A's catalog equals that of database B, where the edited project's
  ``generated/schema.sql`` was loaded into an empty database.

Used by ``tests/integration/test_realworld_evolution.py`` (pins the known
failures) and ``benchmarks/realworld_evolution.py`` (prints the table, runs
the large schemas too).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.integration.evolution_edits import edit_project
from tests.integration.realworld import (
    CORPUS,
    Outcome,
    fresh_databases,
    load_file,
    short_differences,
)

from schemagen.api import compile_project
from schemagen.api.apply import ApplyFailed, execute_plan
from schemagen.api.inspect import inspect_database, read_database
from schemagen.api.live import compare_live
from schemagen.errors import InvalidProject

STAGES = ("load", "edit", "build", "plan", "apply", "converge", "fresh", "differs")
"""The stages of an evolution in order (a failed ``Outcome.detail`` starts with one)."""


def evolve(admin_dsn: str, dsn_of, version: int, schema: str) -> Outcome:
    """Evolve ``schema`` on the server reached by ``admin_dsn`` (databases and new roles dropped after)."""
    start = time.perf_counter()
    names = (f"ev_{schema}_a", f"ev_{schema}_b")
    with (
        fresh_databases(admin_dsn, names),
        tempfile.TemporaryDirectory(prefix=f"schemagen-ev-{schema}-") as tmp,
    ):
        status, detail = _evolve(schema, dsn_of(names[0]), dsn_of(names[1]), Path(tmp))
    return Outcome(schema, version, status, detail, time.perf_counter() - start)


def _first_error(exc: InvalidProject) -> str:
    errors = [d for d in exc.diagnostics if d.severity.name == "ERROR"]
    codes = sorted({d.code for d in errors})
    return f"{', '.join(codes)} ({errors[0].format()[:200] if errors else ''})"


def _evolve(schema: str, dsn_a: str, dsn_b: str, work: Path) -> tuple[str, str]:
    folder = CORPUS / schema
    for part in ("roles.sql", "schema.sql"):
        if (folder / part).is_file():
            error = load_file(dsn_a, folder / part)
            if error:
                return "failed", f"load: {part}: {error}"
    project = work / "project"
    inspected = inspect_database(dsn_a, None, project)
    try:
        edits = edit_project(project, inspected.catalog, dsn_a)
    except LookupError as exc:
        return "failed", f"edit: {exc}"
    try:
        comparison = compare_live(dsn_a, project)
    except InvalidProject as exc:
        return "failed", f"build: {_first_error(exc)}"
    if not comparison.changes:
        return "failed", f"plan: empty after {len(edits)} edits"
    try:
        execute_plan(dsn_a, comparison.changes)
    except ApplyFailed as exc:
        return "failed", f"apply: {exc.error} [{exc.statement[:160]}]"
    again = compare_live(dsn_a, project)
    if again.changes:
        lines = [c.summary.line() for c in again.changes[:4]]
        return "failed", f"converge: {len(again.changes)} step(s) left: {'; '.join(lines)}"
    compiled = compile_project(project)
    (work / "schema.sql").write_text(compiled.files["schema.sql"], encoding="utf-8")
    error = load_file(dsn_b, work / "schema.sql")
    if error:
        return "failed", f"fresh: {error}"
    migrated, _ = read_database(dsn_a, None)
    fresh, _ = read_database(dsn_b, None)
    differences = short_differences(migrated, fresh)
    if differences:
        return "failed", f"differs: {len(differences)} ({'; '.join(differences[:3])})"
    return "passed", "; ".join(edits)
