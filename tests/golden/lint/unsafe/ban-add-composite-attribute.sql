-- unsafe: ban-add-composite-attribute
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TYPE app.address ADD ATTRIBUTE zip text;
COMMIT;
