"""Versioned-migration goldens: each tests/golden/migrations/<case>/steps/NN_name/ is schema/ at one
step; ``schemagen migrate new NAME`` runs after each, and generated/migrations/ must equal
``expected/`` byte for byte (regenerate with ``pytest tests/golden --update-goldens``; review
the diff like code).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemagen.api.migrate_new import new_migration

CASES_DIR = Path(__file__).parent / "migrations"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "steps").is_dir())


def run_steps(case: Path, project: Path) -> dict[str, str]:
    """Every file of generated/migrations after migrating through the case's steps."""
    for step in sorted((case / "steps").iterdir()):
        shutil.rmtree(project / "schema", ignore_errors=True)
        shutil.copytree(step, project / "schema")
        result = new_migration(project, step.name.split("_", 1)[1])
        assert result.migration_id == f"{step.name[:2].zfill(4)}_{step.name.split('_', 1)[1]}"
    out = project / "generated" / "migrations"
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_migration_case_matches_expected(case: Path, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    files = run_steps(case, tmp_path / "project")
    expected_dir = case / "expected"
    if request.config.getoption("--update-goldens", default=False):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, text in files.items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(expected_dir.rglob("*"))
        if p.is_file()
    }
    assert sorted(files) == sorted(expected), f"{case.name}: other files (run with --update-goldens)"
    for name, text in files.items():
        assert text == expected[name], f"{case.name}/expected/{name} differs (run with --update-goldens)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_migration_case_is_deterministic(case: Path, tmp_path: Path) -> None:
    assert run_steps(case, tmp_path / "a") == run_steps(case, tmp_path / "b")
