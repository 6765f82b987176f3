-- schemagen migration 0001_initial (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- hazard: changes_visibility: alters table agents.registry (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

CREATE SCHEMA agents;

CREATE SCHEMA audit;

CREATE SCHEMA knowledge;

CREATE SCHEMA messages;

CREATE SCHEMA monitoring;

CREATE SCHEMA partitions;

CREATE SCHEMA sessions;

CREATE SCHEMA tasks;

CREATE EXTENSION IF NOT EXISTS vector;

DO $do$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_analytics') THEN
        CREATE ROLE app_analytics NOLOGIN INHERIT;
    END IF;
END
$do$;

COMMENT ON ROLE app_analytics IS 'Analytics pool - reads application rows, audit reports and monitoring data.';

DO $do$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_reader') THEN
        CREATE ROLE app_reader NOLOGIN INHERIT;
    END IF;
END
$do$;

DO $do$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_maintenance') THEN
        CREATE ROLE app_maintenance NOLOGIN INHERIT;
    END IF;
END
$do$;

GRANT app_reader TO app_maintenance;

COMMENT ON ROLE app_maintenance IS 'Background pool - partition maintenance, plan capture, index recommendations. Reads what the reader reads, so that it can EXPLAIN captured queries.';

COMMENT ON ROLE app_reader IS 'Replica pool - reads application rows; agents through agents.registry_masked, sessions without tokens.';

DO $do$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_writer') THEN
        CREATE ROLE app_writer NOLOGIN INHERIT;
    END IF;
END
$do$;

COMMENT ON ROLE app_writer IS 'Primary pool - reads and writes application rows.';

COMMENT ON SCHEMA agents IS 'Agent metadata, state, checkpoints and lifecycle history.';

COMMENT ON SCHEMA audit IS 'Change history of the audited tables. audit.change_log and audit.log_changes() come from the audit macro (audit: true on agents.registry, agents.state and tasks.queue); this file adds the reports and the masking helpers.';

COMMENT ON SCHEMA knowledge IS 'Long-term knowledge - facts about entities and their vector embeddings for semantic search.';

COMMENT ON SCHEMA messages IS 'Inter-agent communication - channels, subscriptions and the message log.';

COMMENT ON SCHEMA monitoring IS 'Connection and query monitoring, alert thresholds, the query plan repository and index recommendations. Functions that read pg_stat_statements find it at run time and return nothing (with a NOTICE) where it is not installed or not preloaded.';

COMMENT ON SCHEMA partitions IS 'Partition maintenance. partitions.run_maintenance(p_now) is generated from the range rules of agents.lifecycle_events, tasks.executions, messages.log and audit.change_log: it creates the periods ahead and drops those past retention. A scheduler (pg_cron, or the framework''s background pool as app_maintenance) calls it once a day.';

COMMENT ON SCHEMA sessions IS 'Live user and agent sessions.';

COMMENT ON SCHEMA tasks IS 'Task queue, dependencies between tasks, and execution history.';

CREATE DOMAIN agents.agent_id AS uuid;

COMMENT ON DOMAIN agents.agent_id IS 'Identifies an agent. Nullable on purpose: columns that must be set say not null themselves (a NOT NULL domain would make every optional reference, such as a root agent''s parent, impossible to leave empty).';

CREATE TYPE agents.agent_status AS ENUM (
    'initializing',
    'active',
    'idle',
    'suspended',
    'terminated',
    'error'
);

COMMENT ON TYPE agents.agent_status IS 'Where an agent is in its lifecycle.';

CREATE DOMAIN messages.message_id AS uuid;

COMMENT ON DOMAIN messages.message_id IS 'Identifies a message. Nullable on purpose, like agents.agent_id.';

CREATE TYPE messages.message_type AS ENUM (
    'command',
    'query',
    'response',
    'notification',
    'heartbeat',
    'error'
);

COMMENT ON TYPE messages.message_type IS 'What a message is for.';

CREATE DOMAIN tasks.task_id AS uuid;

COMMENT ON DOMAIN tasks.task_id IS 'Identifies a task. Nullable on purpose, like agents.agent_id.';

CREATE TYPE tasks.task_priority AS ENUM (
    'low',
    'normal',
    'high',
    'urgent',
    'critical'
);

COMMENT ON TYPE tasks.task_priority IS 'Scheduling priority, lowest first (ORDER BY priority DESC takes the most urgent).';

CREATE TYPE tasks.task_status AS ENUM (
    'pending',
    'queued',
    'running',
    'paused',
    'completed',
    'failed',
    'cancelled'
);

COMMENT ON TYPE tasks.task_status IS 'Where a task (or one execution of it) stands.';

CREATE OR REPLACE FUNCTION agents.notify_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
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
$body$;

COMMENT ON FUNCTION agents.notify_change() IS 'AFTER ROW trigger of the notify macro: pg_notify(channel, compact JSON of the row''s named columns).';

CREATE OR REPLACE FUNCTION agents.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));
    RETURN NEW;
END
$body$;

COMMENT ON FUNCTION agents.set_updated_at() IS 'BEFORE UPDATE trigger of the updated_at macro: sets the column named by the argument to now().';

CREATE OR REPLACE FUNCTION agents.validate_agent_metadata(metadata jsonb)
RETURNS boolean
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $body$SELECT metadata = '{}'::jsonb
  OR (metadata ? 'created_at' AND metadata ? 'version'
      AND (metadata ->> 'created_at') ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}')$body$;

COMMENT ON FUNCTION agents.validate_agent_metadata(jsonb) IS 'Agent metadata is empty, or carries created_at (ISO 8601 timestamp) and version. Used by the valid_metadata CHECK of agents.registry.';

CREATE OR REPLACE FUNCTION audit.log_changes()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $body$DECLARE
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
$body$;

COMMENT ON FUNCTION audit.log_changes() IS 'AFTER ROW trigger of the audit macro; trigger arguments name columns left out of the log.';

CREATE OR REPLACE FUNCTION audit.mask_email(email text)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT PARALLEL SAFE
AS $body$SELECT CASE
         WHEN email = '' OR position('@' IN email) = 0 THEN email
         ELSE left(split_part(email, '@', 1), 2) || '****@' || split_part(email, '@', 2)
       END
$body$;

COMMENT ON FUNCTION audit.mask_email(text) IS 'Masks the local part of an e-mail address: jo****@example.com.';

CREATE OR REPLACE FUNCTION audit.mask_phone(phone text)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT PARALLEL SAFE
AS $body$SELECT CASE WHEN length(phone) < 4 THEN phone ELSE '***-***-' || right(phone, 4) END$body$;

COMMENT ON FUNCTION audit.mask_phone(text) IS 'Keeps the last four digits of a phone number: ***-***-1234.';

CREATE OR REPLACE FUNCTION knowledge.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));
    RETURN NEW;
END
$body$;

COMMENT ON FUNCTION knowledge.set_updated_at() IS 'BEFORE UPDATE trigger of the updated_at macro: sets the column named by the argument to now().';

CREATE OR REPLACE FUNCTION messages.notify_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
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
$body$;

COMMENT ON FUNCTION messages.notify_change() IS 'AFTER ROW trigger of the notify macro: pg_notify(channel, compact JSON of the row''s named columns).';

CREATE OR REPLACE FUNCTION monitoring.analyze_index_usage()
RETURNS TABLE (schema_name text, table_name text, index_name text, index_size text, index_scans bigint, tuples_read bigint, tuples_fetched bigint, usage_ratio numeric, recommendation text)
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$SELECT s.schemaname::text, s.relname::text, s.indexrelname::text,
       pg_size_pretty(pg_relation_size(s.indexrelid)),
       s.idx_scan, s.idx_tup_read, s.idx_tup_fetch, s.efficiency,
       CASE WHEN s.indisunique THEN 'Enforces uniqueness - keep'
            WHEN s.idx_scan = 0 THEN 'Consider dropping - never used'
            WHEN s.idx_scan < 100 THEN 'Low usage - review necessity'
            WHEN s.efficiency < 10 THEN 'Low efficiency - review index definition'
            WHEN s.efficiency > 90 THEN 'Highly efficient'
            ELSE 'Normal usage' END
FROM (SELECT u.*, i.indisunique,
             CASE WHEN u.idx_tup_read = 0 THEN 0::numeric
                  ELSE round(u.idx_tup_fetch::numeric / u.idx_tup_read * 100, 2) END AS efficiency
      FROM pg_catalog.pg_stat_user_indexes u
      JOIN pg_catalog.pg_index i ON i.indexrelid = u.indexrelid) s
ORDER BY s.idx_scan, s.efficiency
$body$;

COMMENT ON FUNCTION monitoring.analyze_index_usage() IS 'Every user index with its size, scans and fetch ratio, and what to do about it.';

CREATE OR REPLACE FUNCTION monitoring.auto_capture_slow_queries()
RETURNS integer
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
  v_pss regclass := monitoring.pg_stat_statements_relation();
  v_query record;
  v_count integer := 0;
