-- unsafe: ban-drop-not-null
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN note DROP NOT NULL;
COMMIT;
