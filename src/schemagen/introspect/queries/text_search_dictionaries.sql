-- Text search dictionaries: template and options (dictinitoption, as PostgreSQL serialises them).
SELECT n.nspname AS schema,
       d.dictname AS name,
       tn.nspname AS template_schema,
       t.tmplname AS template_name,
       d.dictinitoption AS options,
       CASE WHEN %(owners)s THEN pg_get_userbyid(d.dictowner) END AS owner,
       obj_description(d.oid, 'pg_ts_dict') AS comment
FROM pg_ts_dict d
JOIN pg_namespace n ON n.oid = d.dictnamespace
JOIN pg_ts_template t ON t.oid = d.dicttemplate
JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND d.oid NOT IN (SELECT x.objid FROM pg_depend x
                    WHERE x.refclassid = 'pg_extension'::regclass AND x.classid = 'pg_ts_dict'::regclass
                      AND x.deptype = 'e')
ORDER BY 1, 2