BEGIN
  IF v_pss IS NULL THEN
    RETURN 0;
  END IF;
  FOR v_query IN EXECUTE format(
    'SELECT q.query_hash, q.query_text, q.mean_exec_time
     FROM (SELECT DISTINCT ON (s.queryid)
                  s.queryid::text AS query_hash, s.query AS query_text,
                  s.mean_exec_time::numeric AS mean_exec_time
           FROM %s s
           WHERE s.dbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
             AND s.mean_exec_time > 1000
             AND s.query NOT LIKE ''%%pg_stat%%''
           ORDER BY s.queryid, s.mean_exec_time DESC) q
     WHERE NOT EXISTS (SELECT 1 FROM monitoring.query_plans p
                       WHERE p.query_hash = q.query_hash
                         AND p.captured_at > now() - interval ''1 day'')
     ORDER BY q.mean_exec_time DESC
     LIMIT 10', v_pss)
  LOOP
    PERFORM monitoring.capture_slow_query_plan(v_query.query_hash, v_query.query_text, v_query.mean_exec_time);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END
$body$;

COMMENT ON FUNCTION monitoring.auto_capture_slow_queries() IS 'Captures the plans of up to 10 statements of this database slower than 1 s on average and not captured in the last day; returns how many.';

CREATE OR REPLACE FUNCTION monitoring.capture_slow_query_plan(p_query_hash text, p_query_text text, p_mean_exec_time numeric)
RETURNS uuid
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
  v_plan jsonb;
  v_plan_id uuid;
BEGIN
  IF p_query_text !~* '^\s*select\M' OR position(';' IN rtrim(p_query_text, '; ')) > 0 THEN
    v_plan := jsonb_build_object('error', 'not explained: only a single SELECT statement is');
  ELSE
    BEGIN
      EXECUTE 'EXPLAIN (FORMAT JSON) ' || p_query_text INTO v_plan;
    EXCEPTION WHEN OTHERS THEN
      v_plan := jsonb_build_object('error', SQLERRM);
    END;
  END IF;
  INSERT INTO monitoring.query_plans (query_hash, query_text, plan_json, execution_stats, mean_exec_time_ms)
  VALUES (p_query_hash, p_query_text, v_plan,
          jsonb_build_object('captured_at', now(), 'mean_exec_time_ms', p_mean_exec_time),
          p_mean_exec_time)
  RETURNING plan_id INTO v_plan_id;
  RETURN v_plan_id;
END
$body$;

COMMENT ON FUNCTION monitoring.capture_slow_query_plan(text, text, numeric) IS 'Stores the plan of one statement in query_plans. Only single SELECT statements are explained, and without ANALYZE, so nothing is executed.';

CREATE OR REPLACE FUNCTION monitoring.check_connection_pool_health()
RETURNS TABLE (pool_name text, total_connections integer, active_connections integer, idle_connections integer, idle_in_transaction integer, max_connections integer, health_status text, recommendations text[])
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$WITH s AS (
  SELECT count(*)::integer AS total,
         (count(*) FILTER (WHERE a.state = 'active'))::integer AS active,
         (count(*) FILTER (WHERE a.state = 'idle'))::integer AS idle,
         (count(*) FILTER (WHERE a.state = 'idle in transaction'))::integer AS idle_tx,
         current_setting('max_connections')::integer AS max_conn
  FROM pg_catalog.pg_stat_activity a
  WHERE a.datname = current_database()
)
SELECT 'application_pool'::text, s.total, s.active, s.idle, s.idle_tx, s.max_conn,
       CASE WHEN s.total > s.max_conn * 0.9 THEN 'critical'
            WHEN s.total > s.max_conn * 0.8 THEN 'warning'
            ELSE 'healthy' END,
       array_remove(ARRAY[
         CASE WHEN s.total > s.max_conn * 0.8 THEN 'Connection count approaching maximum' END,
         CASE WHEN s.idle_tx > 5 THEN 'High number of idle in transaction connections' END,
         CASE WHEN s.active > s.total * 0.7 THEN 'High ratio of active connections - consider scaling' END
       ], NULL)
FROM s
$body$;

COMMENT ON FUNCTION monitoring.check_connection_pool_health() IS 'Connection counts of the current database against max_connections, with a status and advice.';

CREATE OR REPLACE FUNCTION monitoring.check_query_performance_alerts()
RETURNS TABLE (alert_level text, metric_name text, query_hash text, mean_time_ms numeric, calls bigint, message text)
LANGUAGE plpgsql
STABLE PARALLEL UNSAFE
AS $body$DECLARE
  v_pss regclass := monitoring.pg_stat_statements_relation();
  v_warning numeric;
  v_critical numeric;
BEGIN
  SELECT t.warning_threshold, t.critical_threshold INTO v_warning, v_critical
  FROM monitoring.alert_thresholds t
  WHERE t.metric_name = 'query_execution_time_ms' AND t.enabled;
  IF v_pss IS NULL OR v_warning IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT CASE WHEN s.mean_exec_time > $2 THEN ''CRITICAL'' ELSE ''WARNING'' END,
            ''query_execution_time_ms''::text, s.queryid::text, s.mean_exec_time::numeric, s.calls,
            format(''Query averaging %%sms over %%s calls'', round(s.mean_exec_time::numeric, 1), s.calls)
     FROM %s s
     WHERE s.mean_exec_time > $1
     ORDER BY s.mean_exec_time DESC', v_pss)
  USING v_warning, v_critical;
END
$body$;

COMMENT ON FUNCTION monitoring.check_query_performance_alerts() IS 'Statements whose mean time crosses the query_execution_time_ms thresholds (needs pg_stat_statements).';

CREATE OR REPLACE FUNCTION monitoring.generate_index_recommendations()
RETURNS integer
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
  v_pss regclass := monitoring.pg_stat_statements_relation();
  v_table record;
  v_columns text[];
  v_count integer := 0;
BEGIN
  UPDATE monitoring.index_recommendations
  SET status = 'obsolete'
  WHERE status = 'pending' AND created_at < now() - interval '30 days';
  IF v_pss IS NULL THEN
    RETURN 0;
  END IF;
  FOR v_table IN
    SELECT t.schemaname::text AS schema_name, t.relname::text AS table_name, t.relid,
           t.seq_scan, t.seq_tup_read,
           t.seq_scan::numeric / NULLIF(t.seq_scan + COALESCE(t.idx_scan, 0), 0) AS seq_scan_ratio
    FROM pg_catalog.pg_stat_user_tables t
    WHERE t.n_live_tup > 1000
      AND t.seq_scan > 100
      AND t.seq_scan::numeric / NULLIF(t.seq_scan + COALESCE(t.idx_scan, 0), 0) > 0.5
    ORDER BY t.seq_tup_read DESC
    LIMIT 20
  LOOP
    EXECUTE format(
      'SELECT array_agg(c.column_name ORDER BY c.usage_count DESC, c.column_name)
       FROM (SELECT a.attname::text AS column_name, count(*) AS usage_count
             FROM %s q
             JOIN pg_catalog.pg_attribute a
               ON a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
             WHERE q.query ILIKE ''%%'' || $2 || ''%%''
               AND q.query ILIKE ''%%where%%''
               AND q.mean_exec_time > 50
               AND q.query ILIKE ''%%'' || a.attname || ''%%''
             GROUP BY a.attname
             HAVING count(*) > 5) c', v_pss)
    INTO v_columns
    USING v_table.relid, v_table.table_name;
    CONTINUE WHEN v_columns IS NULL;
    INSERT INTO monitoring.index_recommendations
      (schema_name, table_name, column_names, recommendation_reason, estimated_benefit, scan_count, tuple_count)
    VALUES (v_table.schema_name, v_table.table_name, v_columns,
            format('High sequential scan ratio (%s%%) with %s scans reading %s tuples',
                   round(v_table.seq_scan_ratio * 100, 1), v_table.seq_scan, v_table.seq_tup_read),
            CASE WHEN v_table.seq_scan_ratio > 0.9 THEN 'Critical - 80%+ improvement expected'
                 WHEN v_table.seq_scan_ratio > 0.7 THEN 'High - 60%+ improvement expected'
                 ELSE 'Medium - 40%+ improvement expected' END,
            v_table.seq_scan, v_table.seq_tup_read)
    ON CONFLICT (schema_name, table_name, column_names) WHERE status = 'pending' DO NOTHING;
    IF FOUND THEN
      v_count := v_count + 1;
    END IF;
  END LOOP;
  RETURN v_count;
END
$body$;

COMMENT ON FUNCTION monitoring.generate_index_recommendations() IS 'Records a pending recommendation for each table with a high sequential scan ratio whose slow queries (pg_stat_statements) filter on the same columns; marks pending ones older than 30 days obsolete. Returns how many it added.';

CREATE OR REPLACE FUNCTION monitoring.pg_stat_statements_relation()
RETURNS regclass
LANGUAGE plpgsql
STABLE PARALLEL UNSAFE
AS $body$DECLARE
  v_schema name;
BEGIN
  SELECT n.nspname INTO v_schema
  FROM pg_catalog.pg_extension e
  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
  WHERE e.extname = 'pg_stat_statements';
  IF v_schema IS NULL THEN
    RAISE NOTICE 'pg_stat_statements is not installed (CREATE EXTENSION pg_stat_statements)';
    RETURN NULL;
  END IF;
  IF NOT 'pg_stat_statements' = ANY (string_to_array(
         replace(current_setting('shared_preload_libraries'), ' ', ''), ',')) THEN
    RAISE NOTICE 'pg_stat_statements is not loaded (add it to shared_preload_libraries)';
    RETURN NULL;
  END IF;
  RETURN format('%I.pg_stat_statements', v_schema)::regclass;
END
$body$;

COMMENT ON FUNCTION monitoring.pg_stat_statements_relation() IS 'The pg_stat_statements view if the extension is installed and preloaded, else NULL (with a NOTICE).';

CREATE OR REPLACE FUNCTION monitoring.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));
    RETURN NEW;
END
$body$;

COMMENT ON FUNCTION monitoring.set_updated_at() IS 'BEFORE UPDATE trigger of the updated_at macro: sets the column named by the argument to now().';

