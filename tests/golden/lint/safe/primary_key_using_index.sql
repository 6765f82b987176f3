-- safe: a primary key on an index built concurrently
SET lock_timeout = '2s';
SET statement_timeout = '5min';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_pkey_idx ON app.events (id);
BEGIN;
ALTER TABLE app.events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey_idx;
COMMIT;
