-- Functions, window functions and procedures (aggregates: aggregates.sql).
SELECT n.nspname AS schema,
       p.proname AS name,
       p.prokind AS kind,
       array(SELECT format_type(t.oid, NULL) FROM unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]))
             WITH ORDINALITY x(oid, i) JOIN pg_type t ON t.oid = x.oid ORDER BY x.i) AS argument_types,
       p.proargmodes::text[] AS argument_modes,
       p.proargnames AS argument_names,
       p.pronargdefaults AS default_count,
       pg_get_expr(p.proargdefaults, 0) AS argument_defaults,
       CASE WHEN p.prokind = 'p' THEN NULL ELSE format_type(p.prorettype, NULL) END AS return_type,
       p.proretset AS returns_set,
       l.lanname AS language,
       CASE WHEN p.prosqlbody IS NULL THEN p.prosrc ELSE pg_get_function_sqlbody(p.oid) END AS body,
       p.provolatile AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       p.proparallel AS parallel,
       p.proleakproof AS leakproof,
       p.procost AS cost,
       p.prorows AS rows,
       CASE WHEN p.prosupport <> 0 THEN
            (SELECT ARRAY[sn.nspname::text, sp.proname::text] FROM pg_proc sp
             JOIN pg_namespace sn ON sn.oid = sp.pronamespace WHERE sp.oid = p.prosupport)
       END AS support,
       p.proconfig AS config,
       p.probin AS object_file,
       CASE WHEN %(owners)s THEN pg_get_userbyid(p.proowner) END AS owner,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND p.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_proc'::regclass
                    AND d.deptype = 'e')
  -- a range's and a multirange's constructors are part of the type (range_types.sql)
  AND p.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_type'::regclass
                    AND d.deptype = 'i')
ORDER BY 1, 2, pg_get_function_identity_arguments(p.oid)
