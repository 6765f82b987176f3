-- unsafe: require-concurrent-partition-detach
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TABLE app.events DETACH PARTITION app.events_2025;
