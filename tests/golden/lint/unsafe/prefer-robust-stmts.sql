-- unsafe: prefer-robust-stmts
CREATE TABLE app.tags (id bigint PRIMARY KEY);
