-- Event triggers (database-wide): read when their function's schema is in scope.
SELECT e.evtname AS name,
       e.evtevent AS event,
       n.nspname AS function_schema,
       p.proname AS function_name,
       coalesce(e.evttags, '{}') AS tags,
       e.evtenabled AS enabled,
       CASE WHEN %(owners)s THEN pg_get_userbyid(e.evtowner) END AS owner,
       obj_description(e.oid, 'pg_event_trigger') AS comment
FROM pg_event_trigger e
JOIN pg_proc p ON p.oid = e.evtfoid
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND e.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_event_trigger'::regclass
                      AND d.deptype = 'e')
ORDER BY 1
