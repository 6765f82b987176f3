-- unsafe: ban-alter-system-options
ALTER SYSTEM SET work_mem = '64MB';
