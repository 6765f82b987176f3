-- unsafe: ban-drop-extension
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP EXTENSION pg_trgm;
COMMIT;
