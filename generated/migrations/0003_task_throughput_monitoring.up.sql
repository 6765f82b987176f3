-- schemagen migration 0003_task_throughput_monitoring (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: creates column tasks.executions.queued_at (ACCESS EXCLUSIVE)

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE tasks.executions ADD COLUMN queued_at timestamp with time zone;

COMMENT ON COLUMN tasks.executions.queued_at IS 'When this attempt was queued (the task''s creation or its retry); started_at minus queued_at is the queue wait monitoring.task_throughput reports. Empty on rows written before the column existed.';

CREATE VIEW monitoring.task_throughput AS
SELECT e.task_type,
       count(*) AS started,
       count(*) FILTER (WHERE e.status = 'completed') AS completed,
       count(*) FILTER (WHERE e.status = 'failed') AS failed,
       avg(EXTRACT(epoch FROM e.started_at - e.queued_at) * 1000) AS mean_queue_wait_ms,
       avg(EXTRACT(epoch FROM e.completed_at - e.started_at) * 1000)
         FILTER (WHERE e.status = 'completed') AS mean_duration_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(epoch FROM e.completed_at - e.started_at) * 1000)
         FILTER (WHERE e.status = 'completed') AS p95_duration_ms
FROM tasks.executions e
WHERE e.started_at >= now() - interval '1 hour'
GROUP BY e.task_type;

COMMENT ON VIEW monitoring.task_throughput IS 'Executions of the last hour per task type: how many started, completed and failed, the mean queue wait, and the mean and 95th-percentile duration of the completed ones. Feeds the alert on a task type whose queue stops draining.';

GRANT SELECT ON TABLE monitoring.task_throughput TO app_analytics;
