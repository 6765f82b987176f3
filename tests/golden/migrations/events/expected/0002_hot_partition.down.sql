-- schemagen migration 0002_hot_partition (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table ev.events_click (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops table ev.events_click (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE ev.events DETACH PARTITION ev.events_click;
DROP TABLE ev.events_click;
