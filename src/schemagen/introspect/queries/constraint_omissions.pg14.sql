-- Constraint options the model cannot express: PostgreSQL 14 has none of them (no column lists on
-- ON DELETE SET NULL/DEFAULT, no NOT ENFORCED, no WITHOUT OVERLAPS); only comments it cannot place.
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
)
SELECT NULL::text AS kind, NULL::text AS name, NULL::text AS why
WHERE false
UNION ALL
-- a comment the format has no place for: on a partition's or inheritance child's copy of its
-- parent's constraint (the parent's is declared), on a foreign table's CHECK, on a NOT NULL (18)
SELECT 'constraint', s.nspname || '.' || c.relname || '.' || k.conname,
       'a comment on ' || CASE WHEN k.contype = 'n' THEN 'a NOT NULL constraint'
                               WHEN c.relkind = 'f' THEN 'a foreign table''s CHECK'
                               ELSE 'a constraint copied from a parent table' END
       || ' is not in the format'
FROM pg_description dsc
JOIN pg_constraint k ON k.oid = dsc.objoid
JOIN pg_class c ON c.oid = k.conrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE dsc.classoid = 'pg_constraint'::regclass AND dsc.objsubid = 0
  AND (k.contype = 'n' OR c.relkind = 'f' OR k.conparentid <> 0 OR NOT k.conislocal)
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid)
ORDER BY 1, 2
