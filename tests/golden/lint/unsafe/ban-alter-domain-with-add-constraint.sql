-- unsafe: ban-alter-domain-with-add-constraint
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER DOMAIN app.positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);
COMMIT;
