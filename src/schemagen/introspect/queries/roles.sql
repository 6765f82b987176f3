-- Non-system roles (the reader keeps those the objects in scope refer to).
SELECT r.rolname AS name,
       r.rolcanlogin AS login,
       r.rolinherit AS inherit,
       array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid ORDER BY 1) AS member_of,
       shobj_description(r.oid, 'pg_authid') AS comment
FROM pg_roles r
WHERE r.rolname !~ '^pg_'
  AND r.oid <> 10
ORDER BY 1
