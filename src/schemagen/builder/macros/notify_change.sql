DECLARE
    v_row jsonb;
    v_schema name;
    v_table name;
BEGIN
    SELECT n.nspname, c.relname INTO v_schema, v_table
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
    WHERE c.oid = COALESCE(pg_catalog.pg_partition_root(TG_RELID), TG_RELID);
    IF TG_OP = 'DELETE' THEN
        v_row := to_jsonb(OLD);
    ELSE
        v_row := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify(TG_ARGV[0], jsonb_build_object(
        'schema', v_schema,
        'table', v_table,
        'op', TG_OP,
        'row', (SELECT COALESCE(jsonb_object_agg(c.name, v_row -> c.name), '{}'::jsonb)
                FROM unnest(TG_ARGV[1:]) AS c(name)))::text);
    RETURN NULL;
END
