"""Golden files: each tests/golden/build/<case>/schema/*.yaml builds to <case>/expected/.

Regenerate with ``pytest tests/golden --update-goldens`` and review the diff like code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemagen.api import compile_project

CASES_DIR = Path(__file__).parent / "build"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "schema").is_dir())


def case_files(case: Path) -> dict[str, str]:
    """The generated files of a golden case, which must build without errors."""
    result = compile_project(case)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.files


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case_matches_expected(case: Path, request: pytest.FixtureRequest) -> None:
    files = case_files(case)
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
    assert sorted(files) == sorted(expected), "set of generated files changed"
    for name, text in files.items():
        assert text == expected[name], f"{case.name}/expected/{name} differs (run with --update-goldens)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case_is_deterministic(case: Path) -> None:
    assert case_files(case) == case_files(case)
