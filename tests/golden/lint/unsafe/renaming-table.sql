-- unsafe: renaming-table
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders RENAME TO purchases;
COMMIT;
