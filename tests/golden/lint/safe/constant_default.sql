-- safe: a constant default is stored once from PostgreSQL 11 on (no rewrite)
SET lock_timeout = '2s';
SET statement_timeout = '5min';
BEGIN;
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS priority bigint DEFAULT 0;
ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();
COMMIT;
