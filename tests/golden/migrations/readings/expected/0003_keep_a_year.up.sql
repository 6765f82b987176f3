-- schemagen migration 0003_keep_a_year (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
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
        FROM jsonb_to_recordset('[{"ahead": 2, "key_column": "taken_at", "name_format": "YYYY_MM", "retention": "12 months", "schema_name": "iot", "start_at": "2026-01-01 00:00:00+00", "step": "1 month", "table_name": "readings"}]'::jsonb)
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

-- Bring the time-partitioned tables up to the date this script runs (or to the
-- timestamptz in the setting schemagen.maintenance_at): children up to `ahead`
-- periods after it, the ones older than `retention` dropped.
DO $do$
BEGIN
    PERFORM partitions.run_maintenance(
        COALESCE(NULLIF(current_setting('schemagen.maintenance_at', true), '')::timestamptz, now()));
END
$do$;
