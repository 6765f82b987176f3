-- safe: a CHECK added NOT VALID, validated in a later transaction
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_amount_check CHECK (amount >= 0) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE app.orders VALIDATE CONSTRAINT orders_amount_check;
COMMIT;