CREATE OR REPLACE FUNCTION partitions.run_maintenance(p_now timestamp with time zone DEFAULT now())
RETURNS TABLE (action text, partition_name text)
LANGUAGE plpgsql
VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET "TimeZone" = 'UTC'
AS $body$DECLARE
    r record;
    v_from timestamptz;
    v_to timestamptz;
    v_name text;
    v_child record;
BEGIN
    FOR r IN
        SELECT *
        FROM jsonb_to_recordset('[{"ahead": 7, "key_column": "created_at", "name_format": "YYYY_MM_DD", "retention": "30 days", "schema_name": "agents", "start_at": "2026-01-01 00:00:00+00", "step": "1 day", "table_name": "lifecycle_events"}, {"ahead": 3, "key_column": "changed_at", "name_format": "YYYY_MM", "retention": "12 months", "schema_name": "audit", "start_at": "2026-01-01 00:00:00+00", "step": "1 month", "table_name": "change_log"}, {"ahead": 7, "key_column": "sent_at", "name_format": "YYYY_MM_DD", "retention": "30 days", "schema_name": "messages", "start_at": "2026-01-01 00:00:00+00", "step": "1 day", "table_name": "log"}, {"ahead": 7, "key_column": "started_at", "name_format": "YYYY_MM_DD", "retention": "30 days", "schema_name": "tasks", "start_at": "2026-01-01 00:00:00+00", "step": "1 day", "table_name": "executions"}]'::jsonb)
            AS t (schema_name text, table_name text, key_column text, start_at timestamptz,
                  step interval, name_format text, ahead integer, retention interval)
    LOOP
        -- the period that contains p_now (periods are aligned on start_at)
        v_from := r.start_at;
        WHILE v_from + r.step <= p_now LOOP
            v_from := v_from + r.step;
        END LOOP;
        -- create this period and `ahead` more, moving rows out of the default partition
        FOR i IN 0 .. r.ahead LOOP
            v_to := v_from + r.step;
            v_name := r.table_name || '_' || to_char(v_from, r.name_format);
            IF to_regclass(format('%I.%I', r.schema_name, v_name)) IS NULL THEN
                EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                               r.schema_name, v_name, r.schema_name, r.table_name);
                IF to_regclass(format('%I.%I', r.schema_name, r.table_name || '_default')) IS NOT NULL THEN
                    EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE %I >= $1 AND %I < $2 RETURNING *) '
                                   'INSERT INTO %I.%I SELECT * FROM moved',
                                   r.schema_name, r.table_name || '_default', r.key_column, r.key_column,
                                   r.schema_name, v_name)
                    USING v_from, v_to;
                END IF;
                EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                               r.schema_name, r.table_name, r.schema_name, v_name, v_from, v_to);
                action := 'created';
                partition_name := format('%I.%I', r.schema_name, v_name);
                RETURN NEXT;
            END IF;
            v_from := v_to;
        END LOOP;
        -- drop the rule's children whose whole period is older than the retention
        FOR v_child IN
            SELECT c.relname
            FROM pg_inherits AS h
            JOIN pg_class AS c ON c.oid = h.inhrelid
            WHERE h.inhparent = format('%I.%I', r.schema_name, r.table_name)::regclass
              AND c.relname ~ ('^' || r.table_name || '_\d{4}(_\d{2}){0,2}$')
            ORDER BY c.relname
        LOOP
            v_from := to_timestamp(substr(v_child.relname, length(r.table_name) + 2), r.name_format);
            IF r.retention IS NOT NULL AND v_from + r.step <= p_now - r.retention THEN
                EXECUTE format('DROP TABLE %I.%I', r.schema_name, v_child.relname);
                action := 'dropped';
                partition_name := format('%I.%I', r.schema_name, v_child.relname);
                RETURN NEXT;
            END IF;
        END LOOP;
    END LOOP;
END
$body$;

COMMENT ON FUNCTION partitions.run_maintenance(timestamp with time zone) IS 'Creates the range partitions ahead of p_now and drops those past retention, for every table with a range rule.';

CREATE OR REPLACE FUNCTION tasks.notify_change()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$DECLARE
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
$body$;

COMMENT ON FUNCTION tasks.notify_change() IS 'AFTER ROW trigger of the notify macro: pg_notify(channel, compact JSON of the row''s named columns).';

CREATE OR REPLACE FUNCTION tasks.set_updated_at()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE PARALLEL UNSAFE
AS $body$BEGIN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], now()));
    RETURN NEW;
END
$body$;

COMMENT ON FUNCTION tasks.set_updated_at() IS 'BEFORE UPDATE trigger of the updated_at macro: sets the column named by the argument to now().';

CREATE TABLE agents.checkpoints (
    checkpoint_id uuid DEFAULT gen_random_uuid() NOT NULL,
    agent_id agents.agent_id NOT NULL,
    checkpoint_name character varying(255),
    state_snapshot jsonb NOT NULL,
    kv_revision bigint,
    trigger_event character varying(100),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT checkpoints_pkey PRIMARY KEY (checkpoint_id),
    CONSTRAINT valid_checkpoint_name CHECK (checkpoint_name IS NULL OR length(checkpoint_name) > 0)
);

COMMENT ON TABLE agents.checkpoints IS 'Snapshots of an agent''s state for recovery and rollback, tied to a JetStream KV revision.';

COMMENT ON COLUMN agents.checkpoints.kv_revision IS 'The JetStream KV revision this snapshot matches.';

CREATE INDEX idx_agents_checkpoints_agent_created ON agents.checkpoints USING btree (agent_id, created_at);

CREATE INDEX idx_agents_checkpoints_name ON agents.checkpoints USING btree (checkpoint_name) WHERE (checkpoint_name IS NOT NULL);

CREATE TABLE agents.lifecycle_events (
    event_id uuid DEFAULT gen_random_uuid() NOT NULL,
    agent_id agents.agent_id NOT NULL,
    event_type character varying(50) NOT NULL,
    previous_status agents.agent_status,
    new_status agents.agent_status,
    event_data jsonb DEFAULT '{}' NOT NULL,
    triggered_by agents.agent_id,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT lifecycle_events_pkey PRIMARY KEY (event_id, created_at),
    CONSTRAINT status_change CHECK ((previous_status IS NULL AND new_status IS NULL) OR (new_status IS NOT NULL AND previous_status IS DISTINCT FROM new_status)),
    CONSTRAINT valid_event_type CHECK (length(event_type) > 0)
)
PARTITION BY RANGE (created_at);

COMMENT ON TABLE agents.lifecycle_events IS 'What happened to each agent and when (status changes and other events), for audit and debugging. Range-partitioned by day on created_at (kept 30 days), hence created_at in the primary key.';

COMMENT ON COLUMN agents.lifecycle_events.new_status IS 'Set for a status change; empty (like previous_status) for any other event.';

COMMENT ON COLUMN agents.lifecycle_events.triggered_by IS 'The agent that caused the event, if any.';

CREATE INDEX idx_agents_lifecycle_agent_created ON agents.lifecycle_events USING btree (agent_id, created_at);

CREATE INDEX idx_agents_lifecycle_event_type ON agents.lifecycle_events USING btree (event_type, created_at);

CREATE INDEX idx_agents_lifecycle_status_change ON agents.lifecycle_events USING btree (new_status, created_at);

CREATE INDEX idx_agents_lifecycle_triggered_by ON agents.lifecycle_events USING btree (triggered_by) WHERE (triggered_by IS NOT NULL);

COMMENT ON INDEX agents.idx_agents_lifecycle_triggered_by IS 'Serves the foreign key to registry (ON DELETE SET NULL) without scanning every partition.';

CREATE TABLE agents.lifecycle_events_2026_01_01 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-01-02 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_02 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-02 00:00:00+00') TO ('2026-01-03 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_03 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-03 00:00:00+00') TO ('2026-01-04 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_04 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-04 00:00:00+00') TO ('2026-01-05 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_05 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-05 00:00:00+00') TO ('2026-01-06 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_06 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-06 00:00:00+00') TO ('2026-01-07 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_07 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-07 00:00:00+00') TO ('2026-01-08 00:00:00+00');

CREATE TABLE agents.lifecycle_events_2026_01_08 PARTITION OF agents.lifecycle_events FOR VALUES FROM ('2026-01-08 00:00:00+00') TO ('2026-01-09 00:00:00+00');

CREATE TABLE agents.lifecycle_events_default PARTITION OF agents.lifecycle_events DEFAULT;

CREATE TABLE agents.registry (
    agent_id agents.agent_id DEFAULT gen_random_uuid() NOT NULL,
    agent_type character varying(50) NOT NULL,
    agent_name character varying(255) NOT NULL,
    status agents.agent_status DEFAULT 'initializing' NOT NULL,
    capabilities jsonb DEFAULT '{}' NOT NULL,
    configuration jsonb DEFAULT '{}' NOT NULL,
    metadata jsonb DEFAULT '{}' NOT NULL,
    parent_agent_id agents.agent_id,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_heartbeat timestamp with time zone,
    CONSTRAINT registry_pkey PRIMARY KEY (agent_id),
    CONSTRAINT no_self_parent CHECK (agent_id <> parent_agent_id),
    CONSTRAINT valid_agent_name CHECK (length(agent_name) > 0),
    CONSTRAINT valid_agent_type CHECK (length(agent_type) > 0),
    CONSTRAINT valid_metadata CHECK (agents.validate_agent_metadata(metadata))
);

COMMENT ON TABLE agents.registry IS 'Every agent the framework knows, with its type, status, capabilities and configuration.';

COMMENT ON COLUMN agents.registry.metadata IS 'Free-form metadata; when not empty it carries created_at (ISO 8601) and version.';

COMMENT ON COLUMN agents.registry.parent_agent_id IS 'The agent that spawned this one; empty for a root agent.';

