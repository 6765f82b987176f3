-- Operator families and classes with their members: a member bound to a class (pg_depend on
-- the class) is the class's, one bound to the family only is the family's. A family of a
-- class's own name that holds nothing else of its own, no comment and (owners read) the class's
-- owner is the one PostgreSQL made with the class (implicit): the class is read without FAMILY,
-- the family not at all.
WITH scope AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND n.nspname !~ '^pg_(toast_)?temp_'
      AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
),
operators AS (
    SELECT d.refclassid, d.refobjid,
           jsonb_agg(jsonb_build_object(
               'strategy', o.amopstrategy,
               'left', format_type(o.amoplefttype, NULL),
               'right', format_type(o.amoprighttype, NULL),
               'op_schema', opn.nspname,
               'op_name', op.oprname,
               'order_schema', CASE WHEN o.amoppurpose = 'o' THEN sfn.nspname END,
               'order_name', CASE WHEN o.amoppurpose = 'o' THEN sf.opfname END)
               ORDER BY o.amoplefttype, o.amoprighttype, o.amopstrategy) AS members
    FROM pg_amop o
    JOIN pg_depend d ON d.classid = 'pg_amop'::regclass AND d.objid = o.oid
                    AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass)
    JOIN pg_operator op ON op.oid = o.amopopr
    JOIN pg_namespace opn ON opn.oid = op.oprnamespace
    LEFT JOIN pg_opfamily sf ON sf.oid = o.amopsortfamily
    LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace
    GROUP BY d.refclassid, d.refobjid
),
functions AS (
    SELECT d.refclassid, d.refobjid,
           jsonb_agg(jsonb_build_object(
               'support', a.amprocnum,
               'left', format_type(a.amproclefttype, NULL),
               'right', format_type(a.amprocrighttype, NULL),
               'fn_schema', pn.nspname,
               'fn_name', p.proname,
               'arguments', (SELECT coalesce(jsonb_agg(format_type(t.oid, NULL) ORDER BY t.ord), '[]')
                             FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS t(oid, ord)))
               ORDER BY a.amproclefttype, a.amprocrighttype, a.amprocnum) AS members
    FROM pg_amproc a
    JOIN pg_depend d ON d.classid = 'pg_amproc'::regclass AND d.objid = a.oid
                    AND d.refclassid IN ('pg_opclass'::regclass, 'pg_opfamily'::regclass)
    JOIN pg_proc p ON p.oid = a.amproc
    JOIN pg_namespace pn ON pn.oid = p.pronamespace
    GROUP BY d.refclassid, d.refobjid
),
families AS (
    SELECT f.oid, s.nspname AS schema, f.opfname AS name, am.amname AS using, f.opfowner,
           obj_description(f.oid, 'pg_opfamily') AS comment,
           fo.members AS operators, ff.members AS functions,
           fo.members IS NULL AND ff.members IS NULL AND obj_description(f.oid, 'pg_opfamily') IS NULL
               AND EXISTS (SELECT 1 FROM pg_opclass c
                           WHERE c.opcfamily = f.oid AND c.opcname = f.opfname
                             AND c.opcnamespace = f.opfnamespace
                             AND (NOT %(owners)s OR c.opcowner = f.opfowner)) AS implicit
    FROM pg_opfamily f
    JOIN scope s ON s.oid = f.opfnamespace
    JOIN pg_am am ON am.oid = f.opfmethod
    LEFT JOIN operators fo ON fo.refclassid = 'pg_opfamily'::regclass AND fo.refobjid = f.oid
    LEFT JOIN functions ff ON ff.refclassid = 'pg_opfamily'::regclass AND ff.refobjid = f.oid
    WHERE f.oid NOT IN (SELECT d.objid FROM pg_depend d
                        WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_opfamily'::regclass
                          AND d.deptype = 'e')
)
SELECT 'family' AS what, f.schema, f.name, f.using, NULL AS type, false AS is_default,
       NULL AS family_schema, NULL AS family_name, NULL AS storage, f.comment,
       coalesce(f.operators, '[]') AS operators, coalesce(f.functions, '[]') AS functions,
       CASE WHEN %(owners)s THEN pg_get_userbyid(f.opfowner) END AS owner
FROM families f
WHERE NOT f.implicit
UNION ALL
SELECT 'class', s.nspname, c.opcname, am.amname, format_type(c.opcintype, NULL), c.opcdefault,
       CASE WHEN NOT coalesce(f.implicit AND f.name = c.opcname AND f.schema = s.nspname, false)
            THEN fn.nspname END,
       CASE WHEN NOT coalesce(f.implicit AND f.name = c.opcname AND f.schema = s.nspname, false)
            THEN pf.opfname END,
       CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END,
       obj_description(c.oid, 'pg_opclass'),
       coalesce(co.members, '[]'), coalesce(cf.members, '[]'),
       CASE WHEN %(owners)s THEN pg_get_userbyid(c.opcowner) END
FROM pg_opclass c
JOIN scope s ON s.oid = c.opcnamespace
JOIN pg_am am ON am.oid = c.opcmethod
JOIN pg_opfamily pf ON pf.oid = c.opcfamily
JOIN pg_namespace fn ON fn.oid = pf.opfnamespace
LEFT JOIN families f ON f.oid = c.opcfamily
LEFT JOIN operators co ON co.refclassid = 'pg_opclass'::regclass AND co.refobjid = c.oid
LEFT JOIN functions cf ON cf.refclassid = 'pg_opclass'::regclass AND cf.refobjid = c.oid
WHERE c.oid NOT IN (SELECT d.objid FROM pg_depend d
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_opclass'::regclass
                      AND d.deptype = 'e')
ORDER BY 1 DESC, 2, 3, 4
