-- unsafe: ban-alter-view-options
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER VIEW app.order_totals SET (security_barrier = true);
COMMIT;
