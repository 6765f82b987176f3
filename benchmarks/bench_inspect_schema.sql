-- Synthetic schema for benchmarks/bench_inspect.py: CALL bench_make(n) creates n tables in
-- schema bench (columns, an FK chain, indexes, a CHECK, comments), one hash-partitioned
-- table and one view per 100 tables; commits every 50 tables to keep lock tables small.
CREATE OR REPLACE PROCEDURE bench_make(n integer)
LANGUAGE plpgsql AS $$
DECLARE
    i integer;
BEGIN
    EXECUTE 'CREATE SCHEMA IF NOT EXISTS bench';
    FOR i IN 1..n LOOP
        EXECUTE format(
            'CREATE TABLE bench.t%s (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                parent_id bigint %s,
                name varchar(100) NOT NULL,
                status text NOT NULL DEFAULT %L CHECK (status IN (%L, %L)),
                amount numeric(12,2) DEFAULT 0,
                payload jsonb NOT NULL DEFAULT %L,
                created_at timestamptz NOT NULL DEFAULT now())',
            i,
            CASE WHEN i > 1 THEN format('REFERENCES bench.t%s ON DELETE SET NULL', i - 1) ELSE '' END,
            'new', 'new', 'done', '{}');
        EXECUTE format('CREATE INDEX ON bench.t%s (name, created_at DESC)', i);
        EXECUTE format('CREATE INDEX ON bench.t%s USING gin (payload jsonb_path_ops)', i);
        EXECUTE format('COMMENT ON TABLE bench.t%s IS %L', i, 'Synthetic table ' || i);
        EXECUTE format('COMMENT ON COLUMN bench.t%s.name IS %L', i, 'Name of row');
        IF i % 100 = 0 THEN
            EXECUTE format('CREATE TABLE bench.p%s (k bigint NOT NULL, v text) PARTITION BY HASH (k)', i);
            EXECUTE format('CREATE TABLE bench.p%s_0 PARTITION OF bench.p%s FOR VALUES WITH (MODULUS 2, REMAINDER 0)', i, i);
            EXECUTE format('CREATE TABLE bench.p%s_1 PARTITION OF bench.p%s FOR VALUES WITH (MODULUS 2, REMAINDER 1)', i, i);
            EXECUTE format('CREATE VIEW bench.v%s AS SELECT id, name FROM bench.t%s WHERE status = %L', i, i, 'new');
        END IF;
        IF i % 50 = 0 THEN
            COMMIT;
        END IF;
    END LOOP;
END
$$;
