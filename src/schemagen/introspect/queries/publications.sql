-- Publications (database-wide): read when FOR ALL TABLES or one of their tables or schemas is in
-- scope. Tables with column lists and row filters (PostgreSQL 15+); pubgencols (18) via to_jsonb.
SELECT p.pubname AS name,
       p.puballtables AS all_tables,
       array(SELECT jsonb_build_object(
                        'schema', n.nspname, 'name', c.relname,
                        'columns', CASE WHEN r.prattrs IS NULL THEN NULL ELSE
                                   (SELECT jsonb_agg(a.attname ORDER BY k.i)
                                    FROM unnest(r.prattrs::int2[]) WITH ORDINALITY k(attnum, i)
                                    JOIN pg_attribute a ON a.attrelid = r.prrelid AND a.attnum = k.attnum) END,
                        'where', pg_get_expr(r.prqual, r.prrelid))
             FROM pg_publication_rel r
             JOIN pg_class c ON c.oid = r.prrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE r.prpubid = p.oid
             ORDER BY n.nspname, c.relname) AS tables,
       array(SELECT n.nspname FROM pg_publication_namespace pn
             JOIN pg_namespace n ON n.oid = pn.pnnspid
             WHERE pn.pnpubid = p.oid ORDER BY 1) AS schemas,
       p.pubinsert AS insert, p.pubupdate AS update, p.pubdelete AS delete, p.pubtruncate AS truncate,
       p.pubviaroot AS via_partition_root,
       coalesce(to_jsonb(p) ->> 'pubgencols', 'n') AS generated_columns,
       CASE WHEN %(owners)s THEN pg_get_userbyid(p.pubowner) END AS owner,
       obj_description(p.oid, 'pg_publication') AS comment
FROM pg_publication p
WHERE %(schemas)s::text[] IS NULL OR p.puballtables
   OR EXISTS (SELECT 1 FROM pg_publication_rel r JOIN pg_class c ON c.oid = r.prrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE r.prpubid = p.oid AND n.nspname = ANY (%(schemas)s::text[]))
   OR EXISTS (SELECT 1 FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid
              WHERE pn.pnpubid = p.oid AND n.nspname = ANY (%(schemas)s::text[]))
ORDER BY 1
