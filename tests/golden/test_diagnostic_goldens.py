"""Golden diagnostics: each tests/golden/diagnostics/<case>/schema/ gives <case>/expected.txt.

``expected.txt`` holds every diagnostic of ``schemagen validate``, formatted and
sorted as the CLI prints them. Regenerate with ``pytest tests/golden
--update-goldens`` and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemagen.api import validate_project

CASES_DIR = Path(__file__).parent / "diagnostics"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "schema").is_dir())


def diagnostics_text(case: Path) -> str:
    result = validate_project(case)
    return "".join(d.format() + "\n" for d in result.diagnostics)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_diagnostics_match_expected(case: Path, request: pytest.FixtureRequest) -> None:
    text = diagnostics_text(case)
    expected_file = case / "expected.txt"
    if request.config.getoption("--update-goldens", default=False):
        expected_file.write_text(text, encoding="utf-8")
    assert text, "a diagnostics case must produce at least one diagnostic"
    assert text == expected_file.read_text(encoding="utf-8"), f"{case.name} (run with --update-goldens)"


def test_ten_mistakes_in_two_files_give_ten_located_diagnostics() -> None:
    result = validate_project(CASES_DIR / "ten_mistakes")
    located = [d for d in result.diagnostics if d.span is not None and d.span.line > 0]
    assert len(located) >= 10
    assert {d.span.file for d in located} == {"schema/a_users.yaml", "schema/b_orders.yaml"}
    assert len({d.code for d in located}) >= 8
