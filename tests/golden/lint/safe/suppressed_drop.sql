-- safe: a reviewed drop, suppressed next to the statement with its reason
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
-- schemagen-lint: ignore ban-drop-column no release since 2.4 reads legacy_note (checked in the query log)
ALTER TABLE app.orders DROP COLUMN IF EXISTS legacy_note;
COMMIT;
