"""The test servers themselves: both versions start and answer."""

import psycopg


def test_fresh_database_is_empty_and_on_expected_version(fresh_db, pg_server):
    with psycopg.connect(fresh_db) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        tables = conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
        ).fetchone()[0]
    assert int(version) // 10000 == pg_server.version
    assert tables == 0


def test_pg18_has_pgvector(pg18_db):
    with psycopg.connect(pg18_db, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION vector")
        assert conn.execute("SELECT '[1,2,3]'::vector(3)::text").fetchone()[0] == "[1,2,3]"
