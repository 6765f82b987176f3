-- ALTER DEFAULT PRIVILEGES entries, in a schema in scope or global (schema NULL).
-- for_role is NULL for the connected role's own entries (no FOR ROLE needed to recreate them).
SELECT NULLIF(pg_get_userbyid(da.defaclrole), current_user) AS for_role,
       n.nspname AS schema,
       da.defaclobjtype AS object_type,
       CASE WHEN e.grantee = 0 THEN 'public' ELSE pg_get_userbyid(e.grantee) END AS grantee,
       e.privilege_type,
       e.is_grantable
FROM pg_default_acl da
LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
CROSS JOIN LATERAL aclexplode(da.defaclacl) e
WHERE (da.defaclnamespace = 0 AND %(schemas)s::text[] IS NULL)
   OR (n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
       AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[])))
ORDER BY 1, 2, 3, 4, 5
