-- schemagen migration 0002_unit_column (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops column iot.readings.unit (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops column iot.readings.unit (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE iot.readings DROP COLUMN unit;
