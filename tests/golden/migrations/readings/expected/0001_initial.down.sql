-- schemagen migration 0001_initial (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table iot.readings_2026_01 (ACCESS EXCLUSIVE); drops table iot.readings_2026_02 (ACCESS EXCLUSIVE); drops table iot.readings_2026_03 (ACCESS EXCLUSIVE); and 2 more
-- hazard: deletes_data: drops table iot.readings_2026_01 (ACCESS EXCLUSIVE); drops table iot.readings_2026_02 (ACCESS EXCLUSIVE); drops table iot.readings_2026_03 (ACCESS EXCLUSIVE); and 4 more

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE iot.readings DETACH PARTITION iot.readings_2026_01;
DROP TABLE iot.readings_2026_01;

ALTER TABLE iot.readings DETACH PARTITION iot.readings_2026_02;
DROP TABLE iot.readings_2026_02;

ALTER TABLE iot.readings DETACH PARTITION iot.readings_2026_03;
DROP TABLE iot.readings_2026_03;

ALTER TABLE iot.readings DETACH PARTITION iot.readings_default;
DROP TABLE iot.readings_default;

DROP TABLE iot.readings;

DROP FUNCTION partitions.run_maintenance(timestamp with time zone);

DROP SCHEMA iot;

DROP SCHEMA partitions;
