DECLARE
    v_skip text[] := COALESCE(TG_ARGV, '{}'::text[]);
    v_old jsonb;
    v_new jsonb;
    v_changed jsonb;
    v_schema name;
    v_table name;
BEGIN
    -- a row trigger on a partitioned table fires with the partition's name: log the root
    SELECT n.nspname, c.relname INTO v_schema, v_table
    FROM pg_class AS c
    JOIN pg_namespace AS n ON n.oid = c.relnamespace
    WHERE c.oid = COALESCE(pg_partition_root(TG_RELID), TG_RELID);
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        v_old := to_jsonb(OLD) - v_skip;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        v_new := to_jsonb(NEW) - v_skip;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT COALESCE(jsonb_object_agg(n.key, n.value), '{}'::jsonb) INTO v_changed
        FROM jsonb_each(v_new) AS n
        WHERE n.value IS DISTINCT FROM v_old -> n.key;
    END IF;
    INSERT INTO audit.change_log
        (table_schema, table_name, operation, changed_by, client_addr, application_name,
         old_data, new_data, changed_fields)
    VALUES
        (v_schema, v_table, TG_OP, SESSION_USER, inet_client_addr(),
         current_setting('application_name'), v_old, v_new, v_changed);
    RETURN NULL;
END
