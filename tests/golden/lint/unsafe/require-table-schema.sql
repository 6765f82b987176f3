-- unsafe: require-table-schema
BEGIN;
CREATE TABLE tags (id bigint PRIMARY KEY);
COMMIT;
