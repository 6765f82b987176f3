-- unsafe: changing-column-type
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN amount TYPE numeric(14,2);
COMMIT;
