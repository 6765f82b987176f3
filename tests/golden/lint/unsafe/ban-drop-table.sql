-- unsafe: ban-drop-table
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP TABLE app.orders;
COMMIT;
