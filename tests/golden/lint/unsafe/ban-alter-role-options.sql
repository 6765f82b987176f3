-- unsafe: ban-alter-role-options
BEGIN;
ALTER ROLE reader NOLOGIN;
COMMIT;
