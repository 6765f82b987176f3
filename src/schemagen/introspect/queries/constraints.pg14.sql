-- PostgreSQL 14 (no NULLS NOT DISTINCT): otherwise the same as constraints.sql.
SELECT n.nspname AS schema,
       c.relname AS table_name,
       k.conname AS name,
       k.contype AS type,
       k.condeferrable AS deferrable,
       k.condeferred AS initially_deferred,
       k.convalidated AS validated,
       k.connoinherit AS no_inherit,
       array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY x(attnum, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.i) AS columns,
       rn.nspname AS ref_schema,
       r.relname AS ref_table,
       array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY x(attnum, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.i) AS ref_columns,
       k.confupdtype AS on_update,
       k.confdeltype AS on_delete,
       k.confmatchtype AS match,
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END AS expression,
       CASE WHEN k.contype IN ('p', 'u', 'x') THEN
            array(SELECT a.attname FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) g(pos)
                  JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[g.pos - 1]
                  ORDER BY g.pos)
       END AS include,
       false AS nulls_not_distinct,
       am.amname AS using,
       ic.reloptions AS index_options,
       CASE WHEN k.contype = 'x' THEN pg_get_expr(ix.indpred, ix.indrelid, true) END AS "where",
       CASE WHEN k.contype = 'x' THEN
            (SELECT jsonb_agg(jsonb_build_object(
                      'expression', pg_get_indexdef(k.conindid, g.pos, true),
                      'is_column', ix.indkey[g.pos - 1] <> 0,
                      'operator', CASE WHEN opn.nspname = 'pg_catalog' THEN op.oprname
                                       ELSE 'OPERATOR(' || opn.nspname || '.' || op.oprname || ')' END,
                      'opclass', CASE WHEN NOT opc.opcdefault THEN
                                      CASE WHEN opcn.nspname IN ('pg_catalog', 'public') THEN opc.opcname
                                           ELSE opcn.nspname || '.' || opc.opcname END END,
                      'statistics', (SELECT nullif(coalesce(ia.attstattarget::integer, -1), -1)
                                     FROM pg_attribute ia WHERE ia.attrelid = k.conindid AND ia.attnum = g.pos))
                      ORDER BY g.pos)
             FROM generate_series(1, ix.indnkeyatts) g(pos)
             JOIN pg_operator op ON op.oid = k.conexclop[g.pos]
             JOIN pg_namespace opn ON opn.oid = op.oprnamespace
             JOIN pg_opclass opc ON opc.oid = ix.indclass[g.pos - 1]
             JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace)
       END AS elements,
       -- only a partition's index can be attached to a parent's index
       CASE WHEN k.contype IN ('p', 'u', 'x') AND c.relispartition THEN
            (SELECT pi.relname FROM pg_inherits h JOIN pg_class pi ON pi.oid = h.inhparent
             WHERE h.inhrelid = k.conindid)
       END AS attached_to,
       dsc.description AS comment
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class r ON r.oid = k.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
LEFT JOIN pg_index ix ON ix.indexrelid = k.conindid AND k.contype IN ('p', 'u', 'x')
LEFT JOIN pg_class ic ON ic.oid = ix.indexrelid
LEFT JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_constraint'::regclass AND dsc.objoid = k.oid
     AND dsc.objsubid = 0
WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
  AND c.relkind IN ('r', 'p')
  AND k.conparentid = 0
  AND k.conislocal
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                    AND d.deptype = 'e')
ORDER BY k.oid  -- cheap and stable; the reader orders by name
