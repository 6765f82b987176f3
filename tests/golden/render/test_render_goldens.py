"""Golden SQL for catalog pairs: tests/golden/render/<scenario>.sql is the migration old → new.

Regenerate with ``pytest tests/golden --update-goldens`` (or ``SCHEMAGEN_UPDATE_GOLDENS=1``)
and review the diff like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.unit.render.scenarios import SCENARIOS

from schemagen.diff import diff_catalogs
from schemagen.plan import plan_changes
from schemagen.render import render_plan

HERE = Path(__file__).parent


def _updating(request: pytest.FixtureRequest) -> bool:
    try:
        flag = request.config.getoption("--update-goldens")
    except ValueError:
        flag = False
    return bool(flag) or os.environ.get("SCHEMAGEN_UPDATE_GOLDENS") == "1"


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_rendered_migration_matches_golden(name: str, request: pytest.FixtureRequest) -> None:
    old, new = SCENARIOS[name]
    sql = render_plan(plan_changes(diff_catalogs(old(), new())), hazards=name != "create_rich")
    path = HERE / f"{name}.sql"
    if _updating(request):
        path.write_text(sql, encoding="utf-8")
    assert path.exists(), f"{path.name} missing (run with --update-goldens)"
    assert sql == path.read_text(encoding="utf-8"), f"{path.name} differs (run with --update-goldens)"
