-- unsafe: ban-create-domain-with-constraint
BEGIN;
CREATE DOMAIN app.positive AS bigint CHECK (VALUE > 0);
COMMIT;
