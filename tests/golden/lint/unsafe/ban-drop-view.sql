-- unsafe: ban-drop-view
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP VIEW app.order_totals;
COMMIT;
