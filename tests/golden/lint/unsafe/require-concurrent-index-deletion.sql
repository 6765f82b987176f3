-- unsafe: require-concurrent-index-deletion
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP INDEX app.orders_user_idx;
COMMIT;
