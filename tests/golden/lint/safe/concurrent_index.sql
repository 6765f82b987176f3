-- safe: an index built concurrently, outside any transaction
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON app.orders (user_id);
