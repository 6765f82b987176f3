-- Collations (columns, domains and indexes name the ones they use).
-- Columns of some versions only (colliculocale 15-16, colllocale 17+, collicurules 16+)
-- are read through to_jsonb, so one text serves every version.
SELECT n.nspname AS schema,
       co.collname AS name,
       co.collprovider AS provider,
       co.collcollate AS lc_collate,
       co.collctype AS lc_ctype,
       coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') AS locale,
       to_jsonb(co) ->> 'collicurules' AS rules,
       co.collisdeterministic AS deterministic,
       CASE WHEN %(owners)s THEN pg_get_userbyid(co.collowner) END AS owner,
       obj_description(co.oid, 'pg_collation') AS comment
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND co.oid NOT IN (SELECT d.objid FROM pg_depend d
                     WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_collation'::regclass
                       AND d.deptype = 'e')
ORDER BY 1, 2
