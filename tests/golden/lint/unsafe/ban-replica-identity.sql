-- unsafe: ban-replica-identity
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders REPLICA IDENTITY FULL;
COMMIT;
