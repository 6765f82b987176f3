"""The migration runner on PostgreSQL 18 and 15: history, transactions, failures, revert, hazards.

Migrations are built in memory here (``Script``); the files, the sum and the CLI
are exercised in ``test_migrate_cli.py``.
"""

from __future__ import annotations

import psycopg
import pytest

from schemagen.api.apply import HazardsRefused
from schemagen.api.migrate import apply_migrations, revert_migrations
from schemagen.api.migrate_checks import MigrationsRefused
from schemagen.api.migrate_history import read_history
from schemagen.api.migrate_run import MigrationFailed
from schemagen.migrations import HeaderHazard, Migration, Script, checksum

pytestmark = pytest.mark.integration


def script(version: int, name: str, direction: str, text: str, hazards=(), transactional=True) -> Script:
    file = f"{version:04d}_{name}.{direction}.sql"
    found = tuple(HeaderHazard(h, "") for h in hazards)
    return Script(file, direction, text, checksum(text), transactional, found)


def migration(version: int, name: str, up: str, down: str = "SELECT 1;", **kw) -> Migration:
    transactional = kw.get("transactional", True)
    down_script = script(version, name, "down", down, kw.get("down_hazards", ()), transactional)
    return Migration(
        version, name, script(version, name, "up", up, kw.get("hazards", ()), transactional), down_script
    )


FIRST = migration(
    1,
    "users",
    "CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint PRIMARY KEY, email text);\n"
    "INSERT INTO app.users VALUES (1, NULL), (2, 'b@example.org');",
    "DROP SCHEMA app CASCADE;",
    down_hazards=("deletes_data",),
)
SECOND = migration(
    2,
    "users_name",
    "ALTER TABLE app.users ADD COLUMN name text;\nCREATE INDEX users_name ON app.users (name);",
    "DROP INDEX app.users_name;\nALTER TABLE app.users DROP COLUMN name;",
    down_hazards=("deletes_data",),
)
CONCURRENT = migration(
    3,
    "users_email_idx",
    "CREATE INDEX CONCURRENTLY users_email ON app.users (email);",
    "DROP INDEX CONCURRENTLY app.users_email;",
    transactional=False,
)
NOT_NULL = migration(4, "email_required", "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;")
FIXED = migration(
    4,
    "email_required",
    "UPDATE app.users SET email = 'unknown' WHERE email IS NULL;\n"
    "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;",
)


def query(dsn: str, sql: str) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql).fetchall()


def history(dsn: str) -> list[tuple]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        return [(r.version, r.direction, r.success) for r in read_history(conn)]


def columns(dsn: str) -> list[tuple]:
    return query(
        dsn,
        "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
        "WHERE table_schema = 'app' ORDER BY 1, ordinal_position",
    )


def test_apply_runs_pending_files_in_order_once_each_and_records_them(fresh_db):
    result = apply_migrations(fresh_db, [FIRST, SECOND, CONCURRENT])
    assert [s.file for _, s, _ in result.ran] == [
        "0001_users.up.sql",
        "0002_users_name.up.sql",
        "0003_users_email_idx.up.sql",
    ]
    assert history(fresh_db) == [(1, "up", True), (2, "up", True), (3, "up", True)]
    rows = query(
        fresh_db,
        "SELECT name, checksum, applied_by, execution_ms >= 0, error FROM schemagen.migration_history",
    )
    assert rows[0] == ("users", FIRST.up.checksum, "postgres", True, None)
    assert query(fresh_db, "SELECT indexname FROM pg_indexes WHERE schemaname = 'app' ORDER BY 1") == [
        ("users_email",),
        ("users_name",),
        ("users_pkey",),
    ]
    again = apply_migrations(fresh_db, [FIRST, SECOND, CONCURRENT])
    assert again.ran == [] and again.pending == []
    assert len(history(fresh_db)) == 3


def test_apply_to_stops_at_the_version_and_leaves_the_rest_pending(fresh_db):
    result = apply_migrations(fresh_db, [FIRST, SECOND], to=1)
    assert [m.version for m, _, _ in result.ran] == [1]
    assert [m.version for m in result.pending] == [2]


def test_a_failing_file_leaves_schema_and_data_as_before_is_recorded_and_apply_continues_after_the_fix(
    fresh_db,
):
    apply_migrations(fresh_db, [FIRST, SECOND])
    before_columns = columns(fresh_db)
    before_rows = query(fresh_db, "SELECT * FROM app.users ORDER BY id")
    with pytest.raises(MigrationFailed) as failed:
        apply_migrations(fresh_db, [FIRST, SECOND, NOT_NULL])
    message = str(failed.value)
    assert "0004_email_required.up.sql failed at statement" in message
    assert "ALTER TABLE app.users ALTER COLUMN email SET NOT NULL" in message
    assert 'column "email" of relation "users" contains null values (SQLSTATE 23502)' in message
    assert "rolled back" in message
    assert columns(fresh_db) == before_columns
    assert query(fresh_db, "SELECT * FROM app.users ORDER BY id") == before_rows
    assert history(fresh_db)[-1] == (4, "up", False)
    error = query(fresh_db, "SELECT error FROM schemagen.migration_history WHERE NOT success")[0][0]
    assert "contains null values" in error and "statement: ALTER TABLE" in error

    result = apply_migrations(fresh_db, [FIRST, SECOND, FIXED])
    assert [m.version for m, _, _ in result.ran] == [4]
    assert history(fresh_db)[-1] == (4, "up", True)
    assert ("users", "email", "NO") in columns(fresh_db)