CREATE INDEX idx_agents_registry_active ON agents.registry USING btree (agent_type, updated_at) WHERE (status = 'active');

CREATE INDEX idx_agents_registry_capabilities_gin ON agents.registry USING gin (capabilities jsonb_path_ops);

CREATE INDEX idx_agents_registry_heartbeat ON agents.registry USING btree (last_heartbeat) WHERE (status = 'active');

CREATE INDEX idx_agents_registry_metadata_gin ON agents.registry USING gin (metadata);

CREATE INDEX idx_agents_registry_parent ON agents.registry USING btree (parent_agent_id) WHERE (parent_agent_id IS NOT NULL);

CREATE INDEX idx_agents_registry_tenant ON agents.registry USING btree ((metadata ->> 'tenant_id'));

CREATE INDEX idx_agents_registry_type_status ON agents.registry USING btree (agent_type, status);

ALTER TABLE agents.registry ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON agents.registry
    AS PERMISSIVE
    FOR ALL
    TO app_analytics, app_reader, app_writer
    USING ((metadata ->> 'tenant_id') = current_setting('app.current_tenant_id', true))
    WITH CHECK ((metadata ->> 'tenant_id') = current_setting('app.current_tenant_id', true));

COMMENT ON POLICY tenant_isolation ON agents.registry IS 'A session sees and writes only the agents of the tenant named by the app.current_tenant_id setting; with the setting unset it sees none.';

CREATE TRIGGER audit_registry
    AFTER INSERT OR UPDATE OR DELETE ON agents.registry
    FOR EACH ROW
    EXECUTE FUNCTION audit.log_changes();

CREATE TRIGGER registry_notify
    AFTER INSERT OR UPDATE OR DELETE ON agents.registry
    FOR EACH ROW
    EXECUTE FUNCTION agents.notify_change('agent_events', 'agent_id', 'agent_type', 'status');

CREATE TRIGGER registry_set_updated_at
    BEFORE UPDATE ON agents.registry
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION agents.set_updated_at('updated_at');

CREATE TABLE agents.state (
    agent_id agents.agent_id NOT NULL,
    state_key character varying(255) NOT NULL,
    state_value jsonb NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    checksum character varying(64),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone,
    CONSTRAINT state_pkey PRIMARY KEY (agent_id, state_key) INCLUDE (version, updated_at),
    CONSTRAINT future_expiry CHECK (expires_at IS NULL OR expires_at > created_at),
    CONSTRAINT valid_state_key CHECK (length(state_key) > 0),
    CONSTRAINT valid_version CHECK (version > 0)
)
PARTITION BY HASH (agent_id);

CREATE OR REPLACE FUNCTION agents.hydrate_agent_state(p_agent_id agents.agent_id)
RETURNS TABLE (state_key character varying, state_value jsonb)
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$SELECT s.state_key, s.state_value
FROM agents.state s
WHERE s.agent_id = p_agent_id
  AND (s.expires_at IS NULL OR s.expires_at > now())
ORDER BY s.updated_at DESC
$body$;

COMMENT ON FUNCTION agents.hydrate_agent_state(agents.agent_id) IS 'An agent''s live state entries, newest first, to load into JetStream KV at startup.';

COMMENT ON TABLE agents.state IS 'Versioned key/value state of each agent (the authoritative copy behind the JetStream KV cache), hash-partitioned by agent_id into 8 partitions.';

COMMENT ON COLUMN agents.state.checksum IS 'SHA-256 of state_value, for integrity checks.';

COMMENT ON COLUMN agents.state.expires_at IS 'Optional time to live; empty means the entry does not expire.';

CREATE INDEX idx_agents_state_agent_updated ON agents.state USING btree (agent_id, updated_at);

CREATE INDEX idx_agents_state_expires ON agents.state USING btree (expires_at) WHERE (expires_at IS NOT NULL);

CREATE INDEX idx_agents_state_json_path ON agents.state USING gin ((state_value -> 'computed_fields'));

CREATE INDEX idx_agents_state_updated ON agents.state USING btree (updated_at);

CREATE INDEX idx_agents_state_value_gin ON agents.state USING gin (state_value);

CREATE TRIGGER audit_state
    AFTER INSERT OR UPDATE OR DELETE ON agents.state
    FOR EACH ROW
    EXECUTE FUNCTION audit.log_changes();

CREATE TRIGGER state_set_updated_at
    BEFORE UPDATE ON agents.state
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION agents.set_updated_at('updated_at');

CREATE TABLE agents.state_p0 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 0);

CREATE TABLE agents.state_p1 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 1);

CREATE TABLE agents.state_p2 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 2);

CREATE TABLE agents.state_p3 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 3);

CREATE TABLE agents.state_p4 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 4);

CREATE TABLE agents.state_p5 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 5);

CREATE TABLE agents.state_p6 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 6);

CREATE TABLE agents.state_p7 PARTITION OF agents.state FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE TABLE audit.change_log (
    change_id uuid DEFAULT gen_random_uuid() NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL,
    table_schema text NOT NULL,
    table_name text NOT NULL,
    operation text NOT NULL,
    changed_by text DEFAULT SESSION_USER NOT NULL,
    transaction_id xid8 DEFAULT pg_current_xact_id() NOT NULL,
    client_addr inet,
    application_name text,
    old_data jsonb,
    new_data jsonb,
    changed_fields jsonb,
    CONSTRAINT change_log_pkey PRIMARY KEY (change_id, changed_at),
    CONSTRAINT valid_operation CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
)
PARTITION BY RANGE (changed_at);

COMMENT ON TABLE audit.change_log IS 'Every change of an audited table''s rows: who, when, from where, old and new row, changed fields.';

CREATE INDEX idx_audit_change_log_operation ON audit.change_log USING btree (operation, changed_at);

CREATE INDEX idx_audit_change_log_table ON audit.change_log USING btree (table_schema, table_name, changed_at);

CREATE INDEX idx_audit_change_log_user ON audit.change_log USING btree (changed_by, changed_at);

CREATE TABLE audit.change_log_2026_01 PARTITION OF audit.change_log FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');

CREATE TABLE audit.change_log_2026_02 PARTITION OF audit.change_log FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');

CREATE TABLE audit.change_log_2026_03 PARTITION OF audit.change_log FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

CREATE TABLE audit.change_log_2026_04 PARTITION OF audit.change_log FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');

CREATE TABLE audit.change_log_default PARTITION OF audit.change_log DEFAULT;

CREATE TABLE knowledge.embeddings (
    embedding_id uuid DEFAULT gen_random_uuid() NOT NULL,
    fact_id uuid NOT NULL,
    embedding_model character varying(100) NOT NULL,
    embedding_version character varying(20) NOT NULL,
    embedding_vector public.vector(1536),
    text_content text NOT NULL,
    content_hash character varying(64) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT embeddings_pkey PRIMARY KEY (embedding_id),
    CONSTRAINT valid_embedding_model CHECK (length(embedding_model) > 0),
    CONSTRAINT valid_text_content CHECK (length(text_content) > 0)
);

COMMENT ON TABLE knowledge.embeddings IS 'Vector embeddings of facts'' text for semantic (cosine) similarity search.';

COMMENT ON COLUMN knowledge.embeddings.embedding_vector IS 'The embedding; 1536 dimensions (change with the model).';

COMMENT ON COLUMN knowledge.embeddings.content_hash IS 'SHA-256 of text_content.';

CREATE INDEX idx_knowledge_embeddings_fact ON knowledge.embeddings USING btree (fact_id);

CREATE INDEX idx_knowledge_embeddings_hash ON knowledge.embeddings USING btree (content_hash);

CREATE INDEX idx_knowledge_embeddings_model ON knowledge.embeddings USING btree (embedding_model, embedding_version);

CREATE INDEX idx_knowledge_embeddings_vector ON knowledge.embeddings USING hnsw (embedding_vector vector_cosine_ops);

CREATE TABLE knowledge.facts (
    fact_id uuid DEFAULT gen_random_uuid() NOT NULL,
    entity_type character varying(100) NOT NULL,
    entity_id character varying(255) NOT NULL,
    predicate character varying(255) NOT NULL,
    object_value jsonb NOT NULL,
    object_type character varying(50) NOT NULL,
    source_agent_id agents.agent_id,
    confidence_score numeric(3,2),
    evidence jsonb DEFAULT '{}' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    valid_from timestamp with time zone DEFAULT now() NOT NULL,
    valid_until timestamp with time zone,
    CONSTRAINT facts_pkey PRIMARY KEY (fact_id),
    CONSTRAINT facts_confidence_score_check CHECK (confidence_score BETWEEN 0.0 AND 1.0),
    CONSTRAINT valid_entity_id CHECK (length(entity_id) > 0),
    CONSTRAINT valid_entity_type CHECK (length(entity_type) > 0),
    CONSTRAINT valid_predicate CHECK (length(predicate) > 0),
    CONSTRAINT valid_validity_period CHECK (valid_until IS NULL OR valid_until > valid_from)
);

COMMENT ON TABLE knowledge.facts IS 'Subject-predicate-object facts about entities, with the agent that stated them, a confidence score, evidence and a validity period.';

COMMENT ON COLUMN knowledge.facts.object_type IS 'Kind of object_value; ''text'' facts carry object_value.text_content and are full-text indexed.';

COMMENT ON COLUMN knowledge.facts.valid_until IS 'End of validity; empty while the fact holds.';

CREATE INDEX idx_knowledge_facts_confidence ON knowledge.facts USING btree (confidence_score DESC, created_at);

CREATE INDEX idx_knowledge_facts_entity_predicate ON knowledge.facts USING btree (entity_type, entity_id, predicate, valid_from);

