-- safe: an enum value with its place in the order
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid';
