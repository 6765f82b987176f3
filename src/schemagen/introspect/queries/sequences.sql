-- Sequences, except those owned by identity columns (internal dependency).
SELECT n.nspname AS schema,
       c.relname AS name,
       format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start,
       s.seqincrement AS increment,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache,
       s.seqcycle AS cycle,
       own_n.nspname AS owner_schema,
       own_c.relname AS owner_table,
       own_a.attname AS owner_column,
       CASE WHEN %(owners)s THEN pg_get_userbyid(c.relowner) END AS owner,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend od ON od.classid = 'pg_class'::regclass AND od.objid = c.oid
     AND od.refclassid = 'pg_class'::regclass AND od.refobjsubid > 0 AND od.deptype = 'a'
LEFT JOIN pg_class own_c ON own_c.oid = od.refobjid
LEFT JOIN pg_namespace own_n ON own_n.oid = own_c.relnamespace
LEFT JOIN pg_attribute own_a ON own_a.attrelid = od.refobjid AND own_a.attnum = od.refobjsubid
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                      AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
ORDER BY 1, 2
