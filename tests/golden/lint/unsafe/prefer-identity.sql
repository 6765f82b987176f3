-- unsafe: prefer-identity
BEGIN;
CREATE TABLE app.tickets (id bigserial PRIMARY KEY);
COMMIT;
