-- unsafe: identifier-too-long
BEGIN;
CREATE TABLE app.a_table_name_that_goes_on_and_on_and_on_well_past_sixty_three_bytes (id bigint PRIMARY KEY);
COMMIT;
