-- unsafe: ban-set-schema
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders SET SCHEMA archive;
COMMIT;
