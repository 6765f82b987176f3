-- unsafe: transaction-nesting
BEGIN;
CREATE TABLE app.a (id bigint PRIMARY KEY);
BEGIN;
COMMIT;
