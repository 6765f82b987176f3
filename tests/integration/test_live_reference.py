"""Zero false diffs on the reference system: right after loading ``generated/schema.sql``, ``diff`` is empty.

On PostgreSQL 18 (pgvector). The declared expressions are hand-written
(``'{}'``, ``length(x) > 0``); PostgreSQL stores them in its own canonical form
(``'{}'::jsonb``): declared expressions are compared through a scratch database.
Operator classes in ``public`` (pgvector's) read back unqualified, as declared.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.integration.test_golden_apply import psql_apply

from schemagen.cli import main

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


def test_diff_is_empty_right_after_loading_generated_schema_sql(pg18_db):
    loaded = psql_apply(pg18_db, REPO / "generated" / "schema.sql")
    assert loaded.returncode == 0, loaded.stderr
    result = CliRunner().invoke(main, ["diff", "--dsn", pg18_db, "--project", str(REPO), "--exit-code"])
    assert result.exit_code == 0, result.stdout[:4000]
    assert result.stdout == "no differences\n"
    plan = CliRunner().invoke(main, ["plan", "--dsn", pg18_db, "--project", str(REPO), "--format", "json"])
    assert plan.exit_code == 0, plan.output
    assert plan.stdout == '{\n  "changes": [],\n  "hazards": []\n}\n'
