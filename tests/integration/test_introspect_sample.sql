-- A database with one object of every kind the model holds (and a few it cannot).
CREATE SCHEMA agents;
COMMENT ON SCHEMA agents IS 'Agent metadata.';
CREATE SCHEMA tasks;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE agents.agent_status AS ENUM ('initializing', 'active', 'it''s done');
COMMENT ON TYPE agents.agent_status IS 'Lifecycle.';
CREATE DOMAIN agents.agent_id AS uuid NOT NULL;
CREATE DOMAIN agents.positive_int AS integer DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN agents.code AS text COLLATE "C";
CREATE TYPE agents.money_amount AS (amount numeric(12,2), currency character(3));
CREATE SEQUENCE agents.ticket_seq START 1000 CACHE 10;

CREATE TABLE agents.registry (
    agent_id agents.agent_id DEFAULT gen_random_uuid(),
    agent_type varchar(50) NOT NULL,
    name text COLLATE "C" UNIQUE,
    status agents.agent_status DEFAULT 'initializing',
    capabilities jsonb DEFAULT '{}',
    tags text[] DEFAULT '{}',
    parent_agent_id uuid REFERENCES agents.registry ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    score numeric(5,2) CHECK (score >= 0),
    doubled numeric GENERATED ALWAYS AS (score * 2) STORED,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id),
    CONSTRAINT no_self_parent CHECK (agent_id <> parent_agent_id)
);
COMMENT ON TABLE agents.registry IS 'Every agent.';
COMMENT ON COLUMN agents.registry.agent_type IS 'Kind of agent.';
CREATE INDEX ON agents.registry (agent_type, status);
CREATE INDEX ON agents.registry USING gin (capabilities jsonb_path_ops);
CREATE INDEX registry_lower_name ON agents.registry (lower(name) DESC NULLS LAST) INCLUDE (agent_type)
    WHERE status <> 'active';
CREATE UNIQUE INDEX registry_type_name ON agents.registry (agent_type, name) WITH (fillfactor = 90);
COMMENT ON INDEX agents.registry_type_name IS 'Unique pair.';
ALTER TABLE agents.registry ENABLE ROW LEVEL SECURITY;

CREATE TABLE tasks.queue (
    task_id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100),
    serial_no serial,
    agent_id uuid NOT NULL,
    priority agents.positive_int,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, created_at),
    FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id) ON DELETE CASCADE ON UPDATE RESTRICT
) PARTITION BY RANGE (created_at);
CREATE TABLE tasks.queue_2024 PARTITION OF tasks.queue FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE tasks.queue_default PARTITION OF tasks.queue DEFAULT;
CREATE INDEX ON tasks.queue (agent_id);

CREATE TABLE tasks.by_hash (id integer NOT NULL, region text NOT NULL) PARTITION BY HASH (id);
CREATE TABLE tasks.by_hash_0 PARTITION OF tasks.by_hash FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE tasks.by_hash_1 PARTITION OF tasks.by_hash FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE tasks.by_list (id integer, region text) PARTITION BY LIST (region);
CREATE TABLE tasks.by_list_eu PARTITION OF tasks.by_list FOR VALUES IN ('de', 'fr');

CREATE UNLOGGED TABLE tasks.scratch (
    id integer,
    room integer,
    during tstzrange,
    EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (room > 0)
);

ALTER TABLE tasks.scratch ADD CONSTRAINT positive_id CHECK (id > 0) NOT VALID;

CREATE FUNCTION agents.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE FUNCTION agents.add(a integer, b integer DEFAULT 2) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS 'SELECT a + b';
CREATE FUNCTION agents.pairs(n integer) RETURNS TABLE (x integer, y text)
    LANGUAGE sql STABLE SET search_path = agents, pg_temp AS 'SELECT n, n::text';
CREATE PROCEDURE agents.noop(INOUT v integer) LANGUAGE plpgsql AS $$ BEGIN v := v; END; $$;
COMMENT ON FUNCTION agents.add(integer, integer) IS 'Adds.';
CREATE FUNCTION agents.registry_size() RETURNS bigint LANGUAGE sql STABLE
    BEGIN ATOMIC SELECT count(*) FROM agents.registry; END;
CREATE FUNCTION agents.one() RETURNS integer LANGUAGE sql SET search_path = '' AS 'SELECT 1';
CREATE FUNCTION agents.twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN agents.add(x, x);
CREATE PROCEDURE tasks.forget(id integer) LANGUAGE sql AS $$ DELETE FROM tasks.by_hash WHERE by_hash.id = forget.id $$;

CREATE TRIGGER registry_touch BEFORE UPDATE OF agent_type, status ON agents.registry
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION agents.touch('a', 'b c');

CREATE VIEW agents.active AS SELECT agent_id, name FROM agents.registry WHERE status = 'active';
CREATE MATERIALIZED VIEW agents.counts AS SELECT agent_type, count(*) AS n FROM agents.registry GROUP BY 1
    WITH NO DATA;
CREATE INDEX ON agents.counts (agent_type);

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'schemagen_reader') THEN
        CREATE ROLE schemagen_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'schemagen_writer') THEN
        CREATE ROLE schemagen_writer NOLOGIN IN ROLE schemagen_reader;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA agents TO schemagen_reader;
GRANT SELECT ON agents.registry TO schemagen_reader;
GRANT SELECT, INSERT, UPDATE ON agents.registry TO schemagen_writer WITH GRANT OPTION;
GRANT UPDATE (status) ON agents.registry TO schemagen_reader;
REVOKE EXECUTE ON FUNCTION agents.add(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agents.add(integer, integer) TO schemagen_reader;
GRANT EXECUTE ON PROCEDURE agents.noop(integer) TO schemagen_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA agents GRANT SELECT ON TABLES TO schemagen_reader;
CREATE POLICY own_rows ON agents.registry AS RESTRICTIVE FOR SELECT TO schemagen_reader
    USING (status = 'active');

CREATE AGGREGATE agents.total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE RULE no_delete AS ON DELETE TO tasks.scratch DO INSTEAD NOTHING;
