-- unsafe: require-concurrent-reindex
SET lock_timeout = '2s';
SET statement_timeout = '5min';
REINDEX INDEX app.orders_user_idx;
