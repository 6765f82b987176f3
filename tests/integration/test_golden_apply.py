"""Every golden case's generated/schema.sql applies to real PostgreSQL 15 and 18.

Applied with ``psql -v ON_ERROR_STOP=1 -f`` exactly as the README tells users to,
then applied again to a second database to show the script needs no prior state.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "build"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "expected" / "schema.sql").is_file())
ALL_SERVERS = [p for p in CASES if not (p / "PG18_ONLY").exists()]
PG18_ONLY = [p for p in CASES if (p / "PG18_ONLY").exists()]


def psql_apply(dsn: str, script: Path) -> subprocess.CompletedProcess[str]:
    """Run ``script`` with psql, stopping at the first error."""
    psql = shutil.which("psql")
    assert psql, "psql must be on PATH for integration tests"
    return subprocess.run(
        [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("case", ALL_SERVERS, ids=lambda p: p.name)
def test_generated_schema_applies(case: Path, fresh_db: str) -> None:
    result = psql_apply(fresh_db, case / "expected" / "schema.sql")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", PG18_ONLY, ids=lambda p: p.name)
def test_generated_schema_applies_on_18(case: Path, pg18_db: str) -> None:
    """Cases that need pgvector, which only the PostgreSQL 18 test server has."""
    result = psql_apply(pg18_db, case / "expected" / "schema.sql")
    assert result.returncode == 0, result.stderr
