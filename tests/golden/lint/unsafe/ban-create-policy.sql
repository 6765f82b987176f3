-- unsafe: ban-create-policy
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
CREATE POLICY tenant ON app.orders USING (tenant_id = 1);
COMMIT;
