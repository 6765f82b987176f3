-- unsafe: ban-drop-generated-expression
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ALTER COLUMN total DROP EXPRESSION;
COMMIT;
