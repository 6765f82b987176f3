"""Defects of the source design: each tests/golden/defects/<case>/ is reported before PostgreSQL sees it.

Each case's ``schema/`` is the source design's statement translated literally;
``expected.txt`` holds every diagnostic of a build, formatted and sorted as the CLI
prints them (regenerate with ``pytest tests/golden --update-goldens`` and review the
diff like code). The case README names the codes that report it (``Reported by:``);
those codes must be among the diagnostics, and a case must yield an error or one of
the warnings its README names. A case no static check can catch says so
(``Caught only by:``) and names the integration test that shows the defect.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schemagen.api import compile_project
from schemagen.diagnostics import Severity

CASES_DIR = Path(__file__).parent / "defects"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "schema").is_dir())
REPO = CASES_DIR.parents[2]


def _readme_codes(case: Path) -> list[str]:
    match = re.search(r"^Reported by: (.+)$", (case / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    return re.findall(r"\b[LVCQHM]\d{3}\b", match.group(1)) if match else []


def _caught_only_by(case: Path) -> str | None:
    match = re.search(
        r"^Caught only by: `([^`]+)`", (case / "README.md").read_text(encoding="utf-8"), re.MULTILINE
    )
    return match.group(1) if match else None


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_defect_diagnostics_match_expected(case: Path, request: pytest.FixtureRequest) -> None:
    result = compile_project(case)
    text = "".join(d.format() + "\n" for d in result.diagnostics)
    expected_file = case / "expected.txt"
    if request.config.getoption("--update-goldens", default=False):
        expected_file.write_text(text, encoding="utf-8")
    assert text == expected_file.read_text(encoding="utf-8"), f"{case.name} (run with --update-goldens)"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_defect_is_reported(case: Path) -> None:
    named = _readme_codes(case)
    caught_by = _caught_only_by(case)
    if caught_by is not None:
        assert not named, f"{case.name}: README says both 'Reported by' and 'Caught only by'"
        assert (REPO / caught_by.split("::")[0]).is_file(), f"{case.name}: {caught_by} does not exist"
        return
    assert named, f"{case.name}: README must name the codes that report it ('Reported by: C3xx')"
    diagnostics = compile_project(case).diagnostics
    codes = {d.code for d in diagnostics}
    assert set(named) <= codes, f"{case.name}: README names {named}, the build reports {sorted(codes)}"
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    named_warnings = [d for d in diagnostics if d.severity is Severity.WARNING and d.code in named]
    assert errors or named_warnings, f"{case.name}: neither an error nor a warning its README names"
