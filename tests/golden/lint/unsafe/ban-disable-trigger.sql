-- unsafe: ban-disable-trigger
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders DISABLE TRIGGER orders_audit;
COMMIT;