CREATE INDEX idx_knowledge_facts_object_gin ON knowledge.facts USING gin (object_value);

CREATE INDEX idx_knowledge_facts_predicate ON knowledge.facts USING btree (predicate, created_at);

CREATE INDEX idx_knowledge_facts_source ON knowledge.facts USING btree (source_agent_id, created_at);

CREATE INDEX idx_knowledge_facts_text_search ON knowledge.facts USING gin ((to_tsvector('english', object_value ->> 'text_content'))) WHERE (object_type = 'text');

CREATE INDEX idx_knowledge_facts_validity ON knowledge.facts USING btree (valid_from, valid_until);

CREATE TRIGGER facts_set_updated_at
    BEFORE UPDATE ON knowledge.facts
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION knowledge.set_updated_at('updated_at');

CREATE TABLE messages.channels (
    channel_id uuid DEFAULT gen_random_uuid() NOT NULL,
    channel_name character varying(255) NOT NULL,
    channel_type character varying(50) NOT NULL,
    description text,
    configuration jsonb DEFAULT '{}' NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT channels_pkey PRIMARY KEY (channel_id),
    CONSTRAINT channels_channel_name_key UNIQUE (channel_name),
    CONSTRAINT valid_channel_name CHECK (length(channel_name) > 0),
    CONSTRAINT valid_channel_type CHECK (channel_type IN ('broadcast', 'direct', 'topic', 'queue'))
);

COMMENT ON TABLE messages.channels IS 'Named communication channels (broadcast, direct, topic or queue) and their configuration.';

CREATE INDEX idx_messages_channels_type_active ON messages.channels USING btree (channel_type, is_active);

CREATE TABLE messages.log (
    message_id messages.message_id DEFAULT gen_random_uuid() NOT NULL,
    channel_id uuid,
    from_agent_id agents.agent_id,
    to_agent_id agents.agent_id,
    broadcast_to_type character varying(50),
    message_type messages.message_type NOT NULL,
    subject character varying(255),
    payload jsonb DEFAULT '{}' NOT NULL,
    headers jsonb DEFAULT '{}' NOT NULL,
    correlation_id uuid,
    reply_to character varying(255),
    sent_at timestamp with time zone DEFAULT now() NOT NULL,
    delivered_at timestamp with time zone,
    processed_at timestamp with time zone,
    delivery_attempts integer DEFAULT 0 NOT NULL,
    priority integer DEFAULT 0 NOT NULL,
    expires_at timestamp with time zone,
    is_persistent boolean DEFAULT true NOT NULL,
    CONSTRAINT log_pkey PRIMARY KEY (message_id, sent_at),
    CONSTRAINT routing_consistency CHECK ((to_agent_id IS NOT NULL AND broadcast_to_type IS NULL) OR (to_agent_id IS NULL AND broadcast_to_type IS NOT NULL) OR message_type = 'heartbeat'),
    CONSTRAINT valid_delivery_attempts CHECK (delivery_attempts >= 0),
    CONSTRAINT valid_priority CHECK (priority BETWEEN 0 AND 10)
)
PARTITION BY RANGE (sent_at);

COMMENT ON TABLE messages.log IS 'Every message sent between agents, with routing, delivery and processing times. Range-partitioned by day on sent_at (kept 30 days), hence sent_at in the primary key. New messages are also announced on the agent_messages notification channel for the message bus.';

COMMENT ON COLUMN messages.log.broadcast_to_type IS 'Agent type addressed by a broadcast (instead of to_agent_id).';

COMMENT ON COLUMN messages.log.correlation_id IS 'Ties a response to its request.';

COMMENT ON COLUMN messages.log.reply_to IS 'Where a response should be routed.';

CREATE INDEX idx_messages_log_channel_sent ON messages.log USING btree (channel_id, sent_at);

CREATE INDEX idx_messages_log_correlation ON messages.log USING btree (correlation_id) WHERE (correlation_id IS NOT NULL);

CREATE INDEX idx_messages_log_from_sent ON messages.log USING btree (from_agent_id, sent_at);

CREATE INDEX idx_messages_log_routing ON messages.log USING btree (from_agent_id, to_agent_id, sent_at) WHERE (delivered_at IS NULL);

CREATE INDEX idx_messages_log_to_sent ON messages.log USING btree (to_agent_id, sent_at);

CREATE INDEX idx_messages_log_type_sent ON messages.log USING btree (message_type, sent_at);

CREATE INDEX idx_messages_log_undelivered ON messages.log USING btree (sent_at) WHERE (delivered_at IS NULL);

CREATE TRIGGER log_notify
    AFTER INSERT ON messages.log
    FOR EACH ROW
    EXECUTE FUNCTION messages.notify_change('agent_messages', 'message_id', 'channel_id', 'to_agent_id', 'broadcast_to_type', 'message_type');

CREATE TABLE messages.log_2026_01_01 PARTITION OF messages.log FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-01-02 00:00:00+00');

CREATE TABLE messages.log_2026_01_02 PARTITION OF messages.log FOR VALUES FROM ('2026-01-02 00:00:00+00') TO ('2026-01-03 00:00:00+00');

CREATE TABLE messages.log_2026_01_03 PARTITION OF messages.log FOR VALUES FROM ('2026-01-03 00:00:00+00') TO ('2026-01-04 00:00:00+00');

CREATE TABLE messages.log_2026_01_04 PARTITION OF messages.log FOR VALUES FROM ('2026-01-04 00:00:00+00') TO ('2026-01-05 00:00:00+00');

CREATE TABLE messages.log_2026_01_05 PARTITION OF messages.log FOR VALUES FROM ('2026-01-05 00:00:00+00') TO ('2026-01-06 00:00:00+00');

CREATE TABLE messages.log_2026_01_06 PARTITION OF messages.log FOR VALUES FROM ('2026-01-06 00:00:00+00') TO ('2026-01-07 00:00:00+00');

CREATE TABLE messages.log_2026_01_07 PARTITION OF messages.log FOR VALUES FROM ('2026-01-07 00:00:00+00') TO ('2026-01-08 00:00:00+00');

CREATE TABLE messages.log_2026_01_08 PARTITION OF messages.log FOR VALUES FROM ('2026-01-08 00:00:00+00') TO ('2026-01-09 00:00:00+00');

CREATE TABLE messages.log_default PARTITION OF messages.log DEFAULT;

CREATE TABLE messages.subscriptions (
    subscription_id uuid DEFAULT gen_random_uuid() NOT NULL,
    agent_id agents.agent_id NOT NULL,
    channel_id uuid NOT NULL,
    message_pattern character varying(255),
    filters jsonb DEFAULT '{}' NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT subscriptions_pkey PRIMARY KEY (subscription_id),
    CONSTRAINT subscriptions_agent_id_channel_id_message_pattern_key UNIQUE NULLS NOT DISTINCT (agent_id, channel_id, message_pattern)
);

COMMENT ON TABLE messages.subscriptions IS 'Which agent listens on which channel, optionally narrowed by a subject pattern and filters.';

COMMENT ON COLUMN messages.subscriptions.message_pattern IS 'Subject pattern; empty means every message of the channel.';

CREATE INDEX idx_messages_subscriptions_agent ON messages.subscriptions USING btree (agent_id, is_active);

CREATE INDEX idx_messages_subscriptions_channel ON messages.subscriptions USING btree (channel_id, is_active);

CREATE TABLE monitoring.alert_thresholds (
    threshold_id uuid DEFAULT gen_random_uuid() NOT NULL,
    metric_name character varying(100) NOT NULL,
    warning_threshold numeric,
    critical_threshold numeric,
    higher_is_worse boolean DEFAULT true NOT NULL,
    check_interval interval DEFAULT '1 minute' NOT NULL,
    enabled boolean DEFAULT true NOT NULL,
    notification_channels text[] DEFAULT '{}' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alert_thresholds_pkey PRIMARY KEY (threshold_id),
    CONSTRAINT alert_thresholds_metric_name_key UNIQUE (metric_name),
    CONSTRAINT ordered_thresholds CHECK (warning_threshold IS NULL OR critical_threshold IS NULL OR (higher_is_worse AND critical_threshold >= warning_threshold) OR (NOT higher_is_worse AND critical_threshold <= warning_threshold))
);

CREATE OR REPLACE FUNCTION monitoring.check_connection_pool_alerts()
RETURNS TABLE (alert_level text, metric_name text, current_value numeric, threshold_value numeric, message text)
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$WITH u AS (
  SELECT round((SELECT count(*) FROM pg_catalog.pg_stat_activity)::numeric * 100
               / current_setting('max_connections')::numeric, 1) AS value
)
SELECT CASE WHEN u.value >= t.critical_threshold THEN 'CRITICAL' ELSE 'WARNING' END,
       t.metric_name::text,
       u.value,
       CASE WHEN u.value >= t.critical_threshold THEN t.critical_threshold ELSE t.warning_threshold END,
       format('Connection pool usage at %s%% - %s', u.value,
              CASE WHEN u.value >= t.critical_threshold THEN 'immediate action required'
                   ELSE 'monitoring required' END)
FROM u
JOIN monitoring.alert_thresholds t
  ON t.metric_name = 'connection_pool_usage_percent' AND t.enabled
WHERE u.value >= t.warning_threshold
$body$;

COMMENT ON FUNCTION monitoring.check_connection_pool_alerts() IS 'A WARNING or CRITICAL row when server connection usage crosses its threshold.';

COMMENT ON TABLE monitoring.alert_thresholds IS 'Warning and critical levels per metric, and how often to check them; the alert functions read them. Default rows are declared below.';

COMMENT ON COLUMN monitoring.alert_thresholds.higher_is_worse IS 'False for metrics where a low value is bad (cache_hit_ratio).';

