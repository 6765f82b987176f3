-- unsafe: ban-revoke
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
REVOKE SELECT ON app.orders FROM reader;
COMMIT;
