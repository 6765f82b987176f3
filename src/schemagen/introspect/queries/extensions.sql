-- Installed extensions (database-wide; plpgsql is built in and left out).
SELECT e.extname AS name,
       n.nspname AS schema,
       e.extversion AS version,
       a.default_version
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
LEFT JOIN pg_available_extensions a ON a.name = e.extname
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname
