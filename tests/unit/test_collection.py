"""Every test file in tests/ is collected: no folder is skipped by a default pattern."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


def _collected_files() -> set[Path]:
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(TESTS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    files = set()
    for line in out.splitlines():
        if "::" in line:
            files.add((ROOT / line.split("::", 1)[0]).resolve())
    return files


def test_every_test_file_is_collected() -> None:
    on_disk = {path.resolve() for path in TESTS.rglob("test_*.py")}
    collected = _collected_files()
    missing = sorted(str(path.relative_to(ROOT)) for path in on_disk - collected)
    assert not missing, f"test files pytest does not collect: {missing}"
    assert len(on_disk) > 50
