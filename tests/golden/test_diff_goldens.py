"""Migration goldens: each tests/golden/diff/<case>/ migrates from/*.yaml to to/*.yaml as expected.sql.

``expected.sql`` is ``render(plan(diff(from, to)))`` with each change's hazards
annotated. A scenario is data: add a directory with ``from/`` and ``to/`` and run
``pytest tests/golden --update-goldens``, then review the SQL like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemagen.api import compile_project
from schemagen.diff import diff_catalogs
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan

CASES_DIR = Path(__file__).parent / "diff"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "from").is_dir() and (p / "to").is_dir())


def side_catalog(directory: Path, scratch: Path) -> Catalog:
    """Build ``directory/*.yaml`` as a project (which must build without errors)."""
    project = scratch / directory.name
    shutil.copytree(directory, project / "schema")
    result = compile_project(project)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    assert result.catalog is not None
    return result.catalog


def migration_sql(case: Path, scratch: Path) -> str:
    """The migration script of a case, hazards annotated."""
    old, new = side_catalog(case / "from", scratch), side_catalog(case / "to", scratch)
    return render_plan(plan_changes(diff_catalogs(old, new)), hazards=True)


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_diff_case_matches_expected(case: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    sql = migration_sql(case, tmp_path)
    expected = case / "expected.sql"
    if request.config.getoption("--update-goldens", default=False):
        expected.write_text(sql, encoding="utf-8")
    assert expected.is_file(), f"{case.name}/expected.sql is missing (run with --update-goldens)"
    assert sql == expected.read_text(encoding="utf-8"), f"{case.name}/expected.sql differs"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_diff_case_back_and_forth_is_stable(case: Path, tmp_path: Path) -> None:
    old, new = side_catalog(case / "from", tmp_path / "a"), side_catalog(case / "to", tmp_path / "b")
    assert diff_catalogs(new, new) == [] and diff_catalogs(old, old) == []
