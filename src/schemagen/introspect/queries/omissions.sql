-- Objects in scope that the model cannot express: listed, never silently dropped.
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
)
SELECT 'base type' AS kind, s.nspname || '.' || t.typname AS name, 'base types are not supported' AS why
FROM pg_type t JOIN scope s ON s.oid = t.typnamespace
WHERE t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid AND m.deptype = 'e')
UNION ALL
SELECT 'range type', s.nspname || '.' || t.typname, 'a CANONICAL function is not supported'
FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN scope s ON s.oid = t.typnamespace
WHERE r.rngcanonical <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid AND m.deptype = 'e')
UNION ALL
SELECT DISTINCT 'range type', s.nspname || '.' || t.typname,
       'a constructor function named other than its type (renamed or moved apart from it) is not supported'
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN scope s ON s.oid = t.typnamespace
JOIN pg_type ct ON ct.oid IN (r.rngtypid, r.rngmultitypid)
JOIN pg_depend d ON d.refclassid = 'pg_type'::regclass AND d.refobjid = ct.oid AND d.deptype = 'i'
                AND d.classid = 'pg_proc'::regclass
JOIN pg_proc p ON p.oid = d.objid
WHERE (p.proname <> ct.typname OR p.pronamespace <> t.typnamespace)
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_type'::regclass AND m.objid = t.oid AND m.deptype = 'e')
UNION ALL
SELECT 'table', s.nspname || '.' || c.relname, 'TABLESPACE not supported'
FROM pg_class c JOIN scope s ON s.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND c.reltablespace <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid AND m.deptype = 'e')
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
       s.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       'TRANSFORM FOR TYPE not supported'
FROM pg_proc p
JOIN scope s ON s.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p', 'w') AND p.protrftypes IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid AND m.deptype = 'e')
UNION ALL
SELECT 'table', s.nspname || '.' || c.relname, 'table access method ' || am.amname || ' is not supported'
FROM pg_class c
JOIN scope s ON s.oid = c.relnamespace
JOIN pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('r', 'm') AND am.amname <> 'heap'
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid AND m.deptype = 'e')
UNION ALL
SELECT 'trigger', s.nspname || '.' || c.relname || '.' || tg.tgname,
       'a firing mode set on the partition''s copy of its parent''s trigger is not supported'
FROM pg_trigger tg
JOIN pg_trigger parent ON parent.oid = tg.tgparentid
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE tg.tgenabled <> parent.tgenabled
UNION ALL
SELECT 'trigger', s.nspname || '.' || c.relname || '.' || tg.tgname,
       'FROM (the referenced table of a constraint trigger) is not supported'
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND tg.tgconstrrelid <> 0
  AND NOT EXISTS (SELECT 1 FROM pg_depend m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid AND m.deptype = 'e')
ORDER BY 1, 2
