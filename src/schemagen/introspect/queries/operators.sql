-- Operators: argument types, function, commutator, negator, estimators, HASHES, MERGES.
-- Each referenced function or operator as [schema, name].
SELECT n.nspname AS schema,
       o.oprname AS name,
       o.oprkind AS kind,
       CASE WHEN o.oprleft = 0 THEN NULL ELSE format_type(o.oprleft, NULL) END AS left_type,
       CASE WHEN o.oprright = 0 THEN NULL ELSE format_type(o.oprright, NULL) END AS right_type,
       (SELECT ARRAY[pn.nspname::text, p.proname::text] FROM pg_proc p
        JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE p.oid = o.oprcode) AS function,
       (SELECT ARRAY[cn.nspname::text, c.oprname::text] FROM pg_operator c
        JOIN pg_namespace cn ON cn.oid = c.oprnamespace WHERE c.oid = o.oprcom) AS commutator,
       (SELECT ARRAY[gn.nspname::text, g.oprname::text] FROM pg_operator g
        JOIN pg_namespace gn ON gn.oid = g.oprnamespace WHERE g.oid = o.oprnegate) AS negator,
       (SELECT ARRAY[pn.nspname::text, p.proname::text] FROM pg_proc p
        JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE p.oid = o.oprrest) AS restrict,
       (SELECT ARRAY[pn.nspname::text, p.proname::text] FROM pg_proc p
        JOIN pg_namespace pn ON pn.oid = p.pronamespace WHERE p.oid = o.oprjoin) AS join,
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       CASE WHEN %(owners)s THEN pg_get_userbyid(o.oprowner) END AS owner,
       obj_description(o.oid, 'pg_operator') AS comment
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND o.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_operator'::regclass
                      AND d.deptype = 'e')
ORDER BY 1, 2, 4, 5
