-- unsafe: ban-drop-sequence
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
DROP SEQUENCE app.ticket_seq;
COMMIT;
