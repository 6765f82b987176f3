-- unsafe: prefer-bigint-over-smallint
BEGIN;
CREATE TABLE app.levels (id bigint PRIMARY KEY, level smallint);
COMMIT;
