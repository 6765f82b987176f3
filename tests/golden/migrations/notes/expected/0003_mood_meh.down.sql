-- schemagen migration 0003_mood_meh (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: alters enum app.mood (ACCESS EXCLUSIVE)
-- hazard: enum_rebuild: alters enum app.mood (ACCESS EXCLUSIVE)
-- hazard: table_rewrite: alters enum app.mood (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TYPE app.mood RENAME TO mood__old;

CREATE TYPE app.mood AS ENUM (
    'happy',
    'sad'
);

ALTER TABLE app.notes
    ALTER COLUMN mood DROP DEFAULT,
    ALTER COLUMN mood TYPE app.mood USING mood::text::app.mood;

DROP TYPE app.mood__old;
