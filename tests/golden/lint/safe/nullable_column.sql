-- safe: a nullable column, backfilled in batches by the application
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS region text;
COMMIT;
