-- Text search configurations: parser and mappings (token type alias → dictionaries in order).
SELECT n.nspname AS schema,
       c.cfgname AS name,
       pn.nspname AS parser_schema,
       p.prsname AS parser_name,
       array(SELECT jsonb_build_array(t.alias, dn.nspname, d.dictname)
             FROM pg_ts_config_map m
             JOIN ts_token_type(c.cfgparser) t ON t.tokid = m.maptokentype
             JOIN pg_ts_dict d ON d.oid = m.mapdict
             JOIN pg_namespace dn ON dn.oid = d.dictnamespace
             WHERE m.mapcfg = c.oid
             ORDER BY t.alias, m.mapseqno) AS mappings,
       CASE WHEN %(owners)s THEN pg_get_userbyid(c.cfgowner) END AS owner,
       obj_description(c.oid, 'pg_ts_config') AS comment
FROM pg_ts_config c
JOIN pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_namespace pn ON pn.oid = p.prsnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT x.objid FROM pg_depend x
                    WHERE x.refclassid = 'pg_extension'::regclass AND x.classid = 'pg_ts_config'::regclass
                      AND x.deptype = 'e')
ORDER BY 1, 2
