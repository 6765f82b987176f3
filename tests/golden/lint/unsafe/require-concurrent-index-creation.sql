-- unsafe: require-concurrent-index-creation
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
CREATE INDEX orders_user_idx ON app.orders (user_id);
COMMIT;
