"""Real-world schemas evolve: load → inspect → edit the YAML → apply → the next plan is empty.

For each schema of ``../shared/realworld`` on each server it loads on (its
``meta.json`` ``pg_versions``): roles.sql + schema.sql → A, ``inspect`` → project,
a set of generic edits computed from what was inspected (``evolution_edits.py``:
add, drop and alter columns, add and drop indexes, a CHECK, a view, a function),
``apply`` to A; then a second plan is empty and A's catalog equals a fresh build of
the edited project loaded into an empty database (runner: ``evolution.py``).

``KNOWN_FAILURES`` pins every (schema, server) pair that does not converge yet,
with the stage it stops at (``STAGES`` order) and why; as in the round trip, a
pair failing earlier than pinned is a regression, a pinned pair that passes fails
until it is unpinned: the list only shrinks. ``BENCHMARK_ONLY`` schemas run in
``python -m benchmarks.realworld_evolution`` instead.
"""

from __future__ import annotations

import pytest
from tests.integration.evolution import STAGES, evolve
from tests.integration.realworld import CORPUS, loads_on, schemas

pytestmark = pytest.mark.integration

BENCHMARK_ONLY: dict[str, str] = {
    "musicbrainz": "519 tables, 1,101 indexes: inspect, two plans, a fresh build and two more "
    "inspects take over a minute; its round trip already runs in CI",
}
"""Schema → why it runs in the benchmark script, not in CI."""


KNOWN_FAILURES: dict[tuple[str, str], tuple[str, str]] = {}
"""(schema, server) → (stage it stops at, why)."""


def _pairs() -> list[tuple[str, int]]:
    names = [name for name in schemas() if name not in BENCHMARK_ONLY]
    return [(name, version) for name in names for version in (18, 15) if version in loads_on(name)]


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"realworld corpus not found at {CORPUS} (../shared/realworld)"
)
@pytest.mark.parametrize(("schema", "version"), _pairs(), ids=[f"{s}-pg{v}" for s, v in _pairs()])
def test_realworld_schema_evolves(schema, version, request):
    server = request.getfixturevalue(f"pg{version}_server")
    outcome = evolve(server.dsn("postgres"), server.dsn, version, schema)
    pinned = KNOWN_FAILURES.get((schema, f"pg{version}"))
    if pinned is None:
        assert outcome.status == "passed", f"{schema} on PostgreSQL {version}: {outcome.detail}"
        return
    stage, why = pinned
    assert outcome.status != "passed", (
        f"{schema} on PostgreSQL {version} evolves now: remove it from KNOWN_FAILURES ({why})"
    )
    reached = outcome.detail.split(":", 1)[0]
    assert STAGES.index(reached) >= STAGES.index(stage), (
        f"{schema} on PostgreSQL {version} was pinned to fail at {stage!r} ({why}), "
        f"now fails earlier: {outcome.detail}"
    )
