-- unsafe: prefer-bigint-over-int
BEGIN;
CREATE TABLE app.counters (id bigint PRIMARY KEY, hits integer);
COMMIT;
