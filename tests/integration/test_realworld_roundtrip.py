"""Real-world schemas round-trip: load → inspect → build → load → same catalog, same YAML.

For each schema of ``../shared/realworld`` on each server it loads on (its
``meta.json`` ``pg_versions``): roles.sql + schema.sql → A, ``inspect`` → project,
``build``, generated/schema.sql → B, catalogs of A and B equal, and the YAML
inspected from B byte-identical to A's (runner: ``tests/integration/realworld.py``).

``KNOWN_FAILURES`` pins every (schema, server) pair that does not round-trip yet,
with the stage it stops at and why. A pinned pair must not fail at an earlier stage
(``STAGES`` order: that is a regression; a later stage is progress, update the pin),
an unpinned pair must pass, and a pinned pair that passes fails the test until it is
removed: the list only shrinks.
``BENCHMARK_ONLY`` schemas are too slow for CI and run in
``python -m benchmarks.realworld_roundtrip`` instead.
"""

from __future__ import annotations

import pytest
from tests.integration.realworld import CORPUS, loads_on, round_trip, schemas

pytestmark = pytest.mark.integration

STAGES = ("load", "omitted", "build", "apply", "differs", "yaml")
"""The stages of the round trip in order (``Outcome.detail`` starts with one)."""

BENCHMARK_ONLY: dict[str, str] = {}
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
def test_realworld_schema_round_trips(schema, version, request):
    server = request.getfixturevalue(f"pg{version}_server")
    outcome = round_trip(server.dsn("postgres"), server.dsn, version, schema)
    pinned = KNOWN_FAILURES.get((schema, f"pg{version}"))
    if pinned is None:
        assert outcome.status == "passed", f"{schema} on PostgreSQL {version}: {outcome.detail}"
        return
    stage, why = pinned
    assert outcome.status != "passed", (
        f"{schema} on PostgreSQL {version} round-trips now: remove it from KNOWN_FAILURES ({why})"
    )
    reached = outcome.detail.split(":", 1)[0]
    assert STAGES.index(reached) >= STAGES.index(stage), (
        f"{schema} on PostgreSQL {version} was pinned to fail at {stage!r} ({why}), "
        f"now fails earlier: {outcome.detail}"
    )
