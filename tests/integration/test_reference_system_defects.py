"""Defects of the source design that only data reveals, shown on real PostgreSQL.

``check_rejects_its_own_default`` (tests/golden/defects/): no static check can
see that ``validate_agent_metadata('{}')`` (PL/pgSQL) is false, so the case is
built, applied, and a row that leaves ``metadata`` to its default is inserted:
PostgreSQL rejects it, as it would every such INSERT of the source design.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from tests.integration.test_golden_apply import psql_apply

from schemagen.api import compile_project

DEFECTS = Path(__file__).resolve().parents[1] / "golden" / "defects"


def test_check_rejects_its_own_default(fresh_db: str, tmp_path: Path) -> None:
    result = compile_project(DEFECTS / "check_rejects_its_own_default")
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    script = tmp_path / "schema.sql"
    # the source created validate_agent_metadata on its search_path and called it unqualified
    # (the case declares it in agents: C355 says so). schema.sql pins its search_path (so it
    # fails there: PostgreSQL agrees with C355); put agents on the pinned path to reach the defect
    pinned = "SET LOCAL search_path = public;"
    assert pinned in result.files["schema.sql"]
    script.write_text(result.files["schema.sql"].replace(pinned, "SET LOCAL search_path = agents, public;"))
    dsn = f"{fresh_db} options='-c search_path=agents,public'"
    applied = psql_apply(dsn, script)
    assert applied.returncode == 0, applied.stderr
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO agents.registry (agent_name, metadata) "
            'VALUES (\'explicit\', \'{"created_at": "2026-01-02T00:00:00", "version": 1}\')'
        )
        with pytest.raises(errors.CheckViolation, match="registry_metadata_check"):
            conn.execute("INSERT INTO agents.registry (agent_name) VALUES ('defaults')")
        assert conn.execute("SELECT count(*) FROM agents.registry").fetchone() == (1,)
