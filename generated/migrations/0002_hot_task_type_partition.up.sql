-- schemagen migration 0002_hot_task_type_partition (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- hazard: validates_rows: creates table tasks.queue_embedding (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
CREATE TABLE tasks.queue_embedding PARTITION OF tasks.queue FOR VALUES IN ('embedding');

COMMENT ON TABLE tasks.queue_embedding IS 'Embedding tasks: the hottest type (most of the queue''s inserts and status updates), kept apart so their churn and vacuum stay off the other types.';
