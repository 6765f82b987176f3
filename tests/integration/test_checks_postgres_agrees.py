"""PostgreSQL itself rejects (or, for warnings, accepts) what each check reports.

Every check's docstring names the PostgreSQL error it prevents; these cases run the
defective DDL on a real server (15 and 18) and assert that error, then run the
fixed DDL and assert it applies. So the checks' claims, and docs/checks.md, cannot
drift from PostgreSQL's behaviour.
"""

from __future__ import annotations

import psycopg
import pytest

pytestmark = pytest.mark.integration

PARENT = "CREATE TABLE parent (id uuid PRIMARY KEY, code text);"
EVENTS = "CREATE TABLE ev (event_id bigint, created_at timestamptz) PARTITION BY RANGE (created_at);"
SESSIONS = "CREATE TABLE sess (id int, expires_at timestamptz, name text, at timestamp);"
STATUS = "CREATE TYPE st AS ENUM ('initializing', 'active');"
LONG = "a" * 63

# (code, setup, defective statement, PostgreSQL's error (None: accepted), fixed statement)
CASES = [
    (
        "C301",
        "",
        "CREATE TABLE t (a public.statuz)",
        'type "public.statuz" does not exist',
        "CREATE TABLE t (a text)",
    ),
    ("C302", "", "CREATE TABLE t (a vector(3))", 'type "vector" does not exist', "CREATE TABLE t (a real[])"),
    (
        "C303",
        "",
        "CREATE TABLE c (pid uuid REFERENCES nowhere)",
        'relation "nowhere" does not exist',
        "CREATE TABLE c (pid uuid)",
    ),
    (
        "C304",
        PARENT,
        "CREATE TABLE c (pid uuid, FOREIGN KEY (nope) REFERENCES parent)",
        'column "nope" referenced in foreign key constraint does not exist',
        "CREATE TABLE c (pid uuid, FOREIGN KEY (pid) REFERENCES parent)",
    ),
    (
        "C305",
        PARENT,
        "CREATE TABLE c (pid uuid, code text, FOREIGN KEY (pid, code) REFERENCES parent (id))",
        "number of referencing and referenced columns for foreign key disagree",
        "CREATE TABLE c (pid uuid, code text, FOREIGN KEY (pid) REFERENCES parent (id))",
    ),
    (
        "C306",
        PARENT,
        "CREATE TABLE c (code text REFERENCES parent (code))",
        'there is no unique constraint matching given keys for referenced table "parent"',
        "CREATE TABLE c (pid uuid REFERENCES parent (id))",
    ),
    (
        "C306",
        "CREATE TABLE parent (code text UNIQUE DEFERRABLE);",
        "CREATE TABLE c (code text REFERENCES parent (code))",
        "cannot use a deferrable unique constraint for referenced table",
        "ALTER TABLE parent ADD UNIQUE (code)",
    ),
    (
        "C306",
        "CREATE TABLE parent (id int PRIMARY KEY DEFERRABLE);",
        "CREATE TABLE c (pid int REFERENCES parent)",
        "cannot use a deferrable primary key for referenced table",
        "CREATE TABLE c (pid int)",
    ),
    (
        "C307",
        PARENT,
        "CREATE TABLE c (pid text REFERENCES parent)",
        "are of incompatible types: text and uuid",
        "CREATE TABLE c (pid uuid REFERENCES parent)",
    ),
    (
        "C308",
        "CREATE TABLE parent (id bigint PRIMARY KEY);",
        "CREATE TABLE c (pid integer REFERENCES parent)",
        None,
        "CREATE TABLE c2 (pid bigint REFERENCES parent)",
    ),
    (
        "C309",
        "",
        "CREATE TABLE t (a int, PRIMARY KEY (a, zz))",
        'column "zz" named in key does not exist',
        "CREATE TABLE t (a int, PRIMARY KEY (a))",
    ),
    (
        "C310",
        "CREATE VIEW v AS SELECT 1 AS a;",
        "CREATE INDEX ON v (a)",
        'cannot create index on relation "v"',
        "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS a; CREATE INDEX ON mv (a)",
    ),
    (
        "C311",
        "CREATE SCHEMA o; CREATE TABLE o.t (id int);",
        "CREATE SEQUENCE s OWNED BY o.t.id",
        "sequence must be in same schema as table it is linked to",
        "CREATE SEQUENCE o.s OWNED BY o.t.id",
    ),
    (
        "C312",
        "",
        "CREATE EXTENSION no_such_extension",
        'extension "no_such_extension" is not available',
        "CREATE EXTENSION pg_trgm",
    ),
    (
        "C313",
        "",
        "CREATE TABLE t (id uuid GENERATED ALWAYS AS IDENTITY)",
        "identity column type must be smallint, integer, or bigint",
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY)",
    ),
    (
        "C313",
        "",
        "CREATE SEQUENCE s AS numeric",
        "sequence type must be smallint, integer, or bigint",
        "CREATE SEQUENCE s AS integer",
    ),
    (
        "C342",
        "CREATE DOMAIN agent_id AS uuid NOT NULL; CREATE TABLE t (parent_agent_id agent_id);",
        "INSERT INTO t VALUES (NULL)",
        "domain agent_id does not allow null values",
        "INSERT INTO t VALUES (gen_random_uuid())",
    ),
    (
        "C342",
        "CREATE DOMAIN task_id AS uuid CHECK (VALUE IS NOT NULL); CREATE TABLE t (parent task_id);",
        "INSERT INTO t VALUES (NULL)",
        "value for domain task_id violates check constraint",
        "INSERT INTO t VALUES (gen_random_uuid())",
    ),
    (
        "C367",
        "",
        "CREATE TABLE t (a int, b int DEFAULT 1 GENERATED ALWAYS AS (a + 1) STORED)",
        "both default and generation expression specified",
        "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a + 1) STORED)",
    ),
    (
        "C367",
        "",
        "CREATE TABLE t (a int DEFAULT 1 GENERATED ALWAYS AS IDENTITY)",
        "both default and identity specified",
        "CREATE TABLE t (a int GENERATED ALWAYS AS IDENTITY)",
    ),
    (
        "C343",
        "CREATE TABLE t (id bigint, body text);",
        "ALTER TABLE t ALTER COLUMN id SET STORAGE EXTERNAL",
        "can only have storage PLAIN",
        "ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL",
    ),
    (
        "C343",
        "CREATE TABLE t (id bigint, body text);",
        "ALTER TABLE t ALTER COLUMN id SET COMPRESSION lz4",
        "does not support compression",
        "ALTER TABLE t ALTER COLUMN body SET COMPRESSION lz4",
    ),
    (
        "C344",
        "",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql ROWS 10 AS 'SELECT 1'",
        "ROWS is not applicable when function does not return a set",
        "CREATE FUNCTION f() RETURNS SETOF int LANGUAGE sql ROWS 10 AS 'SELECT 1'",
    ),
    (
        "C345",
        "CREATE TABLE t (id int NOT NULL, code text, CONSTRAINT t_code_key UNIQUE (code));",
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_code_key",
        "cannot be used as replica identity because column",
        "ALTER TABLE t ALTER COLUMN code SET NOT NULL; ALTER TABLE t REPLICA IDENTITY USING INDEX t_code_key",
    ),
    (
        "C345",
        "CREATE TABLE t (id int NOT NULL); CREATE INDEX t_id ON t (id);",
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_id",
        "cannot use non-unique index",
        "CREATE UNIQUE INDEX t_id_u ON t (id); ALTER TABLE t REPLICA IDENTITY USING INDEX t_id_u",
    ),
    (
        "C345",
        "CREATE TABLE t (id int NOT NULL); CREATE UNIQUE INDEX t_id ON t (id) WHERE id > 0;",
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_id",
        "cannot use partial index",
        "CREATE UNIQUE INDEX t_id_u ON t (id); ALTER TABLE t REPLICA IDENTITY USING INDEX t_id_u",
    ),
    (
        "C345",
        "CREATE TABLE t (id int NOT NULL, CONSTRAINT t_id_key UNIQUE (id) DEFERRABLE);",
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_id_key",
        "cannot use non-immediate index",
        "CREATE UNIQUE INDEX t_id_u ON t (id); ALTER TABLE t REPLICA IDENTITY USING INDEX t_id_u",
    ),
    (
        "C314",
        "CREATE TABLE t (a int);",
        "GRANT SELECT ON t TO app_readonly_no_such_role",
        'role "app_readonly_no_such_role" does not exist',
        "GRANT SELECT ON t TO PUBLIC",
    ),
    (
        "C335",
        "CREATE TABLE q (id int, kind text) PARTITION BY LIST (kind);",
        "INSERT INTO q VALUES (1, 'x')",
        "no partition of relation",
        "CREATE TABLE q_default PARTITION OF q DEFAULT; INSERT INTO q VALUES (1, 'x')",
    ),
    (
        "C336",
        "CREATE TABLE c (id int, at timestamptz) PARTITION BY RANGE (at);"
        "CREATE TABLE c_2024_01 PARTITION OF c FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');",
        "INSERT INTO c VALUES (1, '2024-03-01')",
        "no partition of relation",
        "CREATE TABLE c_default PARTITION OF c DEFAULT; INSERT INTO c VALUES (1, '2024-03-01')",
    ),
    (
        "C368",
        "",
        "SELECT current_setting('app.current_tenant_id')",
        'unrecognized configuration parameter "app.current_tenant_id"',
        "SELECT current_setting('app.current_tenant_id', true)",
    ),
    (
        "C392",
        "CREATE TABLE s (k int, v jsonb); CREATE INDEX ON s (k) INCLUDE (v);",
        "INSERT INTO s SELECT 1, jsonb_build_object('x', string_agg(md5(i::text), '')) "
        "FROM generate_series(1, 200) i",
        "exceeds btree version 4 maximum 2704",
        "DROP INDEX s_k_v_idx; INSERT INTO s VALUES (1, '{}')",
    ),
    (
        "C369",
        "",
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN v := 1; RETURN 1; END; $$",
        '"v" is not a known variable',
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS "
        "$$ DECLARE v int; BEGIN v := 1; RETURN v; END; $$",
    ),
    (
        "C371",
        "CREATE TABLE t (a int);"
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS "
        "$$ BEGIN EXECUTE format('CREATE INDEX CONCURRENTLY %I ON t (a)', 'i'); END; $$;",
        "SELECT f()",
        "CREATE INDEX CONCURRENTLY cannot be executed from a function",
        "CREATE INDEX CONCURRENTLY i ON t (a)",
    ),
    (
        "C372",
        "",
        "SELECT format('ratio (%.1f%%)', 0.5)",
        "unrecognized format() type specifier",
        "SELECT format('ratio (%s%%)', round(0.5, 1))",
    ),
    (
        "C373",
        "CREATE TABLE state (state_key text);"
        "CREATE FUNCTION f() RETURNS SETOF text LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN QUERY SELECT s.key FROM state s; END; $$;",
        "SELECT * FROM f()",
        "column s.key does not exist",
        "SELECT 1",
    ),
    (
        "C374",
        "CREATE FUNCTION f() RETURNS bigint LANGUAGE plpgsql AS "
        "$$ BEGIN RETURN (SELECT count(*) FROM pg_stat_statements); END; $$;",
        "SELECT f()",
        'relation "pg_stat_statements" does not exist',
        "SELECT 1",
    ),
    (
        "C315",
        "CREATE TABLE t (a int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
        "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
        "must return type trigger",
        "CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;"
        "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION g()",
    ),
    (
        "C316",
        "CREATE TABLE t (a int);",
        "CREATE POLICY p ON t FOR INSERT USING (a > 0)",
        "only WITH CHECK expression allowed for INSERT",
        "CREATE POLICY p ON t FOR INSERT WITH CHECK (a > 0)",
    ),
    (
        "C316",
        "CREATE TABLE t (a int);",
        "CREATE POLICY p ON t FOR SELECT WITH CHECK (a > 0)",
        "WITH CHECK cannot be applied to SELECT or DELETE",
        "CREATE POLICY p ON t FOR SELECT USING (a > 0)",
    ),
    (
        "C317",
        "CREATE TABLE t (id int PRIMARY KEY, name text);",
        "INSERT INTO t VALUES (1, 'a') ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id",
        "there is no unique or exclusion constraint matching the ON CONFLICT specification",
        "INSERT INTO t VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
    ),
    (
        "C317",
        "CREATE TABLE t (id int PRIMARY KEY, name text UNIQUE DEFERRABLE);",
        "INSERT INTO t VALUES (1, 'a') ON CONFLICT (name) DO UPDATE SET id = EXCLUDED.id",
        "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters",
        "INSERT INTO t VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name",
    ),
    (
        "C317",
        "CREATE TABLE t (id int PRIMARY KEY, twice int GENERATED ALWAYS AS (id * 2) STORED);",
        "INSERT INTO t (id, twice) VALUES (1, 2) ON CONFLICT (id) DO NOTHING",
        "cannot insert a non-DEFAULT value into column",
        "INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO NOTHING",
    ),
    (
        "C321",
        "",
        f"CREATE TABLE t ({LONG}_one int, {LONG}_two int)",
        "specified more than once",
        f"CREATE TABLE t ({LONG[:59]}_one int, {LONG[:59]}_two int)",
    ),
    (
        "C322",
        "CREATE TABLE t (a int PRIMARY KEY);",
        "CREATE SEQUENCE t_pkey",
        'relation "t_pkey" already exists',
        "CREATE SEQUENCE t_id_seq",
    ),
    (
        "C322",
        "CREATE TABLE st (a int);",
        "CREATE TYPE st AS ENUM ('x')",
        '"st" already exists',
        "CREATE TYPE st2 AS ENUM ('x')",
    ),
    ("C323", "", f"CREATE TYPE e AS ENUM ('{LONG}x')", "invalid enum label", "CREATE TYPE e AS ENUM ('x')"),
    (
        "C323",
        "",
        "CREATE TYPE e AS ENUM ('a', 'a')",
        "pg_enum_typid_label_index",
        "CREATE TYPE e AS ENUM ('a')",
    ),
    (
        "C330",
        EVENTS,
        "ALTER TABLE ev ADD PRIMARY KEY (event_id)",
        "unique constraint on partitioned table must include all partitioning columns",
        "ALTER TABLE ev ADD PRIMARY KEY (event_id, created_at)",
    ),
    (
        "C331",
        "",
        "CREATE TABLE ev (event_id bigint) PARTITION BY RANGE (sent_at)",
        'column "sent_at" named in partition key does not exist',
        "CREATE TABLE ev (event_id bigint) PARTITION BY RANGE (event_id)",
    ),
    (
        "C332",
        "CREATE TABLE ev (id bigint, at timestamp) PARTITION BY RANGE ((at::date));",
        "ALTER TABLE ev ADD PRIMARY KEY (id, at)",
        "unsupported PRIMARY KEY constraint with partition key definition",
        "CREATE TABLE ev2 (id bigint, at timestamp, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)",
    ),
    (
        "C333",
        EVENTS + "ALTER TABLE ev ADD PRIMARY KEY (event_id, created_at);",
        "CREATE TABLE c (event_id bigint REFERENCES ev (event_id))",
        "there is no unique constraint matching given keys",
        "CREATE TABLE c (event_id bigint, at timestamptz, FOREIGN KEY (event_id, at) REFERENCES ev)",
    ),
    (
        "C334",
        "CREATE TABLE p (id int);",
        "CREATE TABLE c PARTITION OF p DEFAULT",
        "is not partitioned",
        "CREATE TABLE p2 (id int) PARTITION BY LIST (id); CREATE TABLE c PARTITION OF p2 DEFAULT",
    ),
    (
        "C340",
        STATUS,
        "CREATE TABLE t (s st DEFAULT 'initialising')",
        "invalid input value for enum st",
        "CREATE TABLE t (s st DEFAULT 'initializing')",
    ),
    (
        "C341",
        STATUS + "CREATE TABLE t (id int, s st);",
        "CREATE INDEX ON t (id) WHERE s = 'running'",
        "invalid input value for enum st",
        "CREATE INDEX ON t (id) WHERE s = 'active'",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess (id) WHERE expires_at > now()",
        "functions in index predicate must be marked IMMUTABLE",
        "CREATE INDEX ON sess (id) WHERE expires_at > '2026-01-01'",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess (id) WHERE expires_at > CURRENT_TIMESTAMP",
        "functions in index predicate must be marked IMMUTABLE",
        "CREATE INDEX ON sess (id) WHERE expires_at IS NOT NULL",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess ((date_trunc('day', expires_at)))",
        "functions in index expression must be marked IMMUTABLE",
        "CREATE INDEX ON sess ((date_trunc('day', at)))",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess ((expires_at::date))",
        "functions in index expression must be marked IMMUTABLE",
        "CREATE INDEX ON sess ((lower(name)))",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess ((expires_at + interval '1 day'))",
        "functions in index expression must be marked IMMUTABLE",
        "CREATE INDEX ON sess ((at + interval '1 day'))",
    ),
    (
        "C350",
        SESSIONS,
        "CREATE INDEX ON sess ((expires_at > at))",
        "functions in index expression must be marked IMMUTABLE",
        "CREATE INDEX ON sess ((name || id))",  # text || integer: inlined, immutable
    ),
    (
        "C350",
        SESSIONS + "CREATE FUNCTION pinned(int) RETURNS int LANGUAGE sql STABLE SET search_path = pg_catalog "
        "AS 'SELECT $1 + 1'; CREATE FUNCTION plain(int) RETURNS int LANGUAGE sql STABLE AS 'SELECT $1 + 1';",
        "CREATE INDEX ON sess ((pinned(id)))",
        "functions in index expression must be marked IMMUTABLE",
        "CREATE INDEX ON sess ((plain(id)))",  # inlined: judged by its immutable body
    ),
    (
        "C350",
        "",
        "CREATE TABLE t (a int, at timestamptz GENERATED ALWAYS AS (now()) STORED)",
        "generation expression is not immutable",
        "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)",
    ),
    (
        "C350",
        "",
        "CREATE TABLE t (at timestamptz) PARTITION BY RANGE ((at::date))",
        "functions in partition key expression must be marked IMMUTABLE",
        "CREATE TABLE t (at timestamptz) PARTITION BY RANGE (at)",
    ),
    (
        "C352",
        "",
        "CREATE TABLE t (expires_at timestamptz CHECK (expires_at > now()))",
        None,
        "CREATE TABLE t2 (created_at timestamptz, expires_at timestamptz CHECK (expires_at > created_at))",
    ),
    (
        "C360",
        "",
        "CREATE TABLE t (a int CHECK (a >))",
        "syntax error",
        "CREATE TABLE t (a int CHECK (a > 0))",
    ),
    (
        "C361",
        "",
        "CREATE TABLE t (a int, CHECK (c > 0))",
        'column "c" does not exist',
        "CREATE TABLE t (a int, CHECK (a > 0))",
    ),
    (
        "C362",
        "",
        "CREATE DOMAIN d AS integer CHECK (amount > 0)",
        'column "amount" does not exist',
        "CREATE DOMAIN d AS integer CHECK (VALUE > 0)",
    ),
    (
        "C363",
        "",
        "CREATE TABLE t (a int, b int DEFAULT a + 1)",
        "cannot use column reference in DEFAULT expression",
        "CREATE TABLE t (a int, b int DEFAULT 1)",
    ),
    (
        "C364",
        "",
        "CREATE TABLE t (a int CHECK (a IN (SELECT 1)))",
        "cannot use subquery in check constraint",
        "CREATE TABLE t (a int CHECK (a IN (1)))",
    ),
    (
        "C365",
        "",
        "CREATE TABLE t (a int CHECK (count(a) > 0))",
        "aggregate functions are not allowed in check constraints",
        "CREATE TABLE t (a int CHECK (a > 0))",
    ),
    (
        "C366",
        "",
        "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 2) STORED, "
        "h int GENERATED ALWAYS AS (g + 1) STORED)",
        'cannot use generated column "g" in column generation expression',
        "CREATE TABLE t (a int, g int GENERATED ALWAYS AS (a * 2) STORED, "
        "h int GENERATED ALWAYS AS (a * 2 + 1) STORED)",
    ),
    (
        "C316",
        "CREATE TABLE t (id int);",
        "CREATE POLICY p ON t USING (id = 1)",
        None,
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
    ),
    (
        "C318",
        "",
        "CREATE TABLE t (ok boolean DEFAULT 'maybe')",
        'invalid input syntax for type boolean: "maybe"',
        "CREATE TABLE t (ok boolean DEFAULT 'yes')",
    ),
    (
        "C318",
        "CREATE TABLE t (n smallint DEFAULT 40000, m int);",
        "INSERT INTO t (m) VALUES (1)",
        "smallint out of range",
        "ALTER TABLE t ALTER n SET DEFAULT 4000; INSERT INTO t (m) VALUES (1)",
    ),
    (
        "C318",
        "CREATE TABLE t (id int PRIMARY KEY, price numeric);",
        "INSERT INTO t (id, price) VALUES (1, 'forty') ON CONFLICT (id) DO UPDATE SET price = EXCLUDED.price",
        'invalid input syntax for type numeric: "forty"',
        "INSERT INTO t (id, price) VALUES (1, '40') ON CONFLICT (id) DO UPDATE SET price = EXCLUDED.price",
    ),
    (
        "C319",
        "CREATE TABLE t (id int PRIMARY KEY, v int);",
        "INSERT INTO t (id, v) VALUES (1, 1), (1, 2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v",
        "ON CONFLICT DO UPDATE command cannot affect row a second time",
        "INSERT INTO t (id, v) VALUES (1, 1), (2, 2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v",
    ),
    (
        "C324",
        "",
        "CREATE TABLE t (code varchar(0))",
        "length for type varchar must be at least 1",
        "CREATE TABLE t (code varchar(1))",
    ),
    (
        "C324",
        "",
        "CREATE TABLE t (n numeric(0))",
        "NUMERIC precision 0 must be between 1 and 1000",
        "CREATE TABLE t (n numeric(1))",
    ),
    (
        "C337",
        "CREATE TABLE ev (at date) PARTITION BY RANGE (at);"
        "CREATE TABLE a PARTITION OF ev FOR VALUES FROM ('2026-01-01') TO ('2026-03-01');",
        "CREATE TABLE b PARTITION OF ev FOR VALUES FROM ('2026-02-01') TO ('2026-04-01')",
        'partition "b" would overlap partition "a"',
        "CREATE TABLE b PARTITION OF ev FOR VALUES FROM ('2026-03-01') TO ('2026-04-01')",
    ),
    (
        "C375",
        "CREATE SCHEMA app; CREATE TABLE app.users (id int); SET search_path = pg_catalog, public;",
        "CREATE VIEW app.v AS SELECT id FROM users",
        'relation "users" does not exist',
        "CREATE VIEW app.v AS SELECT id FROM app.users",
    ),
    (
        "C376",
        "CREATE TABLE users (id int, name text);",
        "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT nmae FROM users $$",
        'column "nmae" does not exist',
        "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT name FROM users $$",
    ),
    (
        "C377",
        "CREATE TABLE users (id int, name text);",
        "CREATE VIEW v (a, b) AS SELECT id FROM users",
        "CREATE VIEW specifies more column names than columns",
        "CREATE VIEW v (a, b) AS SELECT id, name FROM users",
    ),
    (
        "C378",
        "CREATE TABLE t (id int, changed timestamptz);"
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now())); RETURN NEW; END $$;"
        "INSERT INTO t VALUES (1, NULL);"
        "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch('missing_column');",
        "UPDATE t SET id = 2",
        None,  # PostgreSQL accepts it: the misspelt column is simply never set
        "CREATE OR REPLACE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch('changed')",
    ),
]


@pytest.mark.parametrize(("code", "setup", "bad", "message", "fixed"), CASES, ids=[c[0] for c in CASES])
def test_postgres_agrees(fresh_db, code, setup, bad, message, fixed):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        if setup:
            conn.execute(setup)
        if message is None:
            conn.execute(bad)  # a warning-level check: PostgreSQL accepts it
        else:
            with pytest.raises(psycopg.Error) as caught:
                conn.execute(bad)
            assert message in str(caught.value), f"{code}: {caught.value}"
        conn.execute(fixed)


def test_long_identifiers_are_silently_truncated(fresh_db):
    """C320: PostgreSQL only emits a NOTICE and keeps the first 63 bytes."""
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {LONG}_and_more (a int)")
        [(name,)] = conn.execute("SELECT relname FROM pg_class WHERE relname LIKE 'aaa%'").fetchall()
    assert name == LONG
