"""The pure parts of the migration runner: which versions are applied or failed, what refuses a run."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from schemagen.api.apply import refused_steps
from schemagen.api.migrate_checks import MigrationsRefused, check_target, history_problems, out_of_order
from schemagen.api.migrate_history import HistoryRow, applied_rows, failed_rows, sql
from schemagen.api.migrate_run import script_statements
from schemagen.errors import UsageError
from schemagen.migrations import Migration, Script, checksum

AT = datetime(2026, 12, 5, tzinfo=UTC)


def script(version: int, direction: str, text: str = "SELECT 1;", transactional: bool = True) -> Script:
    return Script(f"{version:04d}_m{version}.{direction}.sql", direction, text, checksum(text), transactional)


def migration(version: int, up: str = "SELECT 1;") -> Migration:
    return Migration(version, f"m{version}", script(version, "up", up), script(version, "down"))


def row(
    id_: int, version: int, direction: str = "up", success: bool = True, text: str = "SELECT 1;"
) -> HistoryRow:
    return HistoryRow(
        id_, version, f"m{version}", direction, checksum(text), AT, "postgres", 1, success, None
    )


def test_a_version_is_applied_when_its_latest_successful_row_is_up():
    history = [row(1, 1), row(2, 2), row(3, 2, "down"), row(4, 3), row(5, 3, "down", success=False)]
    assert sorted(applied_rows(history)) == [1, 3]
    assert applied_rows(history)[3].id == 4


def test_a_version_failed_when_its_latest_row_failed():
    history = [row(1, 1), row(2, 2, success=False), row(3, 3, success=False), row(4, 3)]
    assert sorted(failed_rows(history)) == [2]
    assert failed_rows([]) == {}


def test_history_problems_name_an_edited_applied_file_and_a_missing_one():
    history = [row(1, 1), row(2, 2)]
    assert history_problems([migration(1), migration(2)], history) == []
    edited = history_problems([migration(1), migration(2, "SELECT 2;")], history)
    assert len(edited) == 1 and edited[0].startswith(
        "migration 0002 (0002_m2.up.sql) was edited after it was applied"
    )
    missing = history_problems([migration(2)], history)
    assert missing == [
        "migration 0001 (m1) is applied (schemagen.migration_history) "
        "but generated/migrations/ has no file for it"
    ]


def test_an_edited_file_that_is_not_applied_is_no_history_problem():
    history = [row(1, 1), row(2, 2, success=False, text="SELECT broken;")]
    assert history_problems([migration(1), migration(2, "SELECT fixed;")], history) == []


def test_a_pending_version_below_an_applied_one_is_out_of_order():
    assert out_of_order([migration(1), migration(2)], [row(1, 1)]) == []
    assert out_of_order([migration(1), migration(2)], []) == []
    found = out_of_order([migration(1), migration(2), migration(3)], [row(1, 1), row(2, 3)])
    assert found == [
        "migration 0002_m2 is not applied but the later 0003 is: revert to 0001 first "
        "(schemagen migrate revert --to 1) or renumber it"
    ]


def test_to_must_name_a_known_version():
    check_target([migration(1)], None)
    check_target([migration(1)], 1)
    check_target([migration(1)], 0, zero=True)
    with pytest.raises(UsageError, match=r"--to 2: no such migration \(versions: 1\)"):
        check_target([migration(1)], 2)
    with pytest.raises(UsageError):
        check_target([migration(1)], 0)


def test_refusal_lists_every_problem():
    refused = MigrationsRefused(["a", "b"], "apply")
    assert str(refused) == "refusing to apply (nothing was run):\n  - a\n  - b"


def test_hazards_are_gated_by_name_like_apply():
    steps = [("0002_m2.up.sql", ["access_exclusive_lock"]), ("0003_m3.up.sql", [])]
    assert refused_steps(steps, None) == []
    assert refused_steps(steps, ["access-exclusive-lock"]) == []
    assert refused_steps(steps, ()) == [("0002_m2.up.sql", "access_exclusive_lock")]


def test_statements_are_split_by_postgresqls_scanner():
    text = "-- header\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT ';';\n"
    assert script_statements(script(1, "up", text)) == [
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
        "SELECT ';'",
    ]
    with pytest.raises(UsageError, match=r"0001_m1\.up\.sql: cannot split into statements"):
        script_statements(script(1, "up", "SELECT 'unterminated;"))


def test_history_sql_comes_from_templates():
    assert sql("try_lock", key=7).endswith("pg_try_advisory_lock(7)")
    assert "schemagen.migration_history" in sql("record_history")
