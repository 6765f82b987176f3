-- unsafe: require-timeout-settings
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN note SET STATISTICS 500;
COMMIT;
