-- unsafe: ban-drop-column
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders DROP COLUMN note;
COMMIT;
