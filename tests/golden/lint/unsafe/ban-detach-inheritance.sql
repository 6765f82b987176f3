-- unsafe: ban-detach-inheritance
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders_2025 NO INHERIT app.orders;
COMMIT;
