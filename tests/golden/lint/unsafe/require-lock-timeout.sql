-- unsafe: require-lock-timeout
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN note SET STATISTICS 500;
COMMIT;
