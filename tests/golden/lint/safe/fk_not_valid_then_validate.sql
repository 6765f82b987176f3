-- safe: a foreign key added NOT VALID, validated in a later transaction
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES app.users (id) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE app.orders VALIDATE CONSTRAINT orders_user_fkey;
COMMIT;
