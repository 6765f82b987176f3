"""Foreign data wrappers, servers and user mappings on PostgreSQL 15 and 18.

Round trip: SQL → database A → inspect → build → database B → inspect: nothing omitted, the
catalogs equal, the YAML byte-identical, and the user mapping's password neither read nor
written. Convergence: a project applied to an empty database plans nothing more; changed
options are altered in place (ALTER SERVER … OPTIONS), and plan nothing more once applied.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences
from tests.integration.test_inspect_roundtrip import _round_trip

from schemagen.api import compile_project
from schemagen.api.apply import execute_plan
from schemagen.api.live import compare_live
from schemagen.model import QualifiedName

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent
SQL = (HERE / "test_inspect_roundtrip_fdw.sql").read_text()
ROLE = """DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fdw_reporter') THEN CREATE ROLE fdw_reporter; END IF;
END $$;
"""


@pytest.fixture
def second_db(pg_server):
    """A second empty database on the same server as ``fresh_db``."""
    from tests.conftest import _fresh

    yield from _fresh(pg_server, None)


def test_foreign_data_round_trips(fresh_db, second_db, tmp_path):
    first, second = _round_trip(
        ROLE + SQL.replace("CREATE ROLE fdw_reporter;", ""), fresh_db, second_db, tmp_path
    )
    assert first.omissions == []
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files
    catalog = first.catalog
    assert sorted(catalog.foreign_data_wrappers) == ["Bare", "plain"]  # postgres_fdw is the extension's
    assert sorted(catalog.foreign_servers) == ["Old Archive", "files", "loose", "reports"]
    assert len(catalog.user_mappings) == 3
    assert sorted(map(str, catalog.foreign_tables)) == [
        "remote.Empty",
        "remote.events_2020",
        "remote.host_lines",
        "remote.measurements_old",
        "remote.orders",
    ]
    child = catalog.foreign_tables[QualifiedName("remote", "measurements_old")]
    assert child.inherits == (QualifiedName("remote", "measurements"),)
    assert [c.name for c in child.columns] == ["value", "station"]
    assert catalog.foreign_tables[QualifiedName("remote", "events_2020")].partition_of is not None
    assert len([g for g in catalog.grants.values() if g.target.name.name == "orders"]) == 2
    text = "".join(first.files.values())
    assert "secret-1" not in text and "password" not in text
    assert "fdw_reporter: {user: report_reader}" in text
    with psycopg.connect(second_db) as conn:  # the rebuilt mapping has no password: never declared
        options = conn.execute(
            "SELECT umoptions FROM pg_user_mappings WHERE usename = 'fdw_reporter'"
        ).fetchone()
    assert options == (["user=report_reader"],)


PROJECT = """schema: remote
extensions: [postgres_fdw]
roles:
  fdw_reporter: {{}}
foreign_data_wrappers:
  plain: {{comment: no handler}}
foreign_servers:
  reports:
    wrapper: postgres_fdw
    options: {{{options}}}
  archive: {{wrapper: plain, type: archive, version: "{version}"}}
user_mappings:
  reports:
    fdw_reporter: {{user: {user}}}
    public:
foreign_tables:
  orders:
    server: reports
    options: {{table_name: {table}}}
    columns:
      id: {id_type}
      total: {{type: numeric, options: {{column_name: {column}}}}}
    checks: {{positive: total >= 0}}
views:
  big_orders:
    query: SELECT id FROM remote.orders WHERE total > 100
grants:
  - {{on: table orders, privileges: [select], to: fdw_reporter}}
