-- unsafe: ban-drop-constraint
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders DROP CONSTRAINT orders_amount_check;
COMMIT;
