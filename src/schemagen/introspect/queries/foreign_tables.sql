-- Foreign tables in scope: server, options, columns (attfdwoptions: column options), CHECK
-- constraints; a partition's bound (its columns are its parent's); INHERITS parents (pg_inherits,
-- the columns it holds only from them left out: attislocal).
SELECT n.nspname AS schema,
       c.relname AS name,
       s.srvname AS server,
       coalesce((SELECT jsonb_object_agg(o.option_name, o.option_value)
                 FROM pg_options_to_table(ft.ftoptions) o), '{}') AS options,
       CASE WHEN %(owners)s THEN pg_get_userbyid(c.relowner) END AS owner,
       obj_description(c.oid, 'pg_class') AS comment,
       (SELECT jsonb_agg(jsonb_build_array(ipn.nspname, ip.relname) ORDER BY ih.inhseqno)
        FROM pg_inherits ih JOIN pg_class ip ON ip.oid = ih.inhparent
        JOIN pg_namespace ipn ON ipn.oid = ip.relnamespace
        WHERE ih.inhrelid = c.oid AND NOT c.relispartition) AS inherits,
       (SELECT pn.nspname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
        JOIN pg_namespace pn ON pn.oid = p.relnamespace
        WHERE c.relispartition AND i.inhrelid = c.oid) AS parent_schema,
       (SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
        WHERE c.relispartition AND i.inhrelid = c.oid) AS parent_name,
       pg_get_expr(c.relpartbound, c.oid) AS partition_bound,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                    'name', a.attname,
                    'type', format_type(a.atttypid, a.atttypmod),
                    'not_null', a.attnotnull,
                    'default', pg_get_expr(ad.adbin, ad.adrelid, true),
                    'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
                                     CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
                                          ELSE cn.nspname || '.' || co.collname END END,
                    'options', coalesce((SELECT jsonb_object_agg(o.option_name, o.option_value)
                                         FROM pg_options_to_table(a.attfdwoptions) o), '{}'),
                    'comment', col_description(c.oid, a.attnum),
                    'local', a.attislocal) ORDER BY a.attnum)
                 FROM pg_attribute a
                 JOIN pg_type t ON t.oid = a.atttypid
                 LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                 LEFT JOIN pg_collation co ON co.oid = a.attcollation
                 LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '[]') AS columns,
       coalesce((SELECT jsonb_agg(jsonb_build_object(
                    'name', k.conname,
                    'expression', pg_get_expr(k.conbin, k.conrelid, true),
                    'no_inherit', k.connoinherit,
                    'validated', k.convalidated) ORDER BY k.conname)
                 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal), '[]') AS checks
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_foreign_table ft ON ft.ftrelid = c.oid
JOIN pg_foreign_server s ON s.oid = ft.ftserver
WHERE c.relkind = 'f'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                      AND d.deptype = 'e')
ORDER BY 1, 2
