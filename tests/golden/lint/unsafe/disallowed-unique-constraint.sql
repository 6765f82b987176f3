-- unsafe: disallowed-unique-constraint
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_ref_key UNIQUE (ref);
COMMIT;
