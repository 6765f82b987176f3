-- schemagen migration 0001_initial (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table ev.events_other (ACCESS EXCLUSIVE); drops table ev.events (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops table ev.events_other (ACCESS EXCLUSIVE); drops table ev.events (ACCESS EXCLUSIVE); drops schema ev (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE ev.events DETACH PARTITION ev.events_other;
DROP TABLE ev.events_other;

DROP TABLE ev.events;

DROP SCHEMA ev;
