-- Foreign data: an extension's wrapper (postgres_fdw), a declared wrapper with no handler, servers
-- with type, version and options, user mappings for a role and for PUBLIC (a password, never read).
CREATE SCHEMA remote;
CREATE EXTENSION postgres_fdw;
CREATE ROLE fdw_reporter;

CREATE FOREIGN DATA WRAPPER plain VALIDATOR postgresql_fdw_validator;
COMMENT ON FOREIGN DATA WRAPPER plain IS 'no handler';
CREATE FOREIGN DATA WRAPPER "Bare" OPTIONS (debug 'true', "it's" 'a=b');

CREATE SERVER reports FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'reports.internal', port '5432', dbname 'reports');
COMMENT ON SERVER reports IS 'the reporting database';
CREATE SERVER "Old Archive" TYPE 'archive' VERSION '9.6' FOREIGN DATA WRAPPER plain OPTIONS (dbname 'old');
CREATE SERVER loose FOREIGN DATA WRAPPER "Bare";

CREATE USER MAPPING FOR fdw_reporter SERVER reports OPTIONS (user 'report_reader', password 'secret-1');
CREATE USER MAPPING FOR PUBLIC SERVER reports OPTIONS (user 'guest');
CREATE USER MAPPING FOR PUBLIC SERVER "Old Archive";

-- foreign tables: columns with options, NOT NULL, a default, a collation; CHECKs, options,
-- comments, grants; one with no columns; a view over one
CREATE FOREIGN TABLE remote.orders (
    id bigint NOT NULL,
    total numeric(12,2) OPTIONS (column_name 'amount') DEFAULT 0,
    note text COLLATE "C",
    "Placed At" timestamp with time zone,
    CONSTRAINT positive_total CHECK (total >= 0)
) SERVER reports OPTIONS (schema_name 'public', table_name 'orders');
COMMENT ON FOREIGN TABLE remote.orders IS 'orders, read remotely';
COMMENT ON COLUMN remote.orders.total IS 'in euros';
GRANT SELECT ON remote.orders TO fdw_reporter;
GRANT SELECT (id) ON remote.orders TO PUBLIC;
CREATE FOREIGN TABLE remote."Empty" () SERVER "Old Archive";
CREATE VIEW remote.big_orders AS SELECT id, total FROM remote.orders WHERE total > 100;

-- a foreign table as a partition, beside an ordinary one (PARTITION OF … SERVER)
CREATE TABLE remote.events (id bigint, year integer NOT NULL) PARTITION BY RANGE (year);
CREATE TABLE remote.events_recent PARTITION OF remote.events FOR VALUES FROM (2024) TO (MAXVALUE);
CREATE FOREIGN TABLE remote.events_2020 PARTITION OF remote.events FOR VALUES FROM (2020) TO (2024)
    SERVER reports OPTIONS (table_name 'events_2020');

-- file_fdw: the extension's wrapper, a server, a foreign table over a file
CREATE EXTENSION file_fdw;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE remote.host_lines (line text) SERVER files
    OPTIONS (filename '/etc/hostname', format 'text');

-- a foreign table inheriting from a local table (sharding by inheritance): its own column,
-- a column it shares with the parent (merged), and one only inherited
CREATE TABLE remote.measurements (id bigint NOT NULL, taken date, value numeric);
CREATE FOREIGN TABLE remote.measurements_old (value numeric, station text)
    INHERITS (remote.measurements) SERVER reports OPTIONS (table_name 'measurements');
