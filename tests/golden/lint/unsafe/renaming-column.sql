-- unsafe: renaming-column
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders RENAME COLUMN note TO remark;
COMMIT;
