-- Tables and partitioned tables: persistence, RLS flags, partition key and bound, comment.
SELECT n.nspname AS schema,
       c.relname AS name,
       c.relkind AS kind,
       c.relpersistence = 'u' AS unlogged,
       c.relrowsecurity AS rls_enabled,
       c.relforcerowsecurity AS rls_forced,
       pt.partstrat AS partition_strategy,
       CASE WHEN pt.partrelid IS NOT NULL THEN
            array(SELECT a.attname FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY k(attnum, i)
                  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum <> 0
                  ORDER BY k.i)
       END AS partition_columns,
       pg_get_partkeydef(c.oid) AS partition_key,
       pn.nspname AS parent_schema,
       p.relname AS parent_name,
       pg_get_expr(c.relpartbound, c.oid) AS partition_bound,
       c.reloptions AS options,
       (SELECT ic.relname FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid
        WHERE ix.indrelid = c.oid AND ix.indisclustered) AS cluster_on,
       c.relreplident AS replica_identity,
       (SELECT ic.relname FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid
        WHERE ix.indrelid = c.oid AND ix.indisreplident) AS replica_identity_index,
       c.reloftype <> 0 AS typed,
       CASE WHEN NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid) THEN
            (SELECT jsonb_agg(jsonb_build_array(ipn.nspname, ip.relname) ORDER BY ih.inhseqno)
             FROM pg_inherits ih JOIN pg_class ip ON ip.oid = ih.inhparent
             JOIN pg_namespace ipn ON ipn.oid = ip.relnamespace
             WHERE ih.inhrelid = c.oid)
       END AS inherits,
       CASE WHEN %(owners)s THEN pg_get_userbyid(c.relowner) END AS owner,
       dsc.description AS comment
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_class p ON p.oid = i.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = p.relnamespace
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid
     AND dsc.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                    AND d.deptype = 'e')
ORDER BY c.oid  -- cheap and stable; the reader orders by name
