-- Indexes on tables and materialized views in scope, except those backing a constraint
-- and partitions of a partitioned index. One JSON element per key column.
SELECT n.nspname AS schema,
       ic.relname AS name,
       c.relname AS table_name,
       am.amname AS using,
       ix.indisunique AS "unique",
       ix.indisvalid AS valid,
       coalesce(ix.indnullsnotdistinct, false) AS nulls_not_distinct,
       pg_indexam_has_property(am.oid, 'can_order') AS can_order,
       (SELECT jsonb_agg(jsonb_build_object(
                 'column', CASE WHEN g.attnum <> 0 THEN ta.attname END,
                 'expression', CASE WHEN g.attnum = 0 THEN pg_get_indexdef(ix.indexrelid, g.pos::int, true) END,
                 'opclass', CASE WHEN NOT opc.opcdefault THEN
                                 CASE WHEN opcn.nspname IN ('pg_catalog', 'public') THEN opc.opcname
                                      ELSE opcn.nspname || '.' || opc.opcname END END,
                 'opclass_options', ia.attoptions,
                 'statistics', nullif(coalesce(ia.attstattarget::integer, -1), -1),
                 'collation', CASE WHEN g.coll <> 0
                                        AND g.coll <> coalesce(ta.attcollation,
                                                               (SELECT it.typcollation FROM pg_type it
                                                                WHERE it.oid = ia.atttypid)) THEN
                                   (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname
                                                ELSE cn.nspname || '.' || co.collname END
                                    FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                    WHERE co.oid = g.coll) END,
                 'option', g.opt)
                 ORDER BY g.pos)
        FROM unnest(ix.indkey::int2[], ix.indclass::oid[], ix.indcollation::oid[], ix.indoption::int2[])
             WITH ORDINALITY g(attnum, opclass, coll, opt, pos)
        JOIN pg_attribute ia ON ia.attrelid = ix.indexrelid AND ia.attnum = g.pos
        LEFT JOIN pg_attribute ta ON ta.attrelid = ix.indrelid AND ta.attnum = g.attnum
        JOIN pg_opclass opc ON opc.oid = g.opclass
        JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
        WHERE g.pos <= ix.indnkeyatts) AS elements,
       CASE WHEN ix.indnatts > ix.indnkeyatts THEN
            array(SELECT a.attname FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) g(pos)
                  JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[g.pos - 1]
                  ORDER BY g.pos)
       ELSE '{}' END AS include,
       pg_get_expr(ix.indpred, ix.indrelid, true) AS "where",
       ic.reloptions AS options,
       dsc.description AS comment
FROM pg_index ix
JOIN pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_class c ON c.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = ic.oid
     AND dsc.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT ic.relispartition
  AND ix.indexrelid NOT IN (SELECT k.conindid FROM pg_constraint k WHERE k.contype IN ('p', 'u', 'x'))
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                      AND d.deptype = 'e')
-- no ORDER BY: the catalog keys indexes by name (sorting the wide rows cost a tenth of the query)