"""


def _plan(dsn: str, project: Path) -> list[str]:
    return [c.summary.line() for c in compare_live(dsn, project).changes]


def test_foreign_data_converges_and_alters_options(fresh_db, tmp_path):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(ROLE)
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    yaml = project / "schema" / "remote.yaml"
    yaml.write_text(
        PROJECT.format(
            options="host: a, port: 5432", version="1", user="x", table="o", id_type="integer", column="a"
        )
    )
    execute_plan(fresh_db, compare_live(fresh_db, project).changes)
    assert _plan(fresh_db, project) == []
    with psycopg.connect(fresh_db, autocommit=True) as conn:  # set out of band, as docs/format.md says
        conn.execute("ALTER USER MAPPING FOR fdw_reporter SERVER reports OPTIONS (ADD password 'secret-2')")
    yaml.write_text(
        PROJECT.format(
            options="host: b, dbname: d",
            version="2",
            user="y",
            table="p",
            id_type="bigint not null",
            column="b",
        )
    )
    changes = compare_live(fresh_db, project).changes
    sql = "\n".join(s for c in changes for s in c.sql)
    assert "ALTER SERVER reports OPTIONS (ADD dbname 'd', SET host 'b', DROP port);" in sql
    assert "ALTER SERVER archive VERSION '2';" in sql
    assert "ALTER USER MAPPING FOR fdw_reporter SERVER reports OPTIONS (SET \"user\" 'y');" in sql
    assert "OPTIONS (SET table_name 'p')" in sql and "ALTER COLUMN total OPTIONS (SET column_name 'b')" in sql
    assert "secret-2" not in sql and "DROP SERVER" not in sql and "DROP FOREIGN TABLE" not in sql
    execute_plan(fresh_db, changes)
    assert _plan(fresh_db, project) == []
    with psycopg.connect(fresh_db) as conn:  # the password set out of band is kept
        options = conn.execute(
            "SELECT umoptions FROM pg_user_mappings WHERE usename = 'fdw_reporter'"
        ).fetchone()
    assert options == (["user=y", "password=secret-2"],)


def test_inspect_of_one_schema_writes_the_servers_its_foreign_tables_use(fresh_db, tmp_path):
    """``inspect --schema remote``: the servers, wrappers and extension the foreign tables need come
    along (the extension lives in public, outside the schemas read), so the project builds."""
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(ROLE + SQL.replace("CREATE ROLE fdw_reporter;", ""))
        conn.execute("CREATE SERVER unused FOREIGN DATA WRAPPER plain")
    from schemagen.api.inspect import inspect_database

    result = inspect_database(fresh_db, ["remote"], tmp_path / "p")
    assert result.omissions == []
    assert sorted(result.catalog.foreign_servers) == ["Old Archive", "files", "reports"]  # not the unused one
    compiled = compile_project(tmp_path / "p")
    assert compiled.ok, "\n".join(d.format() for d in compiled.diagnostics)


VIEWER = """DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fdw_viewer') THEN
        CREATE ROLE fdw_viewer LOGIN;
    END IF;
END $$;
"""
UNREADABLE = """schema: remote
roles:
  fdw_reporter: {}
foreign_data_wrappers:
  plain: {}
foreign_servers:
  reports: {wrapper: plain}
"""


def test_a_mapping_the_role_cannot_read_is_present_and_left_alone(fresh_db, tmp_path):
    """A role that may not read a mapping's options (neither the mapped user, the server's owner
    nor a superuser) plans nothing for it: not created again (it exists), not dropped, not
    altered; it is listed as unmanaged. A superuser, who reads it, still manages it."""
    from psycopg.conninfo import make_conninfo

    from schemagen.render.report_formats import plan_text

    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(ROLE + VIEWER)
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    yaml = project / "schema" / "remote.yaml"
    declared = UNREADABLE + "user_mappings:\n  reports:\n    fdw_reporter: {user: x}\n"
    yaml.write_text(declared)
    execute_plan(fresh_db, compare_live(fresh_db, project).changes)
    assert _plan(fresh_db, project) == []
    viewer = make_conninfo(fresh_db, user="fdw_viewer")
    for text in (declared, declared.replace("user: x", "user: y"), UNREADABLE):  # same, altered, undeclared
        yaml.write_text(text)
        comparison = compare_live(viewer, project)
        assert comparison.changes == []
        assert comparison.live.unmanaged == (
            "user mapping fdw_reporter@reports: its options are visible only to the mapped user, "
            "the server's owner or a superuser",
        )
        assert "-- unmanaged (left alone): user mapping fdw_reporter@reports" in plan_text(
            [], comparison.live.unmanaged
        )
    yaml.write_text(UNREADABLE)  # the superuser reads the mapping: an undeclared one is dropped
    assert _plan(fresh_db, project) == ["- user mapping fdw_reporter@reports"]