CREATE TRIGGER alert_thresholds_set_updated_at
    BEFORE UPDATE ON monitoring.alert_thresholds
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION monitoring.set_updated_at('updated_at');

CREATE TABLE monitoring.index_recommendations (
    recommendation_id uuid DEFAULT gen_random_uuid() NOT NULL,
    schema_name text NOT NULL,
    table_name text NOT NULL,
    column_names text[] NOT NULL,
    index_type text DEFAULT 'btree' NOT NULL,
    recommendation_reason text NOT NULL,
    estimated_benefit text NOT NULL,
    query_patterns text[],
    scan_count bigint,
    tuple_count bigint,
    status text DEFAULT 'pending' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    implemented_at timestamp with time zone,
    CONSTRAINT index_recommendations_pkey PRIMARY KEY (recommendation_id),
    CONSTRAINT valid_status CHECK (status IN ('pending', 'implemented', 'rejected', 'obsolete'))
);

CREATE OR REPLACE FUNCTION monitoring.index_recommendation_ddl(p_recommendation_id uuid)
RETURNS text
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$SELECT format('CREATE INDEX CONCURRENTLY %I ON %I.%I USING %I (%s)',
              left(format('idx_%s_%s_auto', r.table_name, array_to_string(r.column_names, '_')), 63),
              r.schema_name, r.table_name, r.index_type,
              (SELECT string_agg(quote_ident(c.name), ', ' ORDER BY c.ord)
               FROM unnest(r.column_names) WITH ORDINALITY AS c(name, ord)))
FROM monitoring.index_recommendations r
WHERE r.recommendation_id = p_recommendation_id
  AND r.status = 'pending'
$body$;

COMMENT ON FUNCTION monitoring.index_recommendation_ddl(uuid) IS 'The CREATE INDEX CONCURRENTLY statement of a pending recommendation (NULL otherwise), for a scheduler to run outside any transaction; then call mark_recommendation_implemented.';

CREATE OR REPLACE FUNCTION monitoring.mark_recommendation_implemented(p_recommendation_id uuid)
RETURNS boolean
LANGUAGE sql
VOLATILE PARALLEL UNSAFE
AS $body$UPDATE monitoring.index_recommendations
SET status = 'implemented', implemented_at = now()
WHERE recommendation_id = p_recommendation_id
  AND status = 'pending'
RETURNING true
$body$;

COMMENT ON FUNCTION monitoring.mark_recommendation_implemented(uuid) IS 'Marks a pending recommendation implemented; NULL when it was not pending.';

CREATE OR REPLACE FUNCTION monitoring.suggest_missing_indexes()
RETURNS TABLE (suggested_index text, reason text, estimated_benefit text)
LANGUAGE sql
STABLE PARALLEL UNSAFE
AS $body$SELECT COALESCE(monitoring.index_recommendation_ddl(r.recommendation_id),
                format('-- %I.%I: index the columns its slow queries filter on', t.schemaname, t.relname)),
       format('Table %I.%I has %s sequential scans vs %s index scans',
              t.schemaname, t.relname, t.seq_scan, COALESCE(t.idx_scan, 0)),
       CASE WHEN t.seq_scan > COALESCE(t.idx_scan, 0) * 100 THEN 'Critical - severe performance impact'
            WHEN t.seq_scan > COALESCE(t.idx_scan, 0) * 50 THEN 'High - significant improvement expected'
            ELSE 'Medium - noticeable improvement' END
FROM pg_catalog.pg_stat_user_tables t
LEFT JOIN monitoring.index_recommendations r
  ON r.schema_name = t.schemaname AND r.table_name = t.relname AND r.status = 'pending'
WHERE t.seq_scan > COALESCE(t.idx_scan, 0) * 10
  AND t.n_live_tup > 10000
ORDER BY t.seq_scan DESC
$body$;

COMMENT ON FUNCTION monitoring.suggest_missing_indexes() IS 'Tables read mostly by sequential scans, with the pending recommendation''s index where generate_index_recommendations found its columns.';

COMMENT ON TABLE monitoring.index_recommendations IS 'Indexes suggested from sequential-scan statistics and slow query texts, and what became of each (pending, implemented, rejected, obsolete).';

CREATE UNIQUE INDEX idx_index_recommendations_pending ON monitoring.index_recommendations USING btree (schema_name, table_name, column_names) WHERE (status = 'pending');

COMMENT ON INDEX monitoring.idx_index_recommendations_pending IS 'At most one pending recommendation per table and column list.';

CREATE TABLE monitoring.query_plans (
    plan_id uuid DEFAULT gen_random_uuid() NOT NULL,
    query_hash text NOT NULL,
    query_text text NOT NULL,
    plan_json jsonb NOT NULL,
    execution_stats jsonb NOT NULL,
    captured_at timestamp with time zone DEFAULT now() NOT NULL,
    mean_exec_time_ms numeric,
    calls bigint,
    total_exec_time_ms numeric,
    CONSTRAINT query_plans_pkey PRIMARY KEY (plan_id),
    CONSTRAINT unique_query_hash_time UNIQUE (query_hash, captured_at)
);

COMMENT ON TABLE monitoring.query_plans IS 'Repository of captured plans of slow queries, to compare plans over time.';

COMMENT ON COLUMN monitoring.query_plans.query_hash IS 'pg_stat_statements queryid.';

COMMENT ON COLUMN monitoring.query_plans.plan_json IS 'EXPLAIN (FORMAT JSON) output, or {"error"} when the query could not be explained.';

CREATE INDEX idx_query_plans_captured ON monitoring.query_plans USING btree (captured_at DESC);

CREATE INDEX idx_query_plans_exec_time ON monitoring.query_plans USING btree (mean_exec_time_ms DESC);

CREATE TABLE sessions.active (
    session_id uuid DEFAULT gen_random_uuid() NOT NULL,
    session_token character varying(255) NOT NULL,
    agent_id agents.agent_id,
    user_id character varying(255),
    session_type character varying(50) DEFAULT 'interactive' NOT NULL,
    session_data jsonb DEFAULT '{}' NOT NULL,
    preferences jsonb DEFAULT '{}' NOT NULL,
    ip_address inet,
    user_agent text,
    permissions jsonb DEFAULT '{}' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_activity timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT active_pkey PRIMARY KEY (session_id),
    CONSTRAINT active_session_token_key UNIQUE (session_token),
    CONSTRAINT future_expiry CHECK (expires_at > created_at),
    CONSTRAINT valid_session_token CHECK (length(session_token) >= 32),
    CONSTRAINT valid_session_type CHECK (session_type IN ('interactive', 'api', 'system', 'background'))
);

COMMENT ON TABLE sessions.active IS 'Sessions that have not been closed, with their token, owner, permissions and expiry. Not partitioned: the token must be unique across all sessions, which a partitioned table can only enforce with the token in the partition key, and the table stays small because rows leave when they expire.';

COMMENT ON COLUMN sessions.active.session_token IS 'Bearer secret (at least 32 characters); not readable by the reader and analytics roles.';

CREATE INDEX idx_sessions_active_activity ON sessions.active USING btree (last_activity);

CREATE INDEX idx_sessions_active_agent ON sessions.active USING btree (agent_id) WHERE (agent_id IS NOT NULL);

CREATE INDEX idx_sessions_active_expires ON sessions.active USING btree (expires_at) INCLUDE (last_activity);

CREATE INDEX idx_sessions_active_user ON sessions.active USING btree (user_id) WHERE (user_id IS NOT NULL);

CREATE TABLE tasks.dependencies (
    dependency_id uuid DEFAULT gen_random_uuid() NOT NULL,
    task_id tasks.task_id NOT NULL,
    task_type character varying(100) NOT NULL,
    depends_on_task_id tasks.task_id NOT NULL,
    depends_on_task_type character varying(100) NOT NULL,
    dependency_type character varying(50) DEFAULT 'completion' NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT dependencies_pkey PRIMARY KEY (dependency_id),
    CONSTRAINT dependencies_task_id_depends_on_task_id_key UNIQUE (task_id, depends_on_task_id),
    CONSTRAINT no_self_dependency CHECK (task_id <> depends_on_task_id),
    CONSTRAINT valid_dependency_type CHECK (dependency_type IN ('completion', 'start', 'data', 'resource'))
);

COMMENT ON TABLE tasks.dependencies IS 'Edges of the task graph; a task waits until the tasks it depends on reach the stage named by dependency_type.';

CREATE INDEX idx_tasks_dependencies_depends_on ON tasks.dependencies USING btree (depends_on_task_id);

CREATE TABLE tasks.executions (
    execution_id uuid DEFAULT gen_random_uuid() NOT NULL,
    task_id tasks.task_id NOT NULL,
    task_type character varying(100) NOT NULL,
    agent_id agents.agent_id NOT NULL,
    execution_attempt integer DEFAULT 1 NOT NULL,
    started_at timestamp with time zone DEFAULT now() NOT NULL,
    completed_at timestamp with time zone,
    status tasks.task_status DEFAULT 'running' NOT NULL,
    result jsonb,
    error_message text,
    error_details jsonb,
    cpu_time_ms bigint,
    memory_peak_mb integer,
    io_operations bigint,
    CONSTRAINT executions_pkey PRIMARY KEY (execution_id, started_at),
    CONSTRAINT completion_consistency CHECK ((status = 'completed' AND completed_at IS NOT NULL AND result IS NOT NULL) OR (status = 'failed' AND completed_at IS NOT NULL AND error_message IS NOT NULL) OR (status = 'cancelled' AND completed_at IS NOT NULL) OR (status IN ('pending', 'queued', 'running', 'paused') AND completed_at IS NULL)),
    CONSTRAINT valid_execution_attempt CHECK (execution_attempt > 0)
)
PARTITION BY RANGE (started_at);

