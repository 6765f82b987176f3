-- unsafe: renaming-object
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER INDEX app.orders_user_idx RENAME TO orders_by_user;
COMMIT;
