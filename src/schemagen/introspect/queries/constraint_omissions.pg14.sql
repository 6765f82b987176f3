-- Constraint options the model cannot express: PostgreSQL 14 has none of them (no column lists on
-- ON DELETE SET NULL/DEFAULT, no NOT ENFORCED, no WITHOUT OVERLAPS). Same columns, no rows.
SELECT NULL::text AS kind, NULL::text AS name, NULL::text AS why
WHERE %(schemas)s::text[] IS NULL AND false
