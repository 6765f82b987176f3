-- unsafe: ban-alter-sequence-values
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER SEQUENCE app.ticket_seq RESTART WITH 1;
COMMIT;
