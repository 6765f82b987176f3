-- unsafe: adding-not-nullable-field
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN user_id SET NOT NULL;
COMMIT;
