-- User triggers on tables and views in scope (not internal ones, not clones on partitions).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       tg.tgname AS name,
       fn.nspname AS function_schema,
       f.proname AS function_name,
       tg.tgtype AS type_bits,
       array(SELECT a.attname FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY x(attnum, i)
             JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = x.attnum ORDER BY x.i) AS update_columns,
       tg.tgnargs AS argument_count,
       encode(tg.tgargs, 'hex') AS arguments,
       tg.tgoldtable AS referencing_old,
       tg.tgnewtable AS referencing_new,
       tg.tgconstraint <> 0 AS is_constraint,
       coalesce(k.condeferrable, false) AS deferrable,
       coalesce(k.condeferred, false) AS initially_deferred,
       tg.tgenabled AS enabled,
       pg_get_triggerdef(tg.oid, true) AS definition,
       obj_description(tg.oid, 'pg_trigger') AS comment
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc f ON f.oid = tg.tgfoid
JOIN pg_namespace fn ON fn.oid = f.pronamespace
LEFT JOIN pg_constraint k ON k.oid = tg.tgconstraint
WHERE NOT tg.tgisinternal
  AND tg.tgparentid = 0
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.oid NOT IN (SELECT d.objid FROM pg_depend d
                  WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_class'::regclass
                    AND d.deptype = 'e')
ORDER BY 1, 2, 3
