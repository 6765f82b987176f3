-- safe: SET NOT NULL after a validated CHECK (col IS NOT NULL) skips the scan (PostgreSQL 12+)
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_user_nn CHECK (user_id IS NOT NULL) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE app.orders VALIDATE CONSTRAINT orders_user_nn;
COMMIT;
BEGIN;
ALTER TABLE app.orders ALTER COLUMN user_id SET NOT NULL;
-- schemagen-lint: ignore ban-drop-constraint the helper check is redundant once the column is NOT NULL
ALTER TABLE app.orders DROP CONSTRAINT orders_user_nn;
COMMIT;
