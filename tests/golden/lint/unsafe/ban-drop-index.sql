-- unsafe: ban-drop-index
SET lock_timeout = '2s';
SET statement_timeout = '5min';
DROP INDEX CONCURRENTLY IF EXISTS app.orders_user_idx;
