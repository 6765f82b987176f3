-- unsafe: unused-ignore
BEGIN;
-- schemagen-lint: ignore ban-drop-table nothing is dropped here
CREATE TABLE app.c (id bigint PRIMARY KEY);
COMMIT;
