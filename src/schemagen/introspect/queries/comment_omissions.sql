-- Comments the format has no place for, listed as omissions (never dropped): on a partition's or
-- an inheritance child's copy of its parent's constraint (the parent's own is declared), on a
-- foreign table's CHECK, on a NOT NULL constraint (PostgreSQL 18 keeps them in pg_constraint).
SELECT 'constraint' AS kind, n.nspname || '.' || c.relname || '.' || k.conname AS name,
       'a comment on ' || CASE WHEN k.contype = 'n' THEN 'a NOT NULL constraint'
                               WHEN c.relkind = 'f' THEN 'a foreign table''s CHECK'
                               ELSE 'a constraint copied from a parent table' END
       || ' is not in the format' AS why
FROM pg_description dsc
JOIN pg_constraint k ON k.oid = dsc.objoid
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE dsc.classoid = 'pg_constraint'::regclass AND dsc.objsubid = 0
  AND (k.contype = 'n' OR c.relkind = 'f' OR k.conparentid <> 0 OR NOT k.conislocal)
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid)
ORDER BY 1, 2
