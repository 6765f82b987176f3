-- schemagen migration 0001_initial (up)
-- Written by `schemagen migrate new` from schema/ (the previous state to the declared schema). Review it; once applied anywhere, never edit it.

SET LOCAL search_path = public;

CREATE SCHEMA app;

CREATE TABLE app.notes (
    note_id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    user_id bigint NOT NULL,
    body text DEFAULT '' NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (note_id)
);

CREATE INDEX notes_user_id_idx ON app.notes USING btree (user_id);

CREATE TABLE app.users (
    user_id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    email text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (user_id),
    CONSTRAINT users_email_key UNIQUE (email)
);

ALTER TABLE app.notes
    ADD CONSTRAINT notes_user_id_fkey FOREIGN KEY (user_id) REFERENCES app.users (user_id) ON DELETE CASCADE;
