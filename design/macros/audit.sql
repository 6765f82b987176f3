-- What `audit: true` expands into (reference expansion for the builder; schemagen
-- renders the equivalent from templates). Rendered once, when the first table is
-- audited; the change log's children come from its generated-children rule
-- {interval: 1 month, start: <audit.start>, ahead: 3, retention: 12 months, default: true}.

CREATE TABLE audit.change_log (
    change_id uuid NOT NULL DEFAULT gen_random_uuid(),
    changed_at timestamp with time zone NOT NULL DEFAULT now(),
    table_schema text NOT NULL,
    table_name text NOT NULL,
    operation text NOT NULL,
    changed_by text NOT NULL DEFAULT SESSION_USER,
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    client_addr inet,
    application_name text,
    old_data jsonb,
    new_data jsonb,
    changed_fields jsonb,
    CONSTRAINT change_log_pkey PRIMARY KEY (change_id, changed_at),
    CONSTRAINT valid_operation CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
) PARTITION BY RANGE (changed_at);
COMMENT ON TABLE audit.change_log IS 'Every change of an audited table''s rows: who, when, from where, old and new row, changed fields.';
CREATE INDEX idx_audit_change_log_table ON audit.change_log (table_schema, table_name, changed_at);
CREATE INDEX idx_audit_change_log_user ON audit.change_log (changed_by, changed_at);
CREATE INDEX idx_audit_change_log_operation ON audit.change_log (operation, changed_at);

CREATE FUNCTION audit.log_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $fn$
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
$fn$;
COMMENT ON FUNCTION audit.log_changes() IS 'AFTER ROW trigger of the audit macro; trigger arguments name columns left out of the log.';

-- per audited table, e.g. audit: {exclude_columns: [token]} on demo.tickets:
-- CREATE TRIGGER audit_tickets AFTER INSERT OR UPDATE OR DELETE ON demo.tickets
--     FOR EACH ROW EXECUTE FUNCTION audit.log_changes('token');
