-- unsafe: ban-alter-policy-roles
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER POLICY tenant ON app.orders TO reader;
COMMIT;
