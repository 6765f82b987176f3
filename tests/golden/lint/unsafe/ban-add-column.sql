-- unsafe: ban-add-column
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD COLUMN remark text;
COMMIT;
