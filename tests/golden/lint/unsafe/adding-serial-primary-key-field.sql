-- unsafe: adding-serial-primary-key-field
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD PRIMARY KEY (id);
COMMIT;