def test_an_edited_applied_file_is_refused_with_its_version_and_nothing_runs(fresh_db):
    apply_migrations(fresh_db, [FIRST, SECOND])
    edited = migration(2, "users_name", SECOND.up.text + "\n-- reformatted", SECOND.down.text)
    with pytest.raises(MigrationsRefused) as refused:
        apply_migrations(fresh_db, [FIRST, edited, CONCURRENT])
    assert "migration 0002 (0002_users_name.up.sql) was edited after it was applied" in str(refused.value)
    assert len(history(fresh_db)) == 2
    assert query(fresh_db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email'") == [(0,)]


def test_an_applied_version_without_its_file_and_a_pending_one_below_an_applied_one_are_refused(fresh_db):
    apply_migrations(fresh_db, [FIRST, SECOND])
    with pytest.raises(MigrationsRefused) as refused:
        apply_migrations(fresh_db, [SECOND, CONCURRENT])
    assert "migration 0001 (users) is applied" in str(refused.value)
    revert_migrations(fresh_db, [FIRST, SECOND], to=0, allowed=None)
    apply_migrations(fresh_db, [FIRST, SECOND, CONCURRENT], to=1)
    skipped = [FIRST, migration(2, "b", "SELECT 1;"), migration(3, "c", "SELECT 1;")]
    revert_migrations(fresh_db, [FIRST], to=0, allowed=None)
    apply_migrations(fresh_db, [FIRST, skipped[2]])
    with pytest.raises(MigrationsRefused) as refused:
        apply_migrations(fresh_db, skipped)
    assert "migration 0002_b is not applied but the later 0003 is" in str(refused.value)


def test_revert_runs_down_files_newest_first_and_apply_brings_them_back(fresh_db):
    migrations = [FIRST, SECOND, CONCURRENT]
    apply_migrations(fresh_db, [FIRST])
    after_first = columns(fresh_db)
    apply_migrations(fresh_db, migrations)
    one = revert_migrations(fresh_db, migrations)
    assert [s.file for _, s, _ in one.ran] == ["0003_users_email_idx.down.sql"]
    with pytest.raises(HazardsRefused) as refused:
        revert_migrations(fresh_db, migrations, to=1)
    assert "0002_users_name.down.sql: deletes_data" in str(refused.value)
    assert "--allow-hazard deletes_data" in str(refused.value)
    revert_migrations(fresh_db, migrations, to=1, allowed=["deletes-data"])
    assert columns(fresh_db) == after_first
    assert history(fresh_db)[-2:] == [(3, "down", True), (2, "down", True)]
    assert [m.version for m, _, _ in apply_migrations(fresh_db, migrations).ran] == [2, 3]


def test_hazardous_up_files_are_refused_before_anything_runs(fresh_db):
    risky = migration(1, "users", FIRST.up.text, hazards=("deletes_data",))
    with pytest.raises(HazardsRefused):
        apply_migrations(fresh_db, [risky])
    assert history(fresh_db) == []
    assert query(fresh_db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'app'") == [(0,)]
    assert len(apply_migrations(fresh_db, [risky], allowed=None).ran) == 1


def test_settings_a_file_sets_for_its_session_do_not_reach_the_next_file(fresh_db):
    sets = migration(
        2,
        "sets_path",
        "SET search_path = app;\nSET lock_timeout = '1s';\n"
        "CREATE INDEX CONCURRENTLY users_email ON users (email);",
        transactional=False,
    )
    after = migration(3, "after", "CREATE TABLE unqualified (id int);")
    apply_migrations(fresh_db, [FIRST, sets, after])
    assert query(fresh_db, "SELECT schemaname FROM pg_tables WHERE tablename = 'unqualified'") == [
        ("public",)
    ]


def test_the_failure_carries_postgresqls_detail(fresh_db):
    view = migration(2, "users_view", "CREATE VIEW app.v AS SELECT * FROM app.users;")
    drop = migration(3, "drop_users", "DROP TABLE app.users;")
    with pytest.raises(MigrationFailed) as failed:
        apply_migrations(fresh_db, [FIRST, view, drop])
    assert "DETAIL: view app.v depends on table app.users" in str(failed.value)
    error = query(fresh_db, "SELECT error FROM schemagen.migration_history WHERE NOT success")[0][0]
    assert "DETAIL: view app.v depends on table app.users" in error


def test_a_failed_concurrent_build_leaves_no_invalid_index(fresh_db):
    unique = migration(
        2,
        "one_row",
        "CREATE UNIQUE INDEX CONCURRENTLY users_one ON app.users ((1));",
        transactional=False,
    )
    with pytest.raises(MigrationFailed) as failed:
        apply_migrations(fresh_db, [FIRST, unique])
    cleanup = (
        "removed the INVALID index the failed build left: DROP INDEX CONCURRENTLY IF EXISTS app.users_one;"
    )
    assert cleanup in str(failed.value)
    assert query(fresh_db, "SELECT to_regclass('app.users_one')") == [(None,)]
    error = query(fresh_db, "SELECT error FROM schemagen.migration_history WHERE NOT success")[0][0]
    assert cleanup in error
