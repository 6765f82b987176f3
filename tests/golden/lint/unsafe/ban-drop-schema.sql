-- unsafe: ban-drop-schema
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP SCHEMA legacy;
COMMIT;
