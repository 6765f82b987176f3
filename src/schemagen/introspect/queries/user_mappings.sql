-- User mappings of the servers read (see foreign_servers.sql). Read through pg_user_mappings,
-- which shows umoptions only to the mapped user, the server's owner or a superuser: `readable`
-- repeats the view's condition, so hidden options are an omission, not an empty list. The
-- password option never leaves the server (a secret: docs/format.md).
SELECT m.srvname AS server,
       CASE WHEN m.umuser = 0 THEN 'public' ELSE m.usename END AS "user",
       (m.umuser <> 0 AND m.usename = current_user
            AND (pg_has_role(s.srvowner, 'USAGE') OR has_server_privilege(s.oid, 'USAGE')))
        OR (m.umuser = 0 AND pg_has_role(s.srvowner, 'USAGE'))
        OR coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), false) AS readable,
       coalesce((SELECT jsonb_object_agg(o.option_name, o.option_value)
                 FROM pg_options_to_table(m.umoptions) o
                 WHERE o.option_name <> ALL (ARRAY['password'])), '{}') AS options
FROM pg_user_mappings m
JOIN pg_foreign_server s ON s.oid = m.srvid
WHERE %(database_wide)s
   OR EXISTS (SELECT 1 FROM pg_foreign_table t
              JOIN pg_class c ON c.oid = t.ftrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE t.ftserver = s.oid AND n.nspname = ANY (%(schemas)s::text[]))
ORDER BY 1, 2
