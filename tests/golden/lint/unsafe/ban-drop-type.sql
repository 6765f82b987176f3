-- unsafe: ban-drop-type
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP TYPE app.status;
COMMIT;
