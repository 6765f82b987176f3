"""One-defect projects (tests/golden/defects_verify/<class>_<case>/), each refused with its location.

Each case holds one defect a new user wrote and that once passed ``validate`` and
``build``. ``expected.txt`` is every diagnostic of ``validate`` (regenerate with
``pytest tests/golden --update-goldens`` and read the diff). A case with a ``VERIFY``
file is one no static check sees: ``validate`` passes, and
``tests/integration/test_build_verify.py`` shows ``build --verify`` refusing it at its
YAML. The name's prefix is the class of finding; every class has at least two cases.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from schemagen.api import compile_project
from schemagen.diagnostics import Severity

CASES_DIR = Path(__file__).parent / "defects_verify"
CASES = sorted(p for p in CASES_DIR.iterdir() if (p / "schema").is_dir())
CLASSES = {
    "literal": "a literal its column's type rejects",
    "rowkey": "reference rows with one key",
    "names": "a name inside SQL that does not resolve",
    "overlap": "partitions that overlap",
    "typmod": "a length or precision out of range",
    "version": "a feature newer than the target",
    "macro": "a macro naming a missing column",
    "policy": "a policy on a table without row level security",
    "loader": "a loader that keeps going, one root cause one error",
    "verify": "what only PostgreSQL sees (build --verify)",
}


def test_every_class_has_two_cases():
    counts = Counter(case.name.split("_")[0] for case in CASES)
    assert set(counts) == set(CLASSES)
    assert all(n >= 2 for n in counts.values()), counts


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_defect_is_refused_with_its_location(case: Path, request: pytest.FixtureRequest) -> None:
    diagnostics = compile_project(case).diagnostics
    text = "".join(d.format() + "\n" for d in diagnostics)
    expected_file = case / "expected.txt"
    if request.config.getoption("--update-goldens", default=False):
        expected_file.write_text(text, encoding="utf-8")
    assert text == expected_file.read_text(encoding="utf-8"), f"{case.name} (run with --update-goldens)"
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if (case / "VERIFY").exists():
        assert errors == [], "a VERIFY case passes the static checks; build --verify refuses it"
        return
    assert errors, f"{case.name}: validate accepts it"
    assert all(d.span is not None and d.span.file.startswith("schema/") for d in errors)
