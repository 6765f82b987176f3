-- Objects in scope that the model cannot express: listed, never silently dropped.
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
),
members AS (
    SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e'
)
SELECT 'rule' AS kind, s.nspname || '.' || c.relname || '.' || r.rulename AS name,
       'rewrite rules are not supported' AS why
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN scope s ON s.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
UNION ALL
SELECT 'foreign table', s.nspname || '.' || c.relname, 'foreign tables are not supported'
FROM pg_class c JOIN scope s ON s.oid = c.relnamespace
WHERE c.relkind = 'f'
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
UNION ALL
SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END,
       s.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       'aggregates and window functions are not supported'
FROM pg_proc p JOIN scope s ON s.oid = p.pronamespace
WHERE p.prokind IN ('a', 'w')
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
UNION ALL
SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END,
       s.nspname || '.' || t.typname,
       CASE t.typtype WHEN 'r' THEN 'range types are not supported' ELSE 'base types are not supported' END
FROM pg_type t JOIN scope s ON s.oid = t.typnamespace
WHERE (t.typtype = 'r' OR (t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)))
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid)
UNION ALL
SELECT 'operator', s.nspname || '.' || o.oprname || '(' || format_type(o.oprleft, NULL) || ', '
       || format_type(o.oprright, NULL) || ')', 'operators are not supported'
FROM pg_operator o JOIN scope s ON s.oid = o.oprnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_operator'::regclass AND m.objid = o.oid)
UNION ALL
SELECT 'operator class', s.nspname || '.' || oc.opcname, 'operator classes are not supported'
FROM pg_opclass oc JOIN scope s ON s.oid = oc.opcnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_opclass'::regclass AND m.objid = oc.oid)
UNION ALL
SELECT 'collation', s.nspname || '.' || co.collname, 'collations are not supported'
FROM pg_collation co JOIN scope s ON s.oid = co.collnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_collation'::regclass AND m.objid = co.oid)
UNION ALL
SELECT 'text search configuration', s.nspname || '.' || ts.cfgname, 'text search configurations are not supported'
FROM pg_ts_config ts JOIN scope s ON s.oid = ts.cfgnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_ts_config'::regclass AND m.objid = ts.oid)
UNION ALL
SELECT 'text search dictionary', s.nspname || '.' || td.dictname, 'text search dictionaries are not supported'
FROM pg_ts_dict td JOIN scope s ON s.oid = td.dictnamespace
WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_ts_dict'::regclass AND m.objid = td.oid)
UNION ALL
SELECT 'statistics', s.nspname || '.' || st.stxname, 'extended statistics are not supported'
FROM pg_statistic_ext st JOIN scope s ON s.oid = st.stxnamespace
UNION ALL
SELECT 'column', s.nspname || '.' || c.relname || '.' || a.attname,
       concat_ws(', ',
           CASE WHEN coalesce(a.attstattarget, -1) >= 0 THEN 'SET STATISTICS' END,
           CASE WHEN a.attstorage <> t.typstorage THEN 'SET STORAGE' END,
           CASE WHEN a.attcompression <> '' THEN 'SET COMPRESSION' END,
           CASE WHEN a.attoptions IS NOT NULL THEN 'attribute options' END) || ' not supported'
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  AND (coalesce(a.attstattarget, -1) >= 0 OR a.attstorage <> t.typstorage OR a.attcompression <> ''
       OR a.attoptions IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
UNION ALL
SELECT 'table', s.nspname || '.' || c.relname,
       concat_ws(', ',
           CASE WHEN c.relreplident NOT IN ('d', 'n') OR (c.relreplident = 'n' AND c.relkind = 'r')
                THEN 'REPLICA IDENTITY' END,
           CASE WHEN c.reltablespace <> 0 THEN 'TABLESPACE' END) || ' not supported'
FROM pg_class c JOIN scope s ON s.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND (c.relreplident NOT IN ('d', 'n') OR (c.relreplident = 'n' AND c.relkind = 'r') OR c.reltablespace <> 0)
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
UNION ALL
SELECT 'event trigger', et.evtname, 'event triggers are not supported'
FROM pg_event_trigger et
WHERE %(schemas)s::text[] IS NULL
  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_event_trigger'::regclass AND m.objid = et.oid)
UNION ALL
SELECT 'publication', pb.pubname, 'publications are not supported'
FROM pg_publication pb
WHERE %(schemas)s::text[] IS NULL
ORDER BY 1, 2
