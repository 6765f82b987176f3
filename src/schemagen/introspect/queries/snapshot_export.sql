-- The first connection of a parallel read: a repeatable-read snapshot a second connection imports.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SELECT pg_catalog.pg_export_snapshot() AS id
