-- unsafe: ban-drop-function
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP FUNCTION app.total(bigint);
COMMIT;
