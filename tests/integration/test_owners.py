"""Owners a project manages (``owners: managed``), on PostgreSQL 18 and 15.

Two roles own different objects. ``inspect --owners`` writes them (the file's most
common owner once, the others on their objects), the built schema applies them, a
second inspect gives the same YAML, a changed owner is planned, applied and then
planned as nothing, and a project that does not manage owners never sees them.
Roles are cluster-wide: each test makes its own, and drops them (with what they own).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from psycopg import sql as psql
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.cli import main

pytestmark = pytest.mark.integration

SQL = """
CREATE ROLE {a} NOLOGIN;
CREATE ROLE {b} NOLOGIN;
CREATE SCHEMA app AUTHORIZATION {a};
CREATE TYPE app.mood AS ENUM ('ok', 'bad');
CREATE DOMAIN app.amount AS numeric(12, 2);
CREATE TYPE app.span AS RANGE (subtype = integer);
CREATE TABLE app.orders (id bigserial PRIMARY KEY, mood app.mood, amount app.amount);
CREATE TABLE app.audit (id bigint, note text);
CREATE SEQUENCE app.tickets;
CREATE VIEW app.open_orders AS SELECT id FROM app.orders;
CREATE MATERIALIZED VIEW app.order_count AS SELECT count(*) AS n FROM app.orders;
CREATE FUNCTION app.total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM app.orders';
CREATE TABLE app.events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
ALTER TYPE app.mood OWNER TO {a};
ALTER DOMAIN app.amount OWNER TO {b};
ALTER TYPE app.span OWNER TO {b};
ALTER TABLE app.orders OWNER TO {a};
ALTER TABLE app.audit OWNER TO {b};
ALTER SEQUENCE app.tickets OWNER TO {a};
ALTER VIEW app.open_orders OWNER TO {a};
ALTER MATERIALIZED VIEW app.order_count OWNER TO {b};
ALTER FUNCTION app.total() OWNER TO {b};
ALTER TABLE app.events OWNER TO {a};
ALTER TABLE app.events_2026 OWNER TO {a};
"""

OWNERS = """
SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c
WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
UNION ALL SELECT 'type ' || t.typname, pg_get_userbyid(t.typowner) FROM pg_type t
WHERE t.typnamespace = 'app'::regnamespace AND t.typtype IN ('e', 'd', 'r')
UNION ALL SELECT 'function ' || p.oid::regprocedure, pg_get_userbyid(p.proowner) FROM pg_proc p
WHERE p.pronamespace = 'app'::regnamespace
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.refclassid = 'pg_type'::regclass
                  AND d.deptype = 'i')  -- a range's constructors keep their creator (ALTER TYPE … OWNER)
UNION ALL SELECT n.nspname, pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname = 'app'
ORDER BY 1
"""


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def _owners(dsn: str) -> dict[str, str]:
    with psycopg.connect(dsn) as conn:
        return dict(conn.execute(OWNERS).fetchall())


def _yaml(project: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(project.rglob("*.yaml"))}


@pytest.fixture
def roles(fresh_db: str) -> Iterator[tuple[str, str]]:
    """Two new roles (unique on the cluster), dropped with whatever they own in the test's databases."""
    tag = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
    a, b = f"own_a_{tag}", f"own_b_{tag}"
    yield a, b
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        found = conn.execute("SELECT datname FROM pg_database WHERE datallowconn").fetchall()
    databases = [r[0] for r in found]
    for database in databases:
        dsn = psycopg.conninfo.make_conninfo(fresh_db, dbname=database)
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                query = "SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s)"
                found = conn.execute(query, (a, b)).fetchall()
                if found:
                    names = psql.SQL(", ").join(psql.Identifier(r[0]) for r in found)
                    conn.execute(psql.SQL("DROP OWNED BY {}").format(names))
        except psycopg.OperationalError:
            continue  # a database dropped meanwhile
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        for role in (a, b):
            conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


