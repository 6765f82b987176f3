-- Foreign servers (database-wide): read with the whole database (or a live diff), else those
-- foreign tables in scope use. The wrapper by name (an extension's, or a declared one).
SELECT s.srvname AS name,
       w.fdwname AS wrapper,
       s.srvtype AS type,
       s.srvversion AS version,
       coalesce((SELECT jsonb_object_agg(o.option_name, o.option_value)
                 FROM pg_options_to_table(s.srvoptions) o), '{}') AS options,
       CASE WHEN %(owners)s THEN pg_get_userbyid(s.srvowner) END AS owner,
       obj_description(s.oid, 'pg_foreign_server') AS comment,
       s.srvacl IS NOT NULL AS granted
FROM pg_foreign_server s
JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
WHERE s.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_foreign_server'::regclass
                      AND d.deptype = 'e')
  AND (%(database_wide)s
       OR EXISTS (SELECT 1 FROM pg_foreign_table t
                  JOIN pg_class c ON c.oid = t.ftrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE t.ftserver = s.oid AND n.nspname = ANY (%(schemas)s::text[])))
ORDER BY 1
