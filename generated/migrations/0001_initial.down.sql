-- schemagen migration 0001_initial (down)
-- Written by `schemagen migrate new` from schema/ (the declared schema back to the previous state). Review it; once applied anywhere, never edit it.
-- hazard: access_exclusive_lock: drops table agents.checkpoints (ACCESS EXCLUSIVE); drops table agents.lifecycle_events_2026_01_01 (ACCESS EXCLUSIVE); drops table agents.lifecycle_events_2026_01_02 (ACCESS EXCLUSIVE); and 55 more
-- hazard: deletes_data: drops table agents.checkpoints (ACCESS EXCLUSIVE); drops table agents.lifecycle_events_2026_01_01 (ACCESS EXCLUSIVE); drops table agents.lifecycle_events_2026_01_02 (ACCESS EXCLUSIVE); and 64 more

SET LOCAL search_path = public;

SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE agents.checkpoints DROP CONSTRAINT checkpoints_agent_id_fkey;

ALTER TABLE agents.lifecycle_events DROP CONSTRAINT lifecycle_events_agent_id_fkey;

ALTER TABLE agents.lifecycle_events DROP CONSTRAINT lifecycle_events_triggered_by_fkey;

ALTER TABLE agents.state DROP CONSTRAINT state_agent_id_fkey;

ALTER TABLE knowledge.embeddings DROP CONSTRAINT embeddings_fact_id_fkey;

ALTER TABLE knowledge.facts DROP CONSTRAINT facts_source_agent_id_fkey;

ALTER TABLE messages.log DROP CONSTRAINT log_channel_id_fkey;

ALTER TABLE messages.log DROP CONSTRAINT log_from_agent_id_fkey;

ALTER TABLE messages.log DROP CONSTRAINT log_to_agent_id_fkey;

ALTER TABLE messages.subscriptions DROP CONSTRAINT subscriptions_agent_id_fkey;

ALTER TABLE messages.subscriptions DROP CONSTRAINT subscriptions_channel_id_fkey;

ALTER TABLE sessions.active DROP CONSTRAINT active_agent_id_fkey;

ALTER TABLE tasks.dependencies DROP CONSTRAINT dependencies_depends_on_task_id_depends_on_task_type_fkey;

ALTER TABLE tasks.dependencies DROP CONSTRAINT dependencies_task_id_task_type_fkey;

ALTER TABLE tasks.executions DROP CONSTRAINT executions_agent_id_fkey;

ALTER TABLE tasks.executions DROP CONSTRAINT executions_task_id_task_type_fkey;

ALTER TABLE tasks.queue DROP CONSTRAINT queue_assigned_agent_id_fkey;

ALTER TABLE tasks.queue DROP CONSTRAINT queue_created_by_agent_id_fkey;

DROP VIEW agents.registry_masked;

DROP VIEW audit.daily_activity;

DROP VIEW monitoring.connection_stats;

DROP TRIGGER audit_registry ON agents.registry;

DROP TRIGGER registry_notify ON agents.registry;

DROP TRIGGER registry_set_updated_at ON agents.registry;

DROP TRIGGER audit_state ON agents.state;

DROP TRIGGER state_set_updated_at ON agents.state;

DROP TRIGGER facts_set_updated_at ON knowledge.facts;

DROP TRIGGER log_notify ON messages.log;

DROP TRIGGER alert_thresholds_set_updated_at ON monitoring.alert_thresholds;

DROP TRIGGER audit_queue ON tasks.queue;

DROP TRIGGER queue_notify ON tasks.queue;

DROP TRIGGER queue_set_updated_at ON tasks.queue;

DROP POLICY tenant_isolation ON agents.registry;

DROP TABLE agents.checkpoints;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_01;
DROP TABLE agents.lifecycle_events_2026_01_01;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_02;
DROP TABLE agents.lifecycle_events_2026_01_02;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_03;
DROP TABLE agents.lifecycle_events_2026_01_03;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_04;
DROP TABLE agents.lifecycle_events_2026_01_04;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_05;
DROP TABLE agents.lifecycle_events_2026_01_05;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_06;
DROP TABLE agents.lifecycle_events_2026_01_06;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_07;
DROP TABLE agents.lifecycle_events_2026_01_07;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_2026_01_08;
DROP TABLE agents.lifecycle_events_2026_01_08;

ALTER TABLE agents.lifecycle_events DETACH PARTITION agents.lifecycle_events_default;
DROP TABLE agents.lifecycle_events_default;

DROP TABLE agents.lifecycle_events;

DROP TABLE agents.registry;

ALTER TABLE agents.state DETACH PARTITION agents.state_p0;
DROP TABLE agents.state_p0;

ALTER TABLE agents.state DETACH PARTITION agents.state_p1;
DROP TABLE agents.state_p1;

ALTER TABLE agents.state DETACH PARTITION agents.state_p2;
DROP TABLE agents.state_p2;

ALTER TABLE agents.state DETACH PARTITION agents.state_p3;
DROP TABLE agents.state_p3;

ALTER TABLE agents.state DETACH PARTITION agents.state_p4;
DROP TABLE agents.state_p4;

