-- unsafe: ban-char-field
BEGIN;
CREATE TABLE app.codes (code char(3) PRIMARY KEY);
COMMIT;
