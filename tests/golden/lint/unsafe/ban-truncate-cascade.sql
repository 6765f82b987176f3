-- unsafe: ban-truncate-cascade
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
TRUNCATE app.users CASCADE;
COMMIT;
