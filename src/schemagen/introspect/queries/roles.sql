-- Non-system roles, the bootstrap superuser included (the reader keeps those the objects in
-- scope refer to: a grant to the superuser is declared with its role).
SELECT r.rolname AS name,
       r.rolcanlogin AS login,
       r.rolinherit AS inherit,
       r.rolsuper AS superuser,
       r.rolcreaterole AS create_role,
       r.rolcreatedb AS create_db,
       r.rolreplication AS replication,
       r.rolbypassrls AS bypass_rls,
       r.rolconnlimit AS connection_limit,
       array(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = r.oid ORDER BY 1) AS member_of,
       -- inherit_option and set_option are PostgreSQL 16's (absent on 15: null here)
       (SELECT json_agg(json_build_object('role', g.rolname, 'admin', m.admin_option,
                                          'inherit', to_jsonb(m) -> 'inherit_option',
                                          'set', to_jsonb(m) -> 'set_option') ORDER BY g.rolname)
        FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
        WHERE m.member = r.oid) AS memberships,
       CASE WHEN isfinite(r.rolvaliduntil)
            THEN to_char(r.rolvaliduntil AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"')
       END AS valid_until,
       shobj_description(r.oid, 'pg_authid') AS comment
FROM pg_roles r
WHERE r.rolname !~ '^pg_'
ORDER BY 1
