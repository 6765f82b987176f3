-- Foreign data wrappers (database-wide) not created by an extension: read with the whole database
-- (or a live diff), else those whose servers foreign tables in scope use.
SELECT w.fdwname AS name,
       hn.nspname AS handler_schema, h.proname AS handler_name,
       vn.nspname AS validator_schema, v.proname AS validator_name,
       coalesce((SELECT jsonb_object_agg(o.option_name, o.option_value)
                 FROM pg_options_to_table(w.fdwoptions) o), '{}') AS options,
       CASE WHEN %(owners)s THEN pg_get_userbyid(w.fdwowner) END AS owner,
       obj_description(w.oid, 'pg_foreign_data_wrapper') AS comment,
       w.fdwacl IS NOT NULL AS granted
FROM pg_foreign_data_wrapper w
LEFT JOIN pg_proc h ON h.oid = w.fdwhandler
LEFT JOIN pg_namespace hn ON hn.oid = h.pronamespace
LEFT JOIN pg_proc v ON v.oid = w.fdwvalidator
LEFT JOIN pg_namespace vn ON vn.oid = v.pronamespace
WHERE w.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_foreign_data_wrapper'::regclass
                      AND d.deptype = 'e')
  AND (%(database_wide)s
       OR EXISTS (SELECT 1 FROM pg_foreign_server s
                  JOIN pg_foreign_table t ON t.ftserver = s.oid
                  JOIN pg_class c ON c.oid = t.ftrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE s.srvfdw = w.oid AND n.nspname = ANY (%(schemas)s::text[])))
ORDER BY 1
