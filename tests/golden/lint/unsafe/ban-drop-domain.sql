-- unsafe: ban-drop-domain
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP DOMAIN app.positive;
COMMIT;
