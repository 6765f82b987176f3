-- unsafe: ban-alter-row-level-security
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
COMMIT;
