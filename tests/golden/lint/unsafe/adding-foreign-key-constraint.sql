-- unsafe: adding-foreign-key-constraint
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id);
COMMIT;
