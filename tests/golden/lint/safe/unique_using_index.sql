-- safe: a unique constraint on an index built concurrently
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_idx ON app.orders (ref);
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_idx;
COMMIT;
