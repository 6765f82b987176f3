-- unsafe: ban-alter-function-options
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER FUNCTION app.total(bigint) STABLE;
COMMIT;
