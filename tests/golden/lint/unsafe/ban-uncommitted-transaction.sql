-- unsafe: ban-uncommitted-transaction
BEGIN;
CREATE TABLE app.b (id bigint PRIMARY KEY);
