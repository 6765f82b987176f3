-- unsafe: prefer-text-field
BEGIN;
CREATE TABLE app.notes (id bigint PRIMARY KEY, title varchar(80));
COMMIT;
