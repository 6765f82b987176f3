-- ALTER DEFAULT PRIVILEGES entries, in a schema in scope or global (schema NULL: when all
-- schemas are read, or database_wide).
-- for_role is NULL for the connected role's own entries (no FOR ROLE needed to recreate them).
-- A global entry replaces the built-in default (acldefault): action 'grant' is a privilege
-- beyond it, 'revoke' one of it that was taken away. A schema's entry only adds ('grant').
WITH entries AS (
    SELECT NULLIF(pg_get_userbyid(da.defaclrole), current_user) AS for_role,
           n.nspname AS schema,
           da.defaclobjtype AS object_type,
           da.defaclacl AS acl,
           CASE WHEN da.defaclnamespace = 0
                THEN acldefault(CASE da.defaclobjtype WHEN 'S' THEN 's' ELSE da.defaclobjtype END::"char",
                                da.defaclrole)
                ELSE NULL END AS base
    FROM pg_default_acl da
    LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
    WHERE (da.defaclnamespace = 0 AND %(database_wide)s)
       OR (n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
           AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[])))
), changed AS (
    SELECT en.for_role, en.schema, en.object_type, 'grant' AS action, e.grantee, e.privilege_type, e.is_grantable
    FROM entries en CROSS JOIN LATERAL aclexplode(en.acl) e
    WHERE NOT EXISTS (SELECT 1 FROM aclexplode(en.base) b
                      WHERE b.grantee = e.grantee AND b.privilege_type = e.privilege_type
                        AND b.is_grantable = e.is_grantable)
    UNION ALL
    SELECT en.for_role, en.schema, en.object_type, 'revoke', b.grantee, b.privilege_type, b.is_grantable
    FROM entries en CROSS JOIN LATERAL aclexplode(en.base) b
    WHERE NOT EXISTS (SELECT 1 FROM aclexplode(en.acl) e
                      WHERE b.grantee = e.grantee AND b.privilege_type = e.privilege_type
                        AND b.is_grantable = e.is_grantable)
)
SELECT for_role, schema, object_type, action,
       CASE WHEN grantee = 0 THEN 'public' ELSE pg_get_userbyid(grantee) END AS grantee,
       privilege_type, is_grantable
FROM changed
ORDER BY 1, 2, 3, 4, 5, 6