COMMENT ON TABLE tasks.executions IS 'One row per attempt to run a task: who ran it, how it ended, what it cost. Range-partitioned by day on started_at (kept 30 days), hence started_at in the primary key.';

CREATE INDEX idx_tasks_executions_agent_started ON tasks.executions USING btree (agent_id, started_at);

CREATE INDEX idx_tasks_executions_status ON tasks.executions USING btree (status, started_at);

CREATE INDEX idx_tasks_executions_task_started ON tasks.executions USING btree (task_id, started_at);

CREATE TABLE tasks.executions_2026_01_01 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-01-02 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_02 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-02 00:00:00+00') TO ('2026-01-03 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_03 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-03 00:00:00+00') TO ('2026-01-04 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_04 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-04 00:00:00+00') TO ('2026-01-05 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_05 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-05 00:00:00+00') TO ('2026-01-06 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_06 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-06 00:00:00+00') TO ('2026-01-07 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_07 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-07 00:00:00+00') TO ('2026-01-08 00:00:00+00');

CREATE TABLE tasks.executions_2026_01_08 PARTITION OF tasks.executions FOR VALUES FROM ('2026-01-08 00:00:00+00') TO ('2026-01-09 00:00:00+00');

CREATE TABLE tasks.executions_default PARTITION OF tasks.executions DEFAULT;

CREATE TABLE tasks.queue (
    task_id tasks.task_id DEFAULT gen_random_uuid() NOT NULL,
    task_type character varying(100) NOT NULL,
    task_name character varying(255),
    assigned_agent_id agents.agent_id,
    created_by_agent_id agents.agent_id,
    parent_task_id tasks.task_id,
    parent_task_type character varying(100),
    payload jsonb DEFAULT '{}' NOT NULL,
    configuration jsonb DEFAULT '{}' NOT NULL,
    metadata jsonb DEFAULT '{}' NOT NULL,
    status tasks.task_status DEFAULT 'pending' NOT NULL,
    priority tasks.task_priority DEFAULT 'normal' NOT NULL,
    scheduled_at timestamp with time zone,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    expires_at timestamp with time zone,
    max_execution_time interval DEFAULT '1 hour' NOT NULL,
    max_retries integer DEFAULT 3 NOT NULL,
    retry_count integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT queue_pkey PRIMARY KEY (task_id, task_type),
    CONSTRAINT no_self_parent CHECK (task_id <> parent_task_id),
    CONSTRAINT valid_retry_count CHECK (retry_count >= 0 AND retry_count <= max_retries),
    CONSTRAINT valid_task_type CHECK (length(task_type) > 0),
    CONSTRAINT valid_timing CHECK ((started_at IS NULL OR started_at >= created_at) AND (completed_at IS NULL OR completed_at >= COALESCE(started_at, created_at)) AND (expires_at IS NULL OR expires_at > created_at))
)
PARTITION BY LIST (task_type);

COMMENT ON TABLE tasks.queue IS 'Every task, from submission to completion: what to run, for whom, with which limits. List-partitioned by task_type, so the primary key and every foreign key to a task carry (task_id, task_type).';

COMMENT ON COLUMN tasks.queue.assigned_agent_id IS 'The agent running the task, once assigned.';

COMMENT ON COLUMN tasks.queue.parent_task_type IS 'task_type of the parent task (part of the key of a task).';

CREATE INDEX idx_tasks_queue_assigned_agent ON tasks.queue USING btree (assigned_agent_id, status);

CREATE INDEX idx_tasks_queue_created_by_agent ON tasks.queue USING btree (created_by_agent_id) WHERE (created_by_agent_id IS NOT NULL);

COMMENT ON INDEX tasks.idx_tasks_queue_created_by_agent IS 'Serves the foreign key to agents.registry (deleting an agent looks up its tasks).';

CREATE INDEX idx_tasks_queue_estimated_duration ON tasks.queue USING btree (((extract(epoch from max_execution_time))::integer)) WHERE (status IN ('pending', 'queued'));

CREATE INDEX idx_tasks_queue_expires ON tasks.queue USING btree (expires_at) WHERE (expires_at IS NOT NULL);

CREATE INDEX idx_tasks_queue_parent ON tasks.queue USING btree (parent_task_id) WHERE (parent_task_id IS NOT NULL);

CREATE INDEX idx_tasks_queue_payload_gin ON tasks.queue USING gin (payload);

CREATE INDEX idx_tasks_queue_payload_specific ON tasks.queue USING gin ((payload -> 'parameters'));

CREATE INDEX idx_tasks_queue_pending ON tasks.queue USING btree (priority, created_at) WHERE (status = 'pending');

CREATE INDEX idx_tasks_queue_priority_covering ON tasks.queue USING btree (status, priority, created_at) INCLUDE (task_id, task_type, assigned_agent_id);

CREATE INDEX idx_tasks_queue_scheduled ON tasks.queue USING btree (scheduled_at) WHERE (scheduled_at IS NOT NULL);

CREATE INDEX idx_tasks_queue_type_status ON tasks.queue USING btree (task_type, status);

CREATE TRIGGER audit_queue
    AFTER INSERT OR UPDATE OR DELETE ON tasks.queue
    FOR EACH ROW
    EXECUTE FUNCTION audit.log_changes();

CREATE TRIGGER queue_notify
    AFTER INSERT OR UPDATE ON tasks.queue
    FOR EACH ROW
    EXECUTE FUNCTION tasks.notify_change('task_events', 'task_id', 'task_type', 'status', 'assigned_agent_id');

CREATE TRIGGER queue_set_updated_at
    BEFORE UPDATE ON tasks.queue
    FOR EACH ROW
    WHEN (OLD IS DISTINCT FROM NEW)
    EXECUTE FUNCTION tasks.set_updated_at('updated_at');

CREATE TABLE tasks.queue_default PARTITION OF tasks.queue DEFAULT;

COMMENT ON TABLE tasks.queue_default IS 'Every task type until a hot type gets its own partition (declare it here; rows of that type must first leave the default partition).';

ALTER TABLE agents.checkpoints
    ADD CONSTRAINT checkpoints_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id) ON DELETE CASCADE;

ALTER TABLE agents.lifecycle_events
    ADD CONSTRAINT lifecycle_events_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id) ON DELETE CASCADE;

ALTER TABLE agents.lifecycle_events
    ADD CONSTRAINT lifecycle_events_triggered_by_fkey FOREIGN KEY (triggered_by) REFERENCES agents.registry (agent_id) ON DELETE SET NULL;

ALTER TABLE agents.registry
    ADD CONSTRAINT registry_parent_agent_id_fkey FOREIGN KEY (parent_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE agents.state
    ADD CONSTRAINT state_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id) ON DELETE CASCADE;

ALTER TABLE knowledge.embeddings
    ADD CONSTRAINT embeddings_fact_id_fkey FOREIGN KEY (fact_id) REFERENCES knowledge.facts (fact_id) ON DELETE CASCADE;

