-- Range types (CREATE TYPE ... AS RANGE). Their multirange types and constructor functions
-- belong to them (functions.sql leaves the constructors out). The subtype's default operator
-- class and collation read as NULL; a CANONICAL function is an omission (omissions.sql).
SELECT n.nspname AS schema,
       t.typname AS name,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT oc.opcdefault THEN ocn.nspname END AS opclass_schema,
       CASE WHEN NOT oc.opcdefault THEN oc.opcname END AS opclass_name,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
                 ELSE cn.nspname || '.' || co.collname END END AS collation,
       dn.nspname AS diff_schema,
       d.proname AS diff_name,
       mn.nspname AS multirange_schema,
       mt.typname AS multirange_name,
       obj_description(t.oid, 'pg_type') AS comment,
       CASE WHEN %(owners)s THEN pg_get_userbyid(t.typowner) END AS owner
FROM pg_range r
JOIN pg_type t ON t.oid = r.rngtypid
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type st ON st.oid = r.rngsubtype
JOIN pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_proc d ON d.oid = r.rngsubdiff
LEFT JOIN pg_namespace dn ON dn.oid = d.pronamespace
JOIN pg_type mt ON mt.oid = r.rngmultitypid
JOIN pg_namespace mn ON mn.oid = mt.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND t.oid NOT IN (SELECT dp.objid FROM pg_depend dp
                    WHERE dp.refclassid = 'pg_extension'::regclass AND dp.classid = 'pg_type'::regclass
                      AND dp.deptype = 'e')
ORDER BY 1, 2
