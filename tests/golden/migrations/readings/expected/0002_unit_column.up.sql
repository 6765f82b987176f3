-- schemagen migration 0002_unit_column (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: creates column iot.readings.unit (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE iot.readings ADD COLUMN unit text DEFAULT 'C' NOT NULL;