ALTER TABLE knowledge.facts
    ADD CONSTRAINT facts_source_agent_id_fkey FOREIGN KEY (source_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE messages.log
    ADD CONSTRAINT log_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES messages.channels (channel_id);

ALTER TABLE messages.log
    ADD CONSTRAINT log_from_agent_id_fkey FOREIGN KEY (from_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE messages.log
    ADD CONSTRAINT log_to_agent_id_fkey FOREIGN KEY (to_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE messages.subscriptions
    ADD CONSTRAINT subscriptions_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id) ON DELETE CASCADE;

ALTER TABLE messages.subscriptions
    ADD CONSTRAINT subscriptions_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES messages.channels (channel_id) ON DELETE CASCADE;

ALTER TABLE sessions.active
    ADD CONSTRAINT active_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE tasks.dependencies
    ADD CONSTRAINT dependencies_depends_on_task_id_depends_on_task_type_fkey FOREIGN KEY (depends_on_task_id, depends_on_task_type) REFERENCES tasks.queue (task_id, task_type) ON DELETE CASCADE;

ALTER TABLE tasks.dependencies
    ADD CONSTRAINT dependencies_task_id_task_type_fkey FOREIGN KEY (task_id, task_type) REFERENCES tasks.queue (task_id, task_type) ON DELETE CASCADE;

ALTER TABLE tasks.executions
    ADD CONSTRAINT executions_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE tasks.executions
    ADD CONSTRAINT executions_task_id_task_type_fkey FOREIGN KEY (task_id, task_type) REFERENCES tasks.queue (task_id, task_type) ON DELETE CASCADE;

ALTER TABLE tasks.queue
    ADD CONSTRAINT queue_assigned_agent_id_fkey FOREIGN KEY (assigned_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE tasks.queue
    ADD CONSTRAINT queue_created_by_agent_id_fkey FOREIGN KEY (created_by_agent_id) REFERENCES agents.registry (agent_id);

ALTER TABLE tasks.queue
    ADD CONSTRAINT queue_parent_task_fkey FOREIGN KEY (parent_task_id, parent_task_type) REFERENCES tasks.queue (task_id, task_type) MATCH FULL;

CREATE VIEW agents.registry_masked WITH (security_barrier = true) AS
SELECT r.agent_id, r.agent_type, r.agent_name, r.status, r.capabilities,
       jsonb_set(jsonb_set(r.configuration, '{api_key}', '"***MASKED***"', false),
                 '{secret}', '"***MASKED***"', false) AS configuration,
       r.metadata, r.parent_agent_id, r.created_at, r.updated_at, r.last_heartbeat
FROM agents.registry r
WHERE (r.metadata ->> 'tenant_id') = current_setting('app.current_tenant_id', true);

COMMENT ON VIEW agents.registry_masked IS 'agents.registry for readers: secrets in configuration masked, and only the current tenant''s agents (a view runs with its owner''s rights, which the table''s policies do not restrict, so the view applies the tenant rule itself).';

CREATE VIEW audit.daily_activity AS
SELECT date_trunc('day', c.changed_at) AS audit_date,
       c.table_schema,
       c.table_name,
       c.operation,
       count(*) AS change_count,
       count(DISTINCT c.changed_by) AS unique_users
FROM audit.change_log c
GROUP BY date_trunc('day', c.changed_at), c.table_schema, c.table_name, c.operation;

COMMENT ON VIEW audit.daily_activity IS 'Changes per day, table and operation, with the number of distinct users.';

CREATE VIEW monitoring.connection_stats AS
SELECT a.datname AS database_name,
       a.usename AS username,
       a.application_name,
       a.client_addr,
       a.client_hostname,
       a.state,
       count(*) AS connection_count,
       min(a.backend_start) AS oldest_connection,
       max(a.backend_start) AS newest_connection,
       avg(EXTRACT(epoch FROM now() - a.backend_start)) AS avg_connection_age_seconds
FROM pg_catalog.pg_stat_activity a
WHERE a.datname = current_database()
GROUP BY a.datname, a.usename, a.application_name, a.client_addr, a.client_hostname, a.state;

COMMENT ON VIEW monitoring.connection_stats IS 'Connections to the current database grouped by user, application, client and state.';

GRANT SELECT (agent_id, created_at, expires_at, last_activity, session_id, session_type, user_id) ON TABLE sessions.active TO app_analytics;

GRANT SELECT (agent_id, created_at, expires_at, last_activity, session_id, session_type, user_id) ON TABLE sessions.active TO app_reader;

GRANT EXECUTE ON FUNCTION agents.hydrate_agent_state(agents.agent_id) TO app_reader;

GRANT EXECUTE ON FUNCTION agents.hydrate_agent_state(agents.agent_id) TO app_writer;

GRANT EXECUTE ON FUNCTION monitoring.analyze_index_usage() TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.analyze_index_usage() TO app_maintenance;

GRANT EXECUTE ON FUNCTION monitoring.auto_capture_slow_queries() TO app_maintenance;

REVOKE EXECUTE ON FUNCTION monitoring.auto_capture_slow_queries() FROM PUBLIC;

REVOKE EXECUTE ON FUNCTION monitoring.capture_slow_query_plan(text, text, numeric) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION monitoring.check_connection_pool_alerts() TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.check_connection_pool_alerts() TO app_maintenance;

GRANT EXECUTE ON FUNCTION monitoring.check_connection_pool_health() TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.check_connection_pool_health() TO app_maintenance;

GRANT EXECUTE ON FUNCTION monitoring.check_query_performance_alerts() TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.check_query_performance_alerts() TO app_maintenance;

GRANT EXECUTE ON FUNCTION monitoring.generate_index_recommendations() TO app_maintenance;

REVOKE EXECUTE ON FUNCTION monitoring.generate_index_recommendations() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION monitoring.index_recommendation_ddl(uuid) TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.index_recommendation_ddl(uuid) TO app_maintenance;

GRANT EXECUTE ON FUNCTION monitoring.mark_recommendation_implemented(uuid) TO app_maintenance;

REVOKE EXECUTE ON FUNCTION monitoring.mark_recommendation_implemented(uuid) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION monitoring.suggest_missing_indexes() TO app_analytics;

GRANT EXECUTE ON FUNCTION monitoring.suggest_missing_indexes() TO app_maintenance;

GRANT EXECUTE ON FUNCTION partitions.run_maintenance(timestamp with time zone) TO app_maintenance;

REVOKE EXECUTE ON FUNCTION partitions.run_maintenance(timestamp with time zone) FROM PUBLIC;

GRANT USAGE ON SCHEMA agents TO app_analytics;

GRANT USAGE ON SCHEMA agents TO app_maintenance;

GRANT USAGE ON SCHEMA agents TO app_reader;

GRANT USAGE ON SCHEMA agents TO app_writer;

GRANT USAGE ON SCHEMA audit TO app_analytics;

GRANT USAGE ON SCHEMA knowledge TO app_analytics;

GRANT USAGE ON SCHEMA knowledge TO app_reader;

GRANT USAGE ON SCHEMA knowledge TO app_writer;

GRANT USAGE ON SCHEMA messages TO app_analytics;

GRANT USAGE ON SCHEMA messages TO app_reader;

GRANT USAGE ON SCHEMA messages TO app_writer;

GRANT USAGE ON SCHEMA monitoring TO app_analytics;

GRANT USAGE ON SCHEMA monitoring TO app_maintenance;

GRANT USAGE ON SCHEMA partitions TO app_maintenance;

GRANT USAGE ON SCHEMA sessions TO app_analytics;

GRANT USAGE ON SCHEMA sessions TO app_reader;

GRANT USAGE ON SCHEMA sessions TO app_writer;

GRANT USAGE ON SCHEMA tasks TO app_analytics;

GRANT USAGE ON SCHEMA tasks TO app_reader;

GRANT USAGE ON SCHEMA tasks TO app_writer;

GRANT SELECT ON TABLE agents.checkpoints TO app_analytics;

GRANT SELECT ON TABLE agents.checkpoints TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE agents.checkpoints TO app_writer;

GRANT SELECT ON TABLE agents.lifecycle_events TO app_analytics;

GRANT SELECT ON TABLE agents.lifecycle_events TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE agents.lifecycle_events TO app_writer;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE agents.registry TO app_writer;

GRANT SELECT ON TABLE agents.registry_masked TO app_analytics;

GRANT SELECT ON TABLE agents.registry_masked TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE agents.registry_masked TO app_writer;

GRANT SELECT ON TABLE agents.state TO app_analytics;

GRANT SELECT ON TABLE agents.state TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE agents.state TO app_writer;

GRANT SELECT ON TABLE audit.daily_activity TO app_analytics;

GRANT SELECT ON TABLE knowledge.embeddings TO app_analytics;

GRANT SELECT ON TABLE knowledge.embeddings TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE knowledge.embeddings TO app_writer;

GRANT SELECT ON TABLE knowledge.facts TO app_analytics;

GRANT SELECT ON TABLE knowledge.facts TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE knowledge.facts TO app_writer;

GRANT SELECT ON TABLE messages.channels TO app_analytics;

GRANT SELECT ON TABLE messages.channels TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE messages.channels TO app_writer;

GRANT SELECT ON TABLE messages.log TO app_analytics;

GRANT SELECT ON TABLE messages.log TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE messages.log TO app_writer;

GRANT SELECT ON TABLE messages.subscriptions TO app_analytics;

GRANT SELECT ON TABLE messages.subscriptions TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE messages.subscriptions TO app_writer;

GRANT SELECT ON TABLE monitoring.alert_thresholds TO app_analytics;

GRANT SELECT, UPDATE ON TABLE monitoring.alert_thresholds TO app_maintenance;

GRANT SELECT ON TABLE monitoring.connection_stats TO app_analytics;

GRANT SELECT ON TABLE monitoring.index_recommendations TO app_analytics;

GRANT INSERT, SELECT, UPDATE ON TABLE monitoring.index_recommendations TO app_maintenance;

GRANT SELECT ON TABLE monitoring.query_plans TO app_analytics;

GRANT DELETE, INSERT, SELECT ON TABLE monitoring.query_plans TO app_maintenance;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE sessions.active TO app_writer;

GRANT SELECT ON TABLE tasks.dependencies TO app_analytics;

GRANT SELECT ON TABLE tasks.dependencies TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE tasks.dependencies TO app_writer;

GRANT SELECT ON TABLE tasks.executions TO app_analytics;

GRANT SELECT ON TABLE tasks.executions TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE tasks.executions TO app_writer;

GRANT SELECT ON TABLE tasks.queue TO app_analytics;

GRANT SELECT ON TABLE tasks.queue TO app_reader;

GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE tasks.queue TO app_writer;

INSERT INTO monitoring.alert_thresholds (metric_name, warning_threshold, critical_threshold, higher_is_worse, check_interval) VALUES
    ('connection_pool_usage_percent', 70, 85, true, '30 seconds'),
    ('query_execution_time_ms', 5000, 10000, true, '1 minute'),
    ('index_bloat_percent', 30, 50, true, '1 hour'),
    ('table_bloat_percent', 40, 60, true, '1 hour'),
    ('replication_lag_seconds', 5, 30, true, '10 seconds'),
    ('disk_usage_percent', 80, 90, true, '5 minutes'),
    ('cache_hit_ratio', 95, 90, false, '5 minutes'),
    ('deadlock_count_per_hour', 5, 20, true, '5 minutes'),
    ('long_running_transactions_minutes', 30, 60, true, '5 minutes')
ON CONFLICT (metric_name) DO UPDATE SET warning_threshold = EXCLUDED.warning_threshold, critical_threshold = EXCLUDED.critical_threshold, higher_is_worse = EXCLUDED.higher_is_worse, check_interval = EXCLUDED.check_interval;

-- Bring the time-partitioned tables up to the date this script runs (or to the
-- timestamptz in the setting schemagen.maintenance_at): children up to `ahead`
-- periods after it, the ones older than `retention` dropped.
DO $do$
BEGIN
    PERFORM partitions.run_maintenance(
        COALESCE(NULLIF(current_setting('schemagen.maintenance_at', true), '')::timestamptz, now()));
END
$do$;
