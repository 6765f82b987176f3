-- unsafe: ban-alter-extension
BEGIN;
ALTER EXTENSION pg_trgm UPDATE;
COMMIT;
