-- unsafe: ban-replace-view-function
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
CREATE OR REPLACE VIEW app.order_totals AS SELECT id, amount FROM app.orders;
COMMIT;
