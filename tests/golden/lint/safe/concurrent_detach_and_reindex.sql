-- safe: a partition detached concurrently, a reindex done concurrently
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TABLE app.events DETACH PARTITION app.events_2024 CONCURRENTLY;
REINDEX INDEX CONCURRENTLY app.orders_user_idx;
