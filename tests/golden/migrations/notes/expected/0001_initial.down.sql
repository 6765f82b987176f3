-- schemagen migration 0001_initial (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table app.notes (ACCESS EXCLUSIVE); drops table app.users (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops table app.notes (ACCESS EXCLUSIVE); drops table app.users (ACCESS EXCLUSIVE); drops schema app (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE app.notes DROP CONSTRAINT notes_user_id_fkey;

DROP TABLE app.notes;

DROP TABLE app.users;

DROP SCHEMA app;
