-- Constraint options the model cannot express (PostgreSQL 15-17: no NOT ENFORCED, no WITHOUT OVERLAPS).
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
)
SELECT 'constraint' AS kind, s.nspname || '.' || c.relname || '.' || k.conname AS name,
       'ON DELETE SET NULL/DEFAULT (columns) not supported' AS why
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE k.confdelsetcols IS NOT NULL
  AND k.conparentid = 0
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid)
ORDER BY 1, 2
