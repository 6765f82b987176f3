-- Standalone composite types (CREATE TYPE ... AS (...)), attributes in order.
SELECT n.nspname AS schema,
       t.typname AS name,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                         'name', a.attname,
                         'type', format_type(a.atttypid, a.atttypmod),
                         'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN
                              CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
                                   ELSE cn.nspname || '.' || co.collname END END) ORDER BY a.attnum)
                 FROM pg_attribute a
                 JOIN pg_type at ON at.oid = a.atttypid
                 LEFT JOIN pg_collation co ON co.oid = a.attcollation
                 LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                 WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '[]'::jsonb) AS attributes,
       CASE WHEN %(owners)s THEN pg_get_userbyid(t.typowner) END AS owner,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
WHERE t.typtype = 'c'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2
