-- schemagen migration 0002_pinned_and_mood (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- transaction: none
-- hazard: runs_outside_transaction: drops index app.notes_pinned_idx (SHARE UPDATE EXCLUSIVE)
-- hazard: access_exclusive_lock: drops column app.notes.mood (ACCESS EXCLUSIVE); drops column app.notes.pinned (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops column app.notes.mood (ACCESS EXCLUSIVE); drops column app.notes.pinned (ACCESS EXCLUSIVE)

SET search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
DROP INDEX CONCURRENTLY app.notes_pinned_idx;

BEGIN;

ALTER TABLE app.notes DROP COLUMN mood;

ALTER TABLE app.notes DROP COLUMN pinned;

DROP TYPE app.mood;

COMMIT;
