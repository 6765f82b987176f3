-- Collations, operators, aggregates, text search objects and C functions; each must inspect
-- without omission and come back whole (ICU collations: PostgreSQL 15 only, see the test).
CREATE SCHEMA support;
CREATE EXTENSION unaccent;

CREATE COLLATION support.posix_mix (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE COLLATION support."Bytes" (locale = 'C');
COMMENT ON COLLATION support."Bytes" IS 'byte order';

-- a C function from a contrib library, as musicbrainz writes it
CREATE FUNCTION support.immutable_unaccent(regdictionary, text) RETURNS text
    LANGUAGE c IMMUTABLE PARALLEL SAFE STRICT AS '$libdir/unaccent', 'unaccent_dict';

CREATE FUNCTION support.reverse_match(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT $2 ~ $1$$;
CREATE FUNCTION support.same_length(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT length($1) = length($2)$$;
CREATE FUNCTION support.other_length(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT length($1) <> length($2)$$;
CREATE FUNCTION support.negate(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT -$1$$;
CREATE OPERATOR support.~<< (FUNCTION = support.reverse_match, LEFTARG = text, RIGHTARG = text);
COMMENT ON OPERATOR support.~<< (text, text) IS 'reversed regex match';
CREATE OPERATOR support.=# (
    FUNCTION = support.same_length, LEFTARG = text, RIGHTARG = text,
    COMMUTATOR = OPERATOR(support.=#), NEGATOR = OPERATOR(support.<>#), RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR support.<># (FUNCTION = support.other_length, LEFTARG = text, RIGHTARG = text);
CREATE OPERATOR support.~~~ (FUNCTION = support.negate, RIGHTARG = integer);

-- aggregates: a final function, a combine function and sort operator, ordered-set, no arguments
CREATE FUNCTION support._median(integer[]) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$SELECT (SELECT v FROM unnest($1) v ORDER BY v OFFSET cardinality($1) / 2 LIMIT 1)$$;
CREATE AGGREGATE support.median(integer) (
    SFUNC = array_append, STYPE = integer[], FINALFUNC = support._median, INITCOND = '{}'
);
COMMENT ON AGGREGATE support.median(integer) IS 'the middle value';
CREATE AGGREGATE support.biggest(integer) (
    SFUNC = int4larger, STYPE = integer, COMBINEFUNC = int4larger, SORTOP = >, PARALLEL = SAFE
);
CREATE FUNCTION support.nth_final(anycompatiblearray, integer, anycompatible) RETURNS anycompatible
    LANGUAGE sql IMMUTABLE AS $$SELECT (SELECT v FROM unnest($1) v ORDER BY v OFFSET $2 - 1 LIMIT 1)$$;
CREATE AGGREGATE support.nth(integer ORDER BY anycompatible) (
    SFUNC = array_append, STYPE = anycompatiblearray, FINALFUNC = support.nth_final,
    FINALFUNC_EXTRA, INITCOND = '{}'
);
CREATE FUNCTION support.tick(bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$SELECT $1 + 1$$;
CREATE AGGREGATE support.ticks(*) (SFUNC = support.tick, STYPE = bigint, INITCOND = '0');
CREATE AGGREGATE support.glue(VARIADIC text[]) (SFUNC = array_cat, STYPE = text[], INITCOND = '{}');

-- text search: a dictionary with options, configurations copied and built up, an extension's dictionary
CREATE TEXT SEARCH DICTIONARY support.english_stem_x (TEMPLATE = snowball, language = 'english', stopwords = 'english');
COMMENT ON TEXT SEARCH DICTIONARY support.english_stem_x IS 'stems';
CREATE TEXT SEARCH CONFIGURATION support.mb_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION support.mb_simple
    ALTER MAPPING FOR word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION support.stems (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION support.stems ADD MAPPING FOR asciiword WITH support.english_stem_x;
COMMENT ON TEXT SEARCH CONFIGURATION support.stems IS 'english stems only';

-- what uses them
CREATE TABLE support.notes (
    id integer PRIMARY KEY,
    title text COLLATE support."Bytes",
    body text NOT NULL
);
CREATE INDEX notes_body_fts ON support.notes USING gin (to_tsvector('support.mb_simple'::regconfig, body));
CREATE INDEX notes_title_rev ON support.notes (title) WHERE title OPERATOR(support.~<<) 'x';
CREATE STATISTICS support.notes_pair ON body, id FROM support.notes;
ALTER STATISTICS support.notes_pair SET STATISTICS 200;
CREATE STATISTICS support.notes_lower (ndistinct, mcv) ON id, lower(title) FROM support.notes;
CREATE STATISTICS support.notes_sum ON (id + length(body)) FROM support.notes;
COMMENT ON STATISTICS support.notes_sum IS 'sizes';
CREATE VIEW support.note_stats AS SELECT support.median(id) AS middle, support.ticks(*) AS n FROM support.notes;

-- event triggers (database-wide): tags, a firing mode, a comment
CREATE FUNCTION support.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN RETURN; END$$;
CREATE EVENT TRIGGER support_log_tables ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
    EXECUTE FUNCTION support.log_ddl();
CREATE EVENT TRIGGER "Support drops" ON sql_drop EXECUTE FUNCTION support.log_ddl();
ALTER EVENT TRIGGER "Support drops" ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER "Support drops" IS 'every drop';

-- rules: INSTEAD NOTHING with a condition, ALSO with several actions, on a view, disabled, a comment
CREATE TABLE support.audit_log (note_id integer, what text);
CREATE RULE keep_first AS ON DELETE TO support.notes WHERE old.id < 10 DO INSTEAD NOTHING;
COMMENT ON RULE keep_first ON support.notes IS 'the first ten stay';
CREATE RULE "Log updates" AS ON UPDATE TO support.notes
    DO ALSO (INSERT INTO support.audit_log VALUES (new.id, 'update'); NOTIFY support_notes);
ALTER TABLE support.notes DISABLE RULE "Log updates";
CREATE VIEW support.notes_view AS SELECT id, body FROM support.notes;
CREATE RULE notes_view_insert AS ON INSERT TO support.notes_view
    DO INSTEAD INSERT INTO support.notes (id, body) VALUES (new.id, new.body);

-- publications: a table list with a column list and a row filter, a schema, all tables, options
CREATE PUBLICATION support_notes FOR TABLE support.notes (body, id) WHERE (id > 0), TABLE support.audit_log
    WITH (publish = 'insert, update');
COMMENT ON PUBLICATION support_notes IS 'notes out';
CREATE PUBLICATION "Support schema" FOR TABLES IN SCHEMA support WITH (publish_via_partition_root = true);

-- range types: a built-in and an own difference function, an operator class and a collation,
-- multiranges named by default, in the schema and in another one; columns, a GiST exclusion and
-- a view that calls the constructor (the constructors are no functions of their own)
CREATE SCHEMA "Support ranges";
CREATE TYPE support.floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
COMMENT ON TYPE support.floatrange IS 'spans of floats';
CREATE FUNCTION support.num_diff(a numeric, b numeric) RETURNS double precision
    LANGUAGE sql IMMUTABLE AS $$SELECT (a - b)::double precision$$;
CREATE TYPE support.num_span AS RANGE (SUBTYPE = numeric, SUBTYPE_DIFF = support.num_diff,
    MULTIRANGE_TYPE_NAME = support.num_spans);
CREATE TYPE support."Label Range" AS RANGE (SUBTYPE = text, SUBTYPE_OPCLASS = text_pattern_ops,
    COLLATION = "C", MULTIRANGE_TYPE_NAME = "Support ranges"."Label Spans");
CREATE TYPE support.period AS RANGE (SUBTYPE = timestamptz);
CREATE TABLE support.bookings (
    id integer PRIMARY KEY,
    during support.floatrange NOT NULL,
    spans support.num_spans,
    labels support."Label Range"[],
    open support.period_multirange,
    EXCLUDE USING gist (during WITH &&)
);
CREATE VIEW support.clipped AS SELECT id, support.floatrange(0, 10) * during AS clipped FROM support.bookings;

-- operator classes and families: a class in the family made with it (commented, used by an
-- index), a family with loose cross-type members and a class in it, the same name for two
-- index methods, a GiST class with STORAGE and an ordering operator
CREATE FUNCTION support.abs_lt(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1) < abs($2)';
CREATE FUNCTION support.abs_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT abs($1) = abs($2)';
CREATE FUNCTION support.abs_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE
    AS 'SELECT btint4cmp(abs($1), abs($2))';
CREATE OPERATOR support.<# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = support.abs_lt);
CREATE OPERATOR support.=# (LEFTARG = integer, RIGHTARG = integer, FUNCTION = support.abs_eq);
CREATE OPERATOR CLASS support.int4_abs_ops FOR TYPE integer USING btree AS
    OPERATOR 1 support.<#, OPERATOR 3 support.=#, FUNCTION 1 support.abs_cmp(integer, integer);
COMMENT ON OPERATOR CLASS support.int4_abs_ops USING btree IS 'by absolute value';
CREATE OPERATOR FAMILY support.mixed_ops USING btree;
ALTER OPERATOR FAMILY support.mixed_ops USING btree ADD
    OPERATOR 1 < (integer, bigint), FUNCTION 1 (integer, bigint) btint48cmp(integer, bigint);
COMMENT ON OPERATOR FAMILY support.mixed_ops USING btree IS 'integers against bigints';
CREATE OPERATOR CLASS support.int_mixed_ops FOR TYPE integer USING btree FAMILY support.mixed_ops AS
    OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
    FUNCTION 1 btint4cmp(integer, integer);
CREATE OPERATOR CLASS support.int_mixed_ops FOR TYPE integer USING hash AS
    OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE OPERATOR CLASS support.box_dist_ops FOR TYPE box USING gist AS
    OPERATOR 3 && (box, box), OPERATOR 15 <-> (box, point) FOR ORDER BY pg_catalog.float_ops,
    FUNCTION 1 gist_box_consistent(internal, box, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal),
    FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal),
    FUNCTION 7 gist_box_same(box, box, internal),
    FUNCTION 8 gist_box_distance(internal, box, smallint, oid, internal),
    STORAGE box;
CREATE TABLE support.abs_values (v integer);
CREATE INDEX abs_values_v ON support.abs_values (v support.int4_abs_ops);
