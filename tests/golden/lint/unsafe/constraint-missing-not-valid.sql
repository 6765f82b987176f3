-- unsafe: constraint-missing-not-valid
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 0);
COMMIT;