def _inspect(dsn: str, out: Path, *extra: str) -> dict[str, str]:
    code, output = _cli("inspect", "--dsn", dsn, "--schema", "app", "--out", str(out), "--force", *extra)
    assert code == 0, output
    return _yaml(out)


def test_owners_round_trip_through_inspect_build_and_apply(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, SQL.format(a=a, b=b))
    project = tmp_path / "p"
    files = _inspect(fresh_db, project, "--owners")
    assert "owners: managed" in files["schemagen.yaml"]
    app = files["app.yaml"]
    assert f"owner: {a}\n" in app.splitlines(keepends=True)[1]  # the file's most common owner, beside schema:
    assert app.count(f"owner: {b}") == 5  # the domain, the range, the audit table, the function, the matview
    code, output = _cli("build", "--project", str(project))
    assert code == 0, output
    script = (project / "generated" / "schema.sql").read_text(encoding="utf-8")
    assert f"ALTER TABLE app.audit OWNER TO {b};" in script
    assert f"ALTER SCHEMA app OWNER TO {a};" in script
    with scratch_database(fresh_db, "owners") as copy:
        run_sql(copy, script)
        assert _owners(copy) == _owners(fresh_db)
        assert _inspect(copy, tmp_path / "again", "--owners") == files
        code, output = _cli("plan", "--dsn", copy, "--project", str(project))
        assert code == 0 and "OWNER" not in output, output
    assert _inspect(fresh_db, project) == files  # its schemagen.yaml manages owners: --owners is implied


def test_a_changed_owner_is_planned_applied_and_then_planned_as_nothing(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, SQL.format(a=a, b=b))
    project = tmp_path / "p"
    _inspect(fresh_db, project, "--owners")
    path = project / "schema" / "app.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"owner: {a}\n", f"owner: {b}\n", 1), encoding="utf-8")  # the file's default
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0, plan
    assert f"ALTER TABLE app.orders OWNER TO {b};" in plan
    assert f"ALTER SCHEMA app OWNER TO {b};" in plan
    assert "ALTER TABLE app.audit" not in plan  # b's already
    code, output = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes")
    assert code != 0 and "changes_visibility" in output, output  # another owner: a hazard, gated
    code, output = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes", "--allow-hazards")
    assert code == 0, output
    owners = _owners(fresh_db)
    assert owners["orders"] == owners["orders_id_seq"] == owners["app"] == owners["events_2026"] == b
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0 and "OWNER" not in plan, plan
    code, output = _cli("diff", "--dsn", fresh_db, "--project", str(project))
    assert code == 0, output


def test_a_project_that_does_not_manage_owners_never_sees_them(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, SQL.format(a=a, b=b))
    project = tmp_path / "p"
    files = _inspect(fresh_db, project)
    assert "owner" not in files["app.yaml"] and "schemagen.yaml" not in files
    run_sql(fresh_db, f"ALTER TABLE app.orders OWNER TO {b}; ALTER FUNCTION app.total() OWNER TO {a}")
    code, output = _cli("diff", "--dsn", fresh_db, "--project", str(project))
    assert code == 0, output
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0 and "OWNER" not in plan, plan


def test_a_plan_file_is_stale_when_an_owner_changed_since(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, SQL.format(a=a, b=b))
    project = tmp_path / "p"
    _inspect(fresh_db, project, "--owners")
    path = project / "schema" / "app.yaml"
    text = path.read_text(encoding="utf-8").replace(f"owner: {b}\n", f"owner: {a}\n")  # every object a's
    path.write_text(text, encoding="utf-8")
    plan_file = tmp_path / "plan.sql"
    code, output = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--out", str(plan_file))
    assert code == 0 and "-- owners: read" in plan_file.read_text(encoding="utf-8"), output
    run_sql(fresh_db, f"ALTER SEQUENCE app.tickets OWNER TO {b}")  # behind the plan's back
    code, output = _cli("apply", "--dsn", fresh_db, "--plan", str(plan_file), "--yes", "--allow-hazards")
    assert code != 0 and "changed since the plan" in output, output
    code, output = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--out", str(plan_file))
    assert code == 0, output
    code, output = _cli("apply", "--dsn", fresh_db, "--plan", str(plan_file), "--yes", "--allow-hazards")
    assert code == 0, output
    assert set(_owners(fresh_db).values()) == {a}


