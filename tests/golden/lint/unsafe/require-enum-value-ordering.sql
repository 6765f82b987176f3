-- unsafe: require-enum-value-ordering
SET lock_timeout = '2s';
SET statement_timeout = '5min';
ALTER TYPE app.status ADD VALUE 'shipped';
