"""A role's VALID UNTIL and its memberships' options (ADMIN; INHERIT and SET on PostgreSQL 16+)
round-trip and converge: declared → applied → read back → planned again: nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pglast
import psycopg
import pytest
from psycopg import sql as psql
from tests.integration.catalog_differences import differences
from tests.integration.test_inspect_roundtrip import _round_trip

from schemagen.api import compile_project
from schemagen.api.inspect import read_database
from schemagen.diff import diff_catalogs
from schemagen.model import Catalog, Membership
from schemagen.plan import plan_changes
from schemagen.render import render_plan

pytestmark = pytest.mark.integration

ROLES = ("ro_group", "ro_other", "ro_alice", "ro_bob")


@pytest.fixture
def roles_dropped():
    """The databases the test's roles hold privileges in; the roles are dropped afterwards."""
    databases: list[str] = []
    yield databases
    for dsn in databases:
        with psycopg.connect(dsn, autocommit=True) as conn:
            present = [
                r for r in ROLES if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (r,)).fetchone()
            ]
            for role in present:
                conn.execute(psql.SQL("DROP OWNED BY {}").format(psql.Identifier(role)))
    if databases:
        with psycopg.connect(databases[0], autocommit=True) as conn:
            for role in ROLES:
                conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


@pytest.fixture
def second_pg18_db(pg18_server):
    """A second empty database on PostgreSQL 18."""
    from tests.conftest import _fresh

    yield from _fresh(pg18_server, None)


def _declared(tmp_path: Path, name: str, text: str) -> Catalog:
    project = tmp_path / name
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    result = compile_project(project)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    assert result.catalog is not None
    shutil.rmtree(project)
    return result.catalog


def _run(dsn: str, script: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(script):
            conn.execute(statement)


def _project(alice: str, bob: str) -> str:
    return f"""
schema: app
tables:
  notes: {{columns: {{id: integer}}}}
roles:
  ro_group: {{}}
  ro_other: {{}}
  ro_alice: {alice}
  ro_bob: {bob}
grants:
  - {{on: table notes, privileges: [select], to: ro_alice}}
  - {{on: table notes, privileges: [select], to: ro_bob}}
"""


def test_valid_until_and_membership_options_converge(fresh_db, roles_dropped, pg_server, tmp_path):
    roles_dropped.append(fresh_db)
    later = "{role: ro_other, inherit: false, set: false}" if pg_server.version >= 16 else "ro_other"
    before = _declared(
        tmp_path,
        "before",
        _project(
            "{login: true, valid_until: '2030-01-01', member_of: [{role: ro_group, admin: true}]}",
            "{login: true, member_of: [ro_group, ro_other]}",
        ),
    )
    after = _declared(
        tmp_path,
        "after",
        _project(
            f"{{login: true, member_of: [ro_group, {later}]}}",
            "{login: true, valid_until: '2031-06-30T18:00:00+02:00',"
            " member_of: [{role: ro_group, admin: true}]}",
        ),
    )
    _run(fresh_db, render_plan(plan_changes(diff_catalogs(Catalog(), before))))
    live, omissions = read_database(fresh_db, ["app"])
    assert omissions == []
    assert live.roles["ro_alice"].valid_until == "2030-01-01 00:00:00+00"
    assert live.roles["ro_alice"].memberships == (Membership("ro_group", admin=True),)
    assert diff_catalogs(live, before) == []
    _run(fresh_db, render_plan(plan_changes(diff_catalogs(live, after))))
    live, _ = read_database(fresh_db, ["app"])
    assert live.roles["ro_alice"].valid_until is None  # back to infinity: never expires
    assert live.roles["ro_bob"].valid_until == "2031-06-30 16:00:00+00"
    assert diff_catalogs(live, after) == []


def test_inherit_and_set_options_round_trip(pg18_db, second_pg18_db, roles_dropped, tmp_path):
    roles_dropped += [pg18_db, second_pg18_db]
    sql = """
        CREATE SCHEMA app; CREATE TABLE app.notes (id integer);
        CREATE ROLE ro_group; CREATE ROLE ro_other; CREATE ROLE ro_alice LOGIN NOINHERIT;
        GRANT ro_group TO ro_alice WITH INHERIT TRUE, SET FALSE;
        GRANT ro_other TO ro_alice WITH ADMIN OPTION;
        GRANT SELECT ON app.notes TO ro_alice;
    """
    first, again = _round_trip(sql, pg18_db, second_pg18_db, tmp_path)
    assert first.omissions == []
    assert first.catalog.roles["ro_alice"].memberships == (
        Membership("ro_group", inherit=True, set=False),
        Membership("ro_other", admin=True),
    )
    text = "\n".join(first.files.values())
    assert "{role: ro_group, inherit: true, set: false}" in text
    assert differences(first.catalog, again.catalog) == []
    assert first.files == again.files
