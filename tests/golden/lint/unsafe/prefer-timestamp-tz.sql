-- unsafe: prefer-timestamp-tz
BEGIN;
CREATE TABLE app.logins (id bigint PRIMARY KEY, at timestamp);
COMMIT;
