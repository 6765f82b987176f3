-- safe: an index dropped concurrently
SET lock_timeout = '2s';
SET statement_timeout = '5min';
DROP INDEX CONCURRENTLY IF EXISTS app.orders_legacy_idx;
