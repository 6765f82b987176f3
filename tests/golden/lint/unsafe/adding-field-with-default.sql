-- unsafe: adding-field-with-default
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TABLE IF EXISTS app.orders ADD COLUMN IF NOT EXISTS token uuid DEFAULT gen_random_uuid();
