-- Extended statistics: table, columns (attnum order), expressions, kinds, target.
-- stxstattarget is -1 by default before PostgreSQL 17, NULL from 17 (read through to_jsonb).
SELECT n.nspname AS schema,
       s.stxname AS name,
       tn.nspname AS table_schema,
       c.relname AS table_name,
       array(SELECT a.attname FROM unnest(s.stxkeys::int2[]) WITH ORDINALITY k(attnum, i)
             JOIN pg_attribute a ON a.attrelid = s.stxrelid AND a.attnum = k.attnum
             ORDER BY k.i) AS columns,
       coalesce(pg_get_statisticsobjdef_expressions(s.oid), '{}') AS expressions,
       s.stxkind::text[] AS kinds,
       (to_jsonb(s) ->> 'stxstattarget')::integer AS target,
       CASE WHEN %(owners)s THEN pg_get_userbyid(s.stxowner) END AS owner,
       obj_description(s.oid, 'pg_statistic_ext') AS comment
FROM pg_statistic_ext s
JOIN pg_namespace n ON n.oid = s.stxnamespace
JOIN pg_class c ON c.oid = s.stxrelid
JOIN pg_namespace tn ON tn.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                      AND d.deptype = 'e')
ORDER BY 1, 2
