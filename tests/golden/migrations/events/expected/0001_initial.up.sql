-- schemagen migration 0001_initial (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.

SET LOCAL search_path = public;

CREATE SCHEMA ev;

CREATE TABLE ev.events (
    event_id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}' NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (event_id, kind)
)
PARTITION BY LIST (kind);

CREATE TABLE ev.events_other PARTITION OF ev.events DEFAULT;
