-- unsafe: ban-alter-identity
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
COMMIT;
