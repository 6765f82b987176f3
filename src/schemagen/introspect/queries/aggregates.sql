-- Aggregates (pg_proc prokind 'a' with its pg_aggregate row); window functions are omissions.
-- Each referenced function or operator as [schema, name].
SELECT n.nspname AS schema,
       p.proname AS name,
       a.aggkind AS kind,
       a.aggnumdirectargs AS direct_count,
       array(SELECT format_type(t.oid, NULL) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY x(oid, i)
             JOIN pg_type t ON t.oid = x.oid ORDER BY x.i) AS argument_types,
       p.proargmodes::text[] AS argument_modes,
       p.proargnames AS argument_names,
       (SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_proc f
        JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggtransfn) AS sfunc,
       format_type(a.aggtranstype, NULL) AS stype,
       a.aggtransspace AS sspace,
       (SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_proc f
        JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggfinalfn) AS finalfunc,
       a.aggfinalextra AS finalfunc_extra,
       a.aggfinalmodify AS finalfunc_modify,
       (SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_proc f
        JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggcombinefn) AS combinefunc,
       (SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_proc f
        JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggserialfn) AS serialfunc,
       (SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_proc f
        JOIN pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = a.aggdeserialfn) AS deserialfunc,
       a.agginitval AS initcond,
       (SELECT ARRAY[sn.nspname::text, s.oprname::text] FROM pg_operator s
        JOIN pg_namespace sn ON sn.oid = s.oprnamespace WHERE s.oid = a.aggsortop) AS sortop,
       p.proparallel AS parallel,
       a.aggmtransfn <> 0 AS moving,
       p.proleakproof OR p.procost <> 1 OR p.prosecdef AS other_options,
       CASE WHEN %(owners)s THEN pg_get_userbyid(p.proowner) END AS owner,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_aggregate a ON a.aggfnoid = p.oid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind = 'a'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND p.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_proc'::regclass
                      AND d.deptype = 'e')
ORDER BY 1, 2, pg_get_function_identity_arguments(p.oid)
