-- What `updated_at:` and `notify:` expand into, once per schema that uses them
-- (__SCHEMA__ stands for that schema). Reference expansion for the builder.

CREATE FUNCTION __SCHEMA__.set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));
    RETURN NEW;
END
$fn$;
-- updated_at: updated_at on __SCHEMA__.t:
-- CREATE TRIGGER t_set_updated_at BEFORE UPDATE ON __SCHEMA__.t FOR EACH ROW
--     WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION __SCHEMA__.set_updated_at('updated_at');

CREATE FUNCTION __SCHEMA__.notify_change() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
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
$fn$;
-- notify: {channel: agent_events, events: [insert, update], payload_columns: [agent_id, status]}:
-- CREATE TRIGGER t_notify AFTER INSERT OR UPDATE ON __SCHEMA__.t FOR EACH ROW
--     EXECUTE FUNCTION __SCHEMA__.notify_change('agent_events', 'agent_id', 'status');