ALTER TABLE agents.state DETACH PARTITION agents.state_p5;
DROP TABLE agents.state_p5;

ALTER TABLE agents.state DETACH PARTITION agents.state_p6;
DROP TABLE agents.state_p6;

ALTER TABLE agents.state DETACH PARTITION agents.state_p7;
DROP TABLE agents.state_p7;

ALTER TABLE audit.change_log DETACH PARTITION audit.change_log_2026_01;
DROP TABLE audit.change_log_2026_01;

ALTER TABLE audit.change_log DETACH PARTITION audit.change_log_2026_02;
DROP TABLE audit.change_log_2026_02;

ALTER TABLE audit.change_log DETACH PARTITION audit.change_log_2026_03;
DROP TABLE audit.change_log_2026_03;

ALTER TABLE audit.change_log DETACH PARTITION audit.change_log_2026_04;
DROP TABLE audit.change_log_2026_04;

ALTER TABLE audit.change_log DETACH PARTITION audit.change_log_default;
DROP TABLE audit.change_log_default;

DROP TABLE audit.change_log;

DROP TABLE knowledge.embeddings;

DROP TABLE knowledge.facts;

DROP TABLE messages.channels;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_01;
DROP TABLE messages.log_2026_01_01;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_02;
DROP TABLE messages.log_2026_01_02;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_03;
DROP TABLE messages.log_2026_01_03;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_04;
DROP TABLE messages.log_2026_01_04;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_05;
DROP TABLE messages.log_2026_01_05;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_06;
DROP TABLE messages.log_2026_01_06;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_07;
DROP TABLE messages.log_2026_01_07;

ALTER TABLE messages.log DETACH PARTITION messages.log_2026_01_08;
DROP TABLE messages.log_2026_01_08;

ALTER TABLE messages.log DETACH PARTITION messages.log_default;
DROP TABLE messages.log_default;

DROP TABLE messages.log;

DROP TABLE messages.subscriptions;

DROP TABLE monitoring.query_plans;

DROP TABLE sessions.active;

DROP TABLE tasks.dependencies;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_01;
DROP TABLE tasks.executions_2026_01_01;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_02;
DROP TABLE tasks.executions_2026_01_02;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_03;
DROP TABLE tasks.executions_2026_01_03;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_04;
DROP TABLE tasks.executions_2026_01_04;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_05;
DROP TABLE tasks.executions_2026_01_05;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_06;
DROP TABLE tasks.executions_2026_01_06;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_07;
DROP TABLE tasks.executions_2026_01_07;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_2026_01_08;
DROP TABLE tasks.executions_2026_01_08;

ALTER TABLE tasks.executions DETACH PARTITION tasks.executions_default;
DROP TABLE tasks.executions_default;

DROP TABLE tasks.executions;

ALTER TABLE tasks.queue DETACH PARTITION tasks.queue_default;
DROP TABLE tasks.queue_default;

DROP TABLE tasks.queue;

DROP FUNCTION agents.hydrate_agent_state(agents.agent_id);

DROP TABLE agents.state;

DROP FUNCTION agents.notify_change();

DROP FUNCTION agents.set_updated_at();

DROP FUNCTION agents.validate_agent_metadata(jsonb);

DROP FUNCTION audit.log_changes();

DROP FUNCTION audit.mask_email(text);

DROP FUNCTION audit.mask_phone(text);

DROP FUNCTION knowledge.set_updated_at();

DROP FUNCTION messages.notify_change();

DROP FUNCTION monitoring.analyze_index_usage();

DROP FUNCTION monitoring.auto_capture_slow_queries();

DROP FUNCTION monitoring.capture_slow_query_plan(text, text, numeric);

DROP FUNCTION monitoring.check_connection_pool_alerts();

DROP TABLE monitoring.alert_thresholds;

DROP FUNCTION monitoring.check_connection_pool_health();

DROP FUNCTION monitoring.check_query_performance_alerts();

DROP FUNCTION monitoring.generate_index_recommendations();

DROP FUNCTION monitoring.mark_recommendation_implemented(uuid);

DROP FUNCTION monitoring.pg_stat_statements_relation();

DROP FUNCTION monitoring.set_updated_at();

DROP FUNCTION monitoring.suggest_missing_indexes();

DROP FUNCTION monitoring.index_recommendation_ddl(uuid);

DROP TABLE monitoring.index_recommendations;

DROP FUNCTION partitions.run_maintenance(timestamp with time zone);

DROP FUNCTION tasks.notify_change();

DROP FUNCTION tasks.set_updated_at();

DROP TYPE agents.agent_status;

DROP TYPE messages.message_type;

DROP TYPE tasks.task_priority;

DROP TYPE tasks.task_status;

DROP DOMAIN agents.agent_id;

DROP DOMAIN messages.message_id;

DROP DOMAIN tasks.task_id;

DROP EXTENSION vector;

DROP SCHEMA agents;

DROP SCHEMA audit;

DROP SCHEMA knowledge;

DROP SCHEMA messages;

DROP SCHEMA monitoring;

DROP SCHEMA partitions;

DROP SCHEMA sessions;

DROP SCHEMA tasks;
