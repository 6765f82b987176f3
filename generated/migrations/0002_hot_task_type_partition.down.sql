-- schemagen migration 0002_hot_task_type_partition (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table tasks.queue_embedding (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops table tasks.queue_embedding (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE tasks.queue DETACH PARTITION tasks.queue_embedding;
DROP TABLE tasks.queue_embedding;