SUPPORT = """
CREATE ROLE {a} NOLOGIN;
CREATE ROLE {b} NOLOGIN;
GRANT CREATE ON DATABASE {db} TO {b};
CREATE SCHEMA app AUTHORIZATION {a};
CREATE TABLE app.docs (id bigint PRIMARY KEY, body text, lang text);
CREATE COLLATION app.bytes (locale = 'C');
CREATE FUNCTION app.same_length(text, text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$SELECT length($1) = length($2)$$;
CREATE OPERATOR app.=# (FUNCTION = app.same_length, LEFTARG = text, RIGHTARG = text);
CREATE AGGREGATE app.biggest(integer) (SFUNC = int4larger, STYPE = integer);
CREATE TEXT SEARCH DICTIONARY app.plain (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION app.plain_cfg (PARSER = pg_catalog."default");
CREATE STATISTICS app.docs_lang ON id, lang FROM app.docs;
CREATE PUBLICATION docs_pub FOR TABLE app.docs;
ALTER TABLE app.docs OWNER TO {a};
ALTER COLLATION app.bytes OWNER TO {b};
ALTER FUNCTION app.same_length(text, text) OWNER TO {a};
ALTER OPERATOR app.=# (text, text) OWNER TO {b};
ALTER AGGREGATE app.biggest(integer) OWNER TO {b};
ALTER TEXT SEARCH DICTIONARY app.plain OWNER TO {b};
ALTER TEXT SEARCH CONFIGURATION app.plain_cfg OWNER TO {a};
ALTER STATISTICS app.docs_lang OWNER TO {b};
ALTER PUBLICATION docs_pub OWNER TO {b};
CREATE OPERATOR CLASS app.len_ops FOR TYPE text USING hash AS OPERATOR 1 app.=#, FUNCTION 1 hashtext(text);
CREATE OPERATOR FAMILY app.mixed_ops USING btree;
ALTER OPERATOR FAMILY app.mixed_ops USING btree ADD OPERATOR 1 < (integer, bigint);
ALTER OPERATOR FAMILY app.len_ops USING hash OWNER TO {b};
ALTER OPERATOR CLASS app.len_ops USING hash OWNER TO {b};
ALTER OPERATOR FAMILY app.mixed_ops USING btree OWNER TO {b};
"""

SUPPORT_OWNERS = """
SELECT 'collation ' || collname, pg_get_userbyid(collowner) FROM pg_collation
WHERE collnamespace = 'app'::regnamespace
UNION ALL SELECT 'operator ' || oprname, pg_get_userbyid(oprowner) FROM pg_operator
WHERE oprnamespace = 'app'::regnamespace
UNION ALL SELECT 'routine ' || proname, pg_get_userbyid(proowner) FROM pg_proc
WHERE pronamespace = 'app'::regnamespace
UNION ALL SELECT 'dictionary ' || dictname, pg_get_userbyid(dictowner) FROM pg_ts_dict
WHERE dictnamespace = 'app'::regnamespace
UNION ALL SELECT 'configuration ' || cfgname, pg_get_userbyid(cfgowner) FROM pg_ts_config
WHERE cfgnamespace = 'app'::regnamespace
UNION ALL SELECT 'statistics ' || stxname, pg_get_userbyid(stxowner) FROM pg_statistic_ext
WHERE stxnamespace = 'app'::regnamespace
UNION ALL SELECT 'publication ' || pubname, pg_get_userbyid(pubowner) FROM pg_publication
UNION ALL SELECT 'operator class ' || opcname, pg_get_userbyid(opcowner) FROM pg_opclass
WHERE opcnamespace = 'app'::regnamespace
UNION ALL SELECT 'operator family ' || opfname, pg_get_userbyid(opfowner) FROM pg_opfamily
WHERE opfnamespace = 'app'::regnamespace
ORDER BY 1
"""


