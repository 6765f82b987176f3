-- unsafe: ban-drop-policy
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP POLICY tenant ON app.orders;
COMMIT;
