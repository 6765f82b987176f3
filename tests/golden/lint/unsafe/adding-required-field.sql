-- unsafe: adding-required-field
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD COLUMN region text NOT NULL;
COMMIT;
