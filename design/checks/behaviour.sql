-- Behaviour of the complete system (design/schema-next + design/macros), as run by hand
-- on PostgreSQL 18.6 (embedded, pgvector) against a database built from the draft,
-- after SELECT * FROM partitions.run_maintenance('2026-01-01'). Outcomes observed:
--   * every INSERT/UPDATE on agents.registry publishes a compact JSON event on agent_events;
--   * updated_at moves only for the updated row; the audit log has one row per change,
--     with changed_fields {"status", "updated_at"} for the UPDATE and xid8 transaction ids,
--     and logs agents.state (not its partition) for the hash-partitioned table;
--   * state rows land in agents.state_p<n>; lifecycle events in the day's partition,
--     a 2027 event in the default partition; tasks.queue rows in queue_default;
--   * run_maintenance('2026-03-01') creates 8 daily partitions per daily table, drops the
--     January ones (30-day retention), moves the default partition's 2026-03-02 row into the
--     new child; a second call does nothing;
--   * app_reader with app.current_tenant_id = t1 sees only tenant t1 through
--     agents.registry_masked, with api_key masked and no key added where absent;
--     app_writer sees only its tenant's rows; with the setting unset, none;
--   * the monitoring functions run as app_analytics / app_maintenance, and without
--     pg_stat_statements return nothing with a NOTICE; with it preloaded they report;
--   * capture_slow_query_plan explains a SELECT and refuses a DELETE (stored as error);
--   * index_recommendation_ddl quotes identifiers; mark_recommendation_implemented is
--     true once, then NULL; the nine alert thresholds are present.
\set ON_ERROR_STOP 1
SET search_path = pg_catalog;
LISTEN agent_events;
INSERT INTO agents.registry (agent_type, agent_name, metadata, configuration)
VALUES ('worker', 'root', '{"created_at":"2026-01-02T00:00:00","version":1,"tenant_id":"t1"}', '{"api_key":"sekrit","x":1}');
INSERT INTO agents.registry (agent_type, agent_name, metadata) VALUES ('worker', 'other', '{"created_at":"2026-01-02T00:00:00","version":1,"tenant_id":"t2"}');
INSERT INTO agents.registry (agent_type, agent_name) VALUES ('worker', 'plain');
UPDATE agents.registry SET status = 'active' WHERE agent_name = 'root';
SELECT agent_name, updated_at > created_at AS touched FROM agents.registry ORDER BY 1;
SELECT operation, changed_fields, old_data ->> 'status' AS old_status, new_data ->> 'status' AS new_status, pg_typeof(transaction_id) FROM audit.change_log ORDER BY changed_at, operation;
INSERT INTO agents.state (agent_id, state_key, state_value) SELECT agent_id, 'k', '{"a":1}' FROM agents.registry;
SELECT tableoid::regclass, count(*) FROM agents.state GROUP BY 1 ORDER BY 1;
SELECT * FROM agents.hydrate_agent_state((SELECT agent_id FROM agents.registry WHERE agent_name='root'));
INSERT INTO agents.lifecycle_events (agent_id, event_type, created_at) SELECT agent_id, 'heartbeat_missed', '2026-01-03' FROM agents.registry;
INSERT INTO agents.lifecycle_events (agent_id, event_type, created_at) SELECT agent_id, 'late', '2027-05-03' FROM agents.registry LIMIT 1;
SELECT tableoid::regclass, count(*) FROM agents.lifecycle_events GROUP BY 1 ORDER BY 1;
INSERT INTO tasks.queue (task_type) VALUES ('build');
INSERT INTO tasks.executions (task_id, task_type, agent_id, started_at) SELECT q.task_id, q.task_type, r.agent_id, '2026-01-05 10:00+00' FROM tasks.queue q, agents.registry r WHERE r.agent_name='root';
SELECT tableoid::regclass FROM tasks.executions;
SELECT tableoid::regclass FROM tasks.queue;
INSERT INTO messages.log (from_agent_id, broadcast_to_type, message_type, sent_at) SELECT agent_id, 'worker', 'notification', now() FROM agents.registry LIMIT 1;
SELECT tableoid::regclass FROM messages.log;
-- maintenance at a later date: creates ahead, drops past retention, moves default rows
INSERT INTO agents.lifecycle_events (agent_id, event_type, created_at) SELECT agent_id, 'early', '2026-03-02 12:00+00' FROM agents.registry LIMIT 1;
SELECT * FROM partitions.run_maintenance('2026-03-01') WHERE partition_name LIKE 'agents%' ORDER BY 1, 2;
SELECT tableoid::regclass, event_type FROM agents.lifecycle_events ORDER BY 1;
SELECT * FROM partitions.run_maintenance('2026-03-01');
-- roles
SET ROLE app_reader;
SET app.current_tenant_id = 't1';
SELECT agent_name, configuration FROM agents.registry_masked;
SELECT count(*) FROM agents.state;
RESET ROLE;
SET ROLE app_writer;
SELECT agent_name FROM agents.registry ORDER BY 1;
RESET app.current_tenant_id;
SELECT count(*) AS unset_tenant_sees FROM agents.registry;
RESET ROLE;
SET ROLE app_analytics;
SELECT * FROM monitoring.check_connection_pool_health();
SELECT * FROM monitoring.check_connection_pool_alerts();
SELECT * FROM monitoring.check_query_performance_alerts();
SELECT count(*) FROM monitoring.analyze_index_usage();
SELECT * FROM monitoring.suggest_missing_indexes();
SELECT * FROM audit.daily_activity;
RESET ROLE;
SET ROLE app_maintenance;
SELECT monitoring.auto_capture_slow_queries(), monitoring.generate_index_recommendations();
RESET ROLE;
SELECT monitoring.capture_slow_query_plan('1', 'SELECT * FROM agents.registry WHERE agent_type = ''x''', 5) IS NOT NULL;
SELECT monitoring.capture_slow_query_plan('2', 'DELETE FROM agents.registry', 5) IS NOT NULL;
SELECT query_hash, plan_json ? 'error' AS err FROM monitoring.query_plans ORDER BY 1;
INSERT INTO monitoring.index_recommendations (schema_name, table_name, column_names, recommendation_reason, estimated_benefit) VALUES ('agents', 'registry', '{agent_name,"Odd Col"}', 'r', 'b') RETURNING monitoring.index_recommendation_ddl(recommendation_id);
SELECT metric_name, warning_threshold, higher_is_worse FROM monitoring.alert_thresholds ORDER BY 1;
SELECT audit.mask_email('john@example.com'), audit.mask_phone('555-123-4567');
