-- Columns of tables in scope, with identity sequence options and (PostgreSQL 18) NOT NULL constraints.
-- hashed once: probing pg_constraint's index for each column cost half the query
WITH not_null AS MATERIALIZED (
    SELECT k.conrelid, k.conkey[1] AS attnum, k.conname, k.convalidated, k.coninhcount
    FROM pg_constraint k WHERE k.contype = 'n'
)
SELECT n.nspname AS schema,
       c.relname AS table_name,
       a.attnum AS position,
       a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       -- PostgreSQL 18 keeps NOT NULL as a constraint: a NOT VALID one (attnotnull is set) does not
       -- hold for existing rows, so the column reads as nullable (constraint_omissions lists it)
       a.attnotnull AND coalesce(nn.convalidated, true) AS not_null,
       -- its own name, when not <table>_<column>_not_null (the reader checks truncated defaults)
       CASE WHEN nn.coninhcount = 0 AND nn.conname <> c.relname || '_' || a.attname || '_not_null'
            THEN nn.conname END AS not_null_name,
       -- a default cannot refer to columns: deparsed without its table (no relation lock per call)
       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END, true) AS expression,
       a.attidentity AS identity,
       a.attgenerated AS generated,
       a.attislocal AS is_local,
       nullif(coalesce(a.attstattarget::integer, -1), -1) AS statistics,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
       nullif(a.attcompression, '') AS compression,
       a.attoptions AS options,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname ELSE cn.nspname || '.' || co.collname END
       END AS collation,
       format_type(s.seqtypid, NULL) AS seq_type,
       s.seqstart AS seq_start,
       s.seqincrement AS seq_increment,
       s.seqmin AS seq_min,
       s.seqmax AS seq_max,
       s.seqcache AS seq_cache,
       s.seqcycle AS seq_cycle,
       dsc.description AS comment
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
-- an identity column's sequence, looked up for identity columns only (joining pg_depend
-- whole cost a third of the query on 10,000 tables)
LEFT JOIN LATERAL (SELECT s.* FROM pg_depend sd JOIN pg_sequence s ON s.seqrelid = sd.objid
                   WHERE a.attidentity <> '' AND sd.refclassid = 'pg_class'::regclass
                     AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum
                     AND sd.classid = 'pg_class'::regclass AND sd.deptype = 'i') s ON true
LEFT JOIN pg_description dsc ON dsc.classoid = 'pg_class'::regclass AND dsc.objoid = c.oid
     AND dsc.objsubid = a.attnum
LEFT JOIN not_null nn ON nn.conrelid = a.attrelid AND nn.attnum = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND a.attnum > 0 AND NOT a.attisdropped
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                    AND d.deptype = 'e')
-- no ORDER BY: the reader groups columns by table and orders them by position
