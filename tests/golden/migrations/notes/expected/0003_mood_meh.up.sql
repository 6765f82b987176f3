-- schemagen migration 0003_mood_meh (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- transaction: none
-- hazard: irreversible: alters enum app.mood
-- hazard: runs_outside_transaction: alters enum app.mood

SET search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TYPE app.mood ADD VALUE 'meh' AFTER 'sad';
