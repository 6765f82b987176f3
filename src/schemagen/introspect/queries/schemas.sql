-- Schemas in scope, with comments. %(schemas)s: text[] or NULL for every non-system schema.
SELECT n.nspname AS name,
       CASE WHEN %(owners)s THEN pg_get_userbyid(n.nspowner) END AS owner,
       obj_description(n.oid, 'pg_namespace') AS comment
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND n.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_namespace'::regclass
                    AND d.deptype = 'e')
ORDER BY n.nspname
