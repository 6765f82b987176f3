-- schemagen migration 0002_pinned_and_mood (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- transaction: none
-- hazard: access_exclusive_lock: creates column app.notes.pinned (ACCESS EXCLUSIVE); creates column app.notes.mood (ACCESS EXCLUSIVE)
-- hazard: index_build: creates index app.notes_pinned_idx (SHARE UPDATE EXCLUSIVE)
-- hazard: runs_outside_transaction: creates index app.notes_pinned_idx (SHARE UPDATE EXCLUSIVE)

SET search_path = public;

BEGIN;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
CREATE TYPE app.mood AS ENUM (
    'happy',
    'sad'
);

ALTER TABLE app.notes ADD COLUMN pinned boolean DEFAULT false NOT NULL;

ALTER TABLE app.notes ADD COLUMN mood app.mood;

COMMIT;

SET statement_timeout = '0';
CREATE INDEX CONCURRENTLY notes_pinned_idx ON app.notes USING btree (pinned);
