-- schemagen migration 0002_hot_partition (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- hazard: validates_rows: creates table ev.events_click (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
CREATE TABLE ev.events_click PARTITION OF ev.events FOR VALUES IN ('click');
