-- unsafe: ban-concurrent-index-creation-in-transaction
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
CREATE INDEX CONCURRENTLY orders_user_idx ON app.orders (user_id);
COMMIT;
