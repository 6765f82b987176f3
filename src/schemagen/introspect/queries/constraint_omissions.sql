-- Constraint options the model cannot express (PostgreSQL 18): listed as omissions, never dropped.
-- Older servers lack some of these columns: constraint_omissions.pg17.sql, .pg14.sql.
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
)
SELECT 'constraint' AS kind, s.nspname || '.' || c.relname || '.' || k.conname AS name,
       concat_ws(', ',
           CASE WHEN NOT k.conenforced THEN 'NOT ENFORCED' END,
           CASE WHEN k.conperiod THEN 'WITHOUT OVERLAPS / PERIOD' END,
           CASE WHEN k.confdelsetcols IS NOT NULL THEN 'ON DELETE SET NULL/DEFAULT (columns)' END)
       || ' not supported' AS why
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE (NOT k.conenforced OR k.conperiod OR k.confdelsetcols IS NOT NULL)
  AND k.conparentid = 0
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid)
UNION ALL
-- a NOT NULL constraint (PostgreSQL 18 keeps them in pg_constraint) the format cannot say: NOT VALID
-- (its column reads as nullable) or NO INHERIT; a name of its own is checked by the reader
SELECT 'constraint', s.nspname || '.' || c.relname || '.' || k.conname,
       concat_ws(', ',
           CASE WHEN NOT k.convalidated THEN 'NOT NULL NOT VALID (read as a nullable column)' END,
           CASE WHEN k.connoinherit THEN 'NOT NULL NO INHERIT' END)
       || ' not supported'
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN scope s ON s.oid = c.relnamespace
WHERE k.contype = 'n'
  AND (NOT k.convalidated OR k.connoinherit)
  AND k.coninhcount = 0
  AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (
      SELECT 1 FROM pg_depend d
      WHERE d.deptype = 'e' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid)
ORDER BY 1, 2