def test_owners_of_collations_operators_aggregates_text_search_statistics_and_publications(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    database = psycopg.conninfo.conninfo_to_dict(fresh_db)["dbname"]
    run_sql(fresh_db, SUPPORT.format(a=a, b=b, db=database))
    project = tmp_path / "p"
    files = _inspect(fresh_db, project, "--owners")
    code, output = _cli("build", "--project", str(project))
    assert code == 0, output
    with psycopg.connect(fresh_db) as conn:
        live = conn.execute(SUPPORT_OWNERS).fetchall()
    assert {owner for _, owner in live} == {a, b}
    with scratch_database(fresh_db, "support") as copy:
        copy_db = psycopg.conninfo.conninfo_to_dict(copy)["dbname"]
        run_sql(copy, f"GRANT CREATE ON DATABASE {copy_db} TO {b}")
        run_sql(copy, (project / "generated" / "schema.sql").read_text(encoding="utf-8"))
        with psycopg.connect(copy) as conn:
            assert conn.execute(SUPPORT_OWNERS).fetchall() == live
        assert _inspect(copy, tmp_path / "again", "--owners") == files
        code, output = _cli("plan", "--dsn", copy, "--project", str(project))
        assert code == 0 and "OWNER" not in output, output


FOREIGN = """
CREATE ROLE {a} NOLOGIN;
CREATE ROLE {b} NOLOGIN;
CREATE SCHEMA app AUTHORIZATION {a};
CREATE FOREIGN DATA WRAPPER dummy;
CREATE SERVER remote FOREIGN DATA WRAPPER dummy;
CREATE FOREIGN TABLE app.far (id bigint) SERVER remote;
ALTER SERVER remote OWNER TO {b};
ALTER FOREIGN TABLE app.far OWNER TO {a};
"""

FOREIGN_OWNERS = """
SELECT fdwname, pg_get_userbyid(fdwowner) FROM pg_foreign_data_wrapper
UNION ALL SELECT srvname, pg_get_userbyid(srvowner) FROM pg_foreign_server
UNION ALL SELECT relname, pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = 'app'::regnamespace
ORDER BY 1
"""


def test_owners_of_foreign_data_wrappers_servers_and_foreign_tables(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, FOREIGN.format(a=a, b=b))
    project = tmp_path / "p"
    files = _inspect(fresh_db, project, "--owners")
    code, output = _cli("build", "--project", str(project))
    assert code == 0, output
    with psycopg.connect(fresh_db) as conn:
        live = conn.execute(FOREIGN_OWNERS).fetchall()
    with scratch_database(fresh_db, "foreign") as copy:
        run_sql(copy, (project / "generated" / "schema.sql").read_text(encoding="utf-8"))
        with psycopg.connect(copy) as conn:
            assert conn.execute(FOREIGN_OWNERS).fetchall() == live
        assert _inspect(copy, tmp_path / "again", "--owners") == files
        code, output = _cli("plan", "--dsn", copy, "--project", str(project))
        assert code == 0 and "OWNER" not in output, output


def test_the_public_schema_keeps_its_owner_and_an_event_trigger_its_superuser(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(
        fresh_db,
        f"CREATE ROLE {a} NOLOGIN; CREATE ROLE {b} NOLOGIN;"
        f"CREATE TABLE public.notes (id bigint); ALTER TABLE public.notes OWNER TO {a};"
        "CREATE FUNCTION public.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;"
        "CREATE EVENT TRIGGER on_ddl ON ddl_command_end EXECUTE FUNCTION public.on_ddl();",
    )
    project = tmp_path / "p"
    code, output = _cli("inspect", "--dsn", fresh_db, "--out", str(project), "--owners")
    assert code == 0, output
    files = _yaml(project)
    code, output = _cli("build", "--project", str(project))
    assert code == 0, output
    query = (
        "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public' "
        "UNION ALL SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.notes'::regclass "
        "UNION ALL SELECT pg_get_userbyid(evtowner) FROM pg_event_trigger"
    )
    with psycopg.connect(fresh_db) as conn:
        live = conn.execute(query).fetchall()
    with scratch_database(fresh_db, "public") as copy:
        run_sql(copy, (project / "generated" / "schema.sql").read_text(encoding="utf-8"))
        with psycopg.connect(copy) as conn:
            assert conn.execute(query).fetchall() == live
        code, output = _cli("inspect", "--dsn", copy, "--out", str(tmp_path / "again"), "--owners")
        assert code == 0 and _yaml(tmp_path / "again") == files, output
        code, output = _cli("plan", "--dsn", copy, "--project", str(project))
        assert code == 0 and "OWNER" not in output, output


def test_an_external_role_owns_objects_and_is_never_created_or_altered(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    a, b = roles
    run_sql(fresh_db, f"CREATE ROLE {a} NOLOGIN CONNECTION LIMIT 3; CREATE ROLE {b} NOLOGIN")
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    (project / "schemagen.yaml").write_text("owners: managed\n", encoding="utf-8")
    (project / "schema" / "app.yaml").write_text(
        f"schema: app\nowner: {a}\nexternal: {{roles: [{a}, {b}]}}\n"
        f"tables:\n  t:\n    owner: {b}\n    columns: {{id: bigint primary key}}\n"
        f"grants:\n  - {{on: table app.t, privileges: [select], to: {a}}}\n",
        encoding="utf-8",
    )
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0 and "ROLE" not in plan and f"ALTER TABLE app.t OWNER TO {b};" in plan, plan
    code, output = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes")
    assert code == 0, output
    assert _owners(fresh_db) == {"app": a, "t": b}
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0 and "ALTER" not in plan and "ROLE" not in plan, plan
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT rolconnlimit FROM pg_roles WHERE rolname = %s", (a,)).fetchone() == (3,)


def test_a_new_sequence_owned_by_an_existing_table_of_another_owner_applies(
    fresh_db: str, roles: tuple[str, str], tmp_path: Path
) -> None:
    """PostgreSQL refuses ``OWNED BY`` a table of another owner than the sequence's: a sequence
    created for an existing table (owned by a, not the applying role) gets a's ownership first."""
    a, b = roles
    run_sql(fresh_db, f"CREATE ROLE {a} NOLOGIN; CREATE ROLE {b} NOLOGIN")
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    (project / "schemagen.yaml").write_text("owners: managed\n", encoding="utf-8")
    path = project / "schema" / "app.yaml"
    text = f"schema: app\nowner: {a}\nroles: {{{a}: {{}}}}\ntables:\n  t:\n    columns: {{id: bigint}}\n"
    path.write_text(text, encoding="utf-8")
    code, output = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes")
    assert code == 0, output
    path.write_text(text + "sequences:\n  refs: {owned_by: t.id}\n", encoding="utf-8")
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0, plan
    owner_at, owned_at = plan.index(f"ALTER SEQUENCE app.refs OWNER TO {a};"), plan.index("OWNED BY")
    assert owner_at < owned_at, plan
    code, output = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes")
    assert code == 0, output
    assert _owners(fresh_db)["refs"] == a
    code, plan = _cli("plan", "--dsn", fresh_db, "--project", str(project))
    assert code == 0 and "ALTER" not in plan and "CREATE" not in plan, plan
