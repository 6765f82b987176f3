-- unsafe: ban-alter-database-options
BEGIN;
ALTER DATABASE shop SET work_mem = '64MB';
COMMIT;
