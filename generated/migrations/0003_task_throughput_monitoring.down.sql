-- schemagen migration 0003_task_throughput_monitoring (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops column tasks.executions.queued_at (ACCESS EXCLUSIVE)
-- hazard: deletes_data: drops column tasks.executions.queued_at (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
DROP VIEW monitoring.task_throughput;

ALTER TABLE tasks.executions DROP COLUMN queued_at;
