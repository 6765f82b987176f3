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


def test_pg18_has_the_contrib_real_schemas_need(pg18_db):
    with psycopg.connect(pg18_db, autocommit=True) as conn:
        for extension in (
            "pgcrypto",
            "uuid-ossp",
            "btree_gist",
            "pg_trgm",
            "cube",
            "earthdistance",
            "unaccent",
        ):
            conn.execute(f'CREATE EXTENSION "{extension}"')
        assert conn.execute("SELECT length(digest('x', 'sha256'))").fetchone()[0] == 32
        assert conn.execute("SELECT uuid_generate_v4() IS NOT NULL").fetchone()[0]


def test_pg18_pgvector_indexes_and_queries(pg18_db):
    with psycopg.connect(pg18_db, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION vector")
        conn.execute("CREATE TABLE t (id int, e vector(3))")
        conn.execute("INSERT INTO t SELECT i, ARRAY[i, i, i]::vector FROM generate_series(1, 200) i")
        conn.execute("CREATE INDEX ON t USING hnsw (e vector_l2_ops)")
        conn.execute("CREATE INDEX ON t USING ivfflat (e vector_cosine_ops) WITH (lists = 4)")
        nearest = conn.execute("SELECT id FROM t ORDER BY e <-> '[3,3,3]' LIMIT 1").fetchone()[0]
    assert nearest == 3
