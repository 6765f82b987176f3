-- Object kinds and options issue 10 added to the format; each must inspect without omission.
CREATE SCHEMA kinds;

-- functions: unnamed arguments, VARIADIC, SET options, OUT-only signatures
CREATE FUNCTION kinds.reverse_match(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT $2 ~ $1$$;
CREATE FUNCTION kinds.join_all(text, VARIADIC parts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$SELECT array_to_string(parts, $1)$$;
CREATE FUNCTION kinds.count_all(VARIADIC integer[]) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$SELECT cardinality($1)$$;
CREATE FUNCTION kinds.utc_today() RETURNS date
    LANGUAGE sql STABLE
    SET TimeZone = 'UTC' SET work_mem = '64MB' SET statement_timeout = 5000 SET search_path = pg_catalog
    AS $$SELECT current_date$$;
CREATE FUNCTION kinds.tenant() RETURNS text
    LANGUAGE sql STABLE SET app.tenant = 'none' AS $$SELECT current_setting('app.tenant')$$;
CREATE FUNCTION kinds.pair(OUT a integer, OUT b text)
    LANGUAGE sql AS $$SELECT 1, 'one'$$;
CREATE FUNCTION kinds.mixed(integer, p_b text DEFAULT 'x', OUT integer, OUT r text)
    LANGUAGE sql AS $$SELECT $1, p_b$$;
CREATE PROCEDURE kinds.swap(INOUT integer, INOUT integer)
    LANGUAGE sql SET lock_timeout = '1s' AS $$SELECT $2, $1$$;

-- triggers on views (INSTEAD OF, statement-level) and on partitions
CREATE TABLE kinds.items (id integer PRIMARY KEY, label text NOT NULL);
CREATE VIEW kinds.items_view AS SELECT id, label FROM kinds.items;
CREATE FUNCTION kinds.items_view_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kinds.items (id, label) VALUES (NEW.id, NEW.label);
  RETURN NEW;
END
$$;
CREATE FUNCTION kinds.note() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
CREATE TRIGGER items_view_insert INSTEAD OF INSERT ON kinds.items_view
    FOR EACH ROW EXECUTE FUNCTION kinds.items_view_write();
CREATE TRIGGER items_view_noted AFTER UPDATE ON kinds.items_view
    FOR EACH STATEMENT EXECUTE FUNCTION kinds.note('updated');
COMMENT ON TRIGGER items_view_insert ON kinds.items_view IS 'writes through';
CREATE TABLE kinds.events (at date NOT NULL, what text) PARTITION BY RANGE (at);
CREATE TABLE kinds.events_2026 PARTITION OF kinds.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TRIGGER events_all AFTER INSERT ON kinds.events FOR EACH ROW EXECUTE FUNCTION kinds.note();
CREATE TRIGGER events_2026_only AFTER DELETE ON kinds.events_2026 FOR EACH ROW EXECUTE FUNCTION kinds.note();
-- firing modes (pg_trigger.tgenabled): disabled, replica, always; a disabled one on a partitioned table
CREATE TRIGGER items_off AFTER INSERT ON kinds.items FOR EACH ROW EXECUTE FUNCTION kinds.note();
CREATE TRIGGER items_replica AFTER UPDATE ON kinds.items FOR EACH ROW EXECUTE FUNCTION kinds.note();
CREATE TRIGGER items_always AFTER DELETE ON kinds.items FOR EACH STATEMENT EXECUTE FUNCTION kinds.note();
ALTER TABLE kinds.items DISABLE TRIGGER items_off;
ALTER TABLE kinds.items ENABLE REPLICA TRIGGER items_replica;
ALTER TABLE kinds.items ENABLE ALWAYS TRIGGER items_always;
ALTER TABLE kinds.events DISABLE TRIGGER events_all;

-- default privileges without IN SCHEMA (a grant, a revoked built-in default, schemas) beside IN SCHEMA ones
DO $$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kinds_reader') THEN CREATE ROLE kinds_reader NOLOGIN; END IF;
END$$;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO kinds_reader;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO kinds_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA kinds GRANT USAGE ON SEQUENCES TO kinds_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA kinds GRANT SELECT ON TABLES TO kinds_reader WITH GRANT OPTION;

-- REPLICA IDENTITY: FULL, NOTHING, USING INDEX (a unique index, a key constraint), a partition's own
CREATE TABLE kinds.replicated_full (id integer PRIMARY KEY, body text);
ALTER TABLE kinds.replicated_full REPLICA IDENTITY FULL;
CREATE TABLE kinds.replicated_none (line text);
ALTER TABLE kinds.replicated_none REPLICA IDENTITY NOTHING;
CREATE TABLE kinds.replicated_code (id integer NOT NULL, code text NOT NULL, CONSTRAINT replicated_code_key UNIQUE (code));
ALTER TABLE kinds.replicated_code REPLICA IDENTITY USING INDEX replicated_code_key;
CREATE TABLE kinds.replicated_idx (id integer NOT NULL, label text NOT NULL);
CREATE UNIQUE INDEX replicated_idx_label ON kinds.replicated_idx (label);
ALTER TABLE kinds.replicated_idx REPLICA IDENTITY USING INDEX replicated_idx_label;
CREATE TABLE kinds.readings (at date NOT NULL, value integer) PARTITION BY RANGE (at);
CREATE TABLE kinds.readings_2026 PARTITION OF kinds.readings FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE kinds.readings_2027 PARTITION OF kinds.readings FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
ALTER TABLE kinds.readings REPLICA IDENTITY FULL;
ALTER TABLE kinds.readings_2027 REPLICA IDENTITY FULL;

-- column SET STATISTICS, on a table and on a partitioned table (its partitions take the parent's)
CREATE TABLE kinds.jobs (id integer PRIMARY KEY, finished_at timestamptz, note text);
ALTER TABLE kinds.jobs ALTER COLUMN finished_at SET STATISTICS 1000;
ALTER TABLE kinds.jobs ALTER COLUMN note SET STATISTICS 0;
ALTER TABLE kinds.readings ALTER COLUMN value SET STATISTICS 300;
CREATE INDEX jobs_note_words ON kinds.jobs ((string_to_array(note, ' ')), id);
ALTER INDEX kinds.jobs_note_words ALTER COLUMN 1 SET STATISTICS 3000;

-- role attributes (a role the objects in scope name)
DO $$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kinds_admin') THEN
        CREATE ROLE kinds_admin LOGIN NOINHERIT CREATEROLE CREATEDB REPLICATION BYPASSRLS CONNECTION LIMIT 4;
    END IF;
END$$;
GRANT SELECT ON kinds.jobs TO kinds_admin;

-- table inheritance: two parents, a merged column, a child's own columns and CHECK, a grandchild
CREATE TABLE kinds.stamped (created_at timestamptz NOT NULL DEFAULT now(), note text);
CREATE TABLE kinds.owned (owner_id integer, CONSTRAINT owned_owner_positive CHECK (owner_id > 0));
CREATE TABLE kinds.documents (title text NOT NULL, note text, CONSTRAINT documents_title_check CHECK (title <> ''))
    INHERITS (kinds.stamped, kinds.owned);
CREATE TABLE kinds.memos (urgent boolean DEFAULT false) INHERITS (kinds.documents);

-- a partition's own UNLOGGED
CREATE TABLE kinds.scratch (at date NOT NULL, body text) PARTITION BY RANGE (at);
CREATE TABLE kinds.scratch_2026 PARTITION OF kinds.scratch FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE UNLOGGED TABLE kinds.scratch_2027 PARTITION OF kinds.scratch FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');

-- column SET STORAGE, SET COMPRESSION and attribute options (n_distinct); a type whose own storage
-- is main (numeric). A partition takes its parent's storage (SET STORAGE recurses) and compression
-- (copied when it is created: SET COMPRESSION does not recurse), never its attribute options
CREATE TABLE kinds.blobs (id integer PRIMARY KEY, body text, packed bytea, amount numeric, kind text, tags text[]);
ALTER TABLE kinds.blobs ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN packed SET COMPRESSION lz4,
    ALTER COLUMN amount SET STORAGE PLAIN, ALTER COLUMN kind SET (n_distinct = -0.25),
    ALTER COLUMN tags SET STORAGE MAIN, ALTER COLUMN tags SET COMPRESSION pglz;
CREATE TABLE kinds.logs (at date NOT NULL, line text COMPRESSION lz4) PARTITION BY RANGE (at);
CREATE TABLE kinds.logs_2026 PARTITION OF kinds.logs FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TABLE kinds.logs ALTER COLUMN line SET STORAGE MAIN,
    ALTER COLUMN at SET (n_distinct = 365, n_distinct_inherited = 730);

-- functions' LEAKPROOF, COST, ROWS and SUPPORT; a window function (WINDOW, internal)
CREATE FUNCTION kinds.same_code(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE LEAKPROOF COST 0.5
    AS 'SELECT $1 = $2';
CREATE FUNCTION kinds.codes(n integer) RETURNS SETOF text LANGUAGE sql STABLE ROWS 25 COST 300
    AS 'SELECT md5(i::text) FROM generate_series(1, n) i';
CREATE FUNCTION kinds.like_code(text, text) RETURNS boolean LANGUAGE sql SUPPORT textlike_support
    AS 'SELECT $1 LIKE $2';
CREATE FUNCTION kinds.rank_again() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_rank';

-- a role's VALID UNTIL, a membership WITH ADMIN OPTION (every version)
DO $$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kinds_expiring') THEN
        CREATE ROLE kinds_expiring LOGIN VALID UNTIL '2031-06-30 16:00:00+00';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kinds_group') THEN
        CREATE ROLE kinds_group;
    END IF;
END$$;
GRANT kinds_group TO kinds_expiring WITH ADMIN OPTION;
GRANT SELECT ON kinds.blobs TO kinds_expiring;

-- storage parameters of key constraints' indexes (PRIMARY KEY, UNIQUE, EXCLUDE)
CREATE TABLE kinds.ledger (id bigint, code text, during tstzrange,
    CONSTRAINT ledger_pkey PRIMARY KEY (id) WITH (fillfactor = 70),
    CONSTRAINT ledger_code_key UNIQUE (code) WITH (fillfactor = 80, deduplicate_items = off),
    CONSTRAINT ledger_during_excl EXCLUDE USING gist (during WITH &&) WITH (fillfactor = 90));
CREATE TABLE kinds.slots (room integer NOT NULL, starts timestamp NOT NULL,
    CONSTRAINT slots_excl EXCLUDE USING gist ((tsrange(starts, starts + interval '1 hour')) WITH &&));
ALTER INDEX kinds.slots_excl ALTER COLUMN 1 SET STATISTICS 400;
