-- Privileges that differ from an object's built-in defaults (acldefault), one row per
-- grantee and privilege. action 'grant': granted beyond the default; 'revoke': a default
-- privilege that was revoked. The owner's implicit privileges are part of the default.
WITH objects AS (
    SELECT 'schema' AS object_kind, n.nspname AS schema, n.nspname AS name,
           NULL::text[] AS argument_types, NULL::name AS column_name,
           n.nspacl AS acl, acldefault('n', n.nspowner) AS default_acl
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND n.nspacl IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
    UNION ALL
    SELECT CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END, n.nspname, c.relname,
           NULL, NULL, c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND c.relacl IS NOT NULL
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'column', n.nspname, c.relname, NULL, a.attname, a.attacl, acldefault('c', c.relowner)
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE 'function' END, n.nspname, p.proname,
           array(SELECT format_type(x.oid, NULL) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY x(oid, i)
                 ORDER BY x.i),
           NULL, p.proacl, acldefault('f', p.proowner)
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proacl IS NOT NULL
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'type', n.nspname, t.typname, NULL, NULL, t.typacl, acldefault('T', t.typowner)
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE t.typacl IS NOT NULL
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
)
SELECT o.object_kind, o.schema, o.name, o.argument_types, o.column_name, e.action,
       CASE WHEN e.grantee = 0 THEN 'public' ELSE pg_get_userbyid(e.grantee) END AS grantee,
       e.privilege_type, e.is_grantable
FROM objects o
CROSS JOIN LATERAL (
    (SELECT 'grant' AS action, g.grantee, g.privilege_type, g.is_grantable FROM aclexplode(o.acl) g
     EXCEPT
     SELECT 'grant', d.grantee, d.privilege_type, d.is_grantable FROM aclexplode(o.default_acl) d)
    UNION ALL
    (SELECT 'revoke', d.grantee, d.privilege_type, d.is_grantable FROM aclexplode(o.default_acl) d
     EXCEPT
     SELECT 'revoke', g.grantee, g.privilege_type, g.is_grantable FROM aclexplode(o.acl) g)
) e
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
