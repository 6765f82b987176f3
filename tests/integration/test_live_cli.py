"""``schemagen diff``, ``plan`` and ``apply`` end to end on PostgreSQL 18 and 15.

Each test starts from a live database (``LIVE``) and a project declaring another
state (``DECLARED``, written by inspecting a scratch database, so expressions are
canonical): formats, exit codes, hazard gating, plan files and convergence.
"""

from __future__ import annotations

import json

import psycopg
import pytest
from click.testing import CliRunner
from tests.integration.live_projects import project_from_sql, run_sql

from schemagen.api.apply import ApplyFailed, execute_plan
from schemagen.cli import main
from schemagen.render.report import ReportChange
from schemagen.render.summary import ChangeSummary

pytestmark = pytest.mark.integration

LIVE = """
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text);
CREATE TABLE app.legacy (id int);
CREATE INDEX old_idx ON app.users (email);
CREATE TABLE public.keep_me (id int);
"""

DECLARED = """
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email varchar(320));
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES app.users);
"""


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def drifted(fresh_db, tmp_path):
    """(dsn, project dir): the live database differs from the declared project."""
    project = project_from_sql(fresh_db, DECLARED, tmp_path / "project", ["app"])
    run_sql(fresh_db, LIVE)
    return fresh_db, str(project)


def _tables(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname IN ('app', 'public') ORDER BY 1"
        ).fetchall()
    return [r[0] for r in rows]


def test_diff_text_groups_by_kind_then_hazards_and_leaves_other_schemas_alone(drifted):
    dsn, project = drifted
    result = _cli("diff", "--dsn", dsn, "--project", project)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "  + table app.orders\n" in out
    assert "  - table app.legacy\n" in out
    assert "  ~ column app.users.email: type text → " in out
    assert "  - index app.old_idx\n" in out
    assert out.index("table:") < out.index("column:") < out.index("index:") < out.index("hazards:")
    assert "deletes_data (deletes data):\n      - table app.legacy" in out
    assert "keep_me" not in out


def test_diff_json_has_the_documented_shape_and_exit_code_5(drifted):
    dsn, project = drifted
    result = _cli("diff", "--dsn", dsn, "--project", project, "--format", "json", "--exit-code")
    assert result.exit_code == 5, result.output
    document = json.loads(result.stdout)
    assert set(document) == {"changes", "hazards"}
    assert all(set(change) == {"kind", "object", "sql", "hazards"} for change in document["changes"])
    legacy = next(c for c in document["changes"] if c["object"] == "app.legacy")
    assert legacy["kind"] == "table"
    assert legacy["sql"] == ["DROP TABLE app.legacy;"]
    assert "deletes_data" in legacy["hazards"]
    hazard = next(h for h in document["hazards"] if h["name"] == "deletes_data")
    assert hazard["objects"] == ["- table app.legacy"]


def test_diff_markdown_is_a_pull_request_comment(drifted):
    dsn, project = drifted
    result = _cli("diff", "--dsn", dsn, "--project", project, "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "| kind | created | altered | dropped |" in out
    assert "| table | 1 | 0 | 1 |" in out
    assert "- **deletes_data** (deletes data): 1 change(s)" in out
    assert "```sql\n" in out and "DROP TABLE app.legacy;" in out


def test_apply_refuses_without_confirmation_or_allowed_hazards_and_executes_nothing(drifted):
    dsn, project = drifted
    before = _tables(dsn)
    result = _cli("apply", "--dsn", dsn, "--project", project, "--allow-hazards")
    assert result.exit_code == 1
    assert "no terminal to ask on; pass --yes" in result.stderr
    result = _cli("apply", "--dsn", dsn, "--project", project, "--yes", "--allow-hazard", "deletes_data")
    assert result.exit_code == 1
    assert "- table app.legacy: access_exclusive_lock" in result.stderr
    assert "--allow-hazard access_exclusive_lock" in result.stderr
    assert _tables(dsn) == before


def test_apply_converges_plan_empty_and_diff_exit_code_0(drifted):
    dsn, project = drifted
    result = _cli("apply", "--dsn", dsn, "--project", project, "--yes", "--allow-hazards")
    assert result.exit_code == 0, result.output
    assert "applied - table app.legacy" in result.stderr
    # DROP INDEX CONCURRENTLY (safe by default on an existing table) runs on its own, then the rest
    assert "in 2 transaction(s)" in result.stderr
    assert _tables(dsn) == ["app.orders", "app.users", "public.keep_me"]
    plan = _cli("plan", "--dsn", dsn, "--project", project)
    assert plan.exit_code == 0 and plan.stdout == "-- no changes: the database matches the declared schema\n"
    diff = _cli("diff", "--dsn", dsn, "--project", project, "--exit-code", "--format", "json")
    assert diff.exit_code == 0, diff.output
    assert json.loads(diff.stdout) == {"changes": [], "hazards": []}
    again = _cli("apply", "--dsn", dsn, "--project", project)
    assert again.exit_code == 0 and "nothing to apply" in again.stderr


def test_plan_file_applies_and_a_stale_one_is_refused(drifted, tmp_path):
    dsn, project = drifted
    plan_file = tmp_path / "plan.sql"
    result = _cli("plan", "--dsn", dsn, "--project", project, "--out", str(plan_file))
    assert result.exit_code == 0, result.output
    text = plan_file.read_text()
    assert text.startswith("-- schemagen plan file")
    assert "-- fingerprint: sha256:" in text and "-- hazards: " in text and "deletes_data" in text
    run_sql(dsn, "ALTER TABLE app.legacy ADD COLUMN note text")
    stale = _cli("apply", "--dsn", dsn, "--plan", str(plan_file), "--yes", "--allow-hazards")
    assert stale.exit_code == 1
    assert "the database has changed since the plan was computed" in stale.stderr
    assert "app.legacy" in _tables(dsn)
    _cli("plan", "--dsn", dsn, "--project", project, "--out", str(plan_file))
    applied = _cli("apply", "--dsn", dsn, "--plan", str(plan_file), "--yes", "--allow-hazards")
    assert applied.exit_code == 0, applied.output
    assert _cli("diff", "--dsn", dsn, "--project", project, "--exit-code").exit_code == 0


def test_unmanaged_objects_are_listed_and_never_touched(fresh_db, tmp_path):
    project = project_from_sql(fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id int);", tmp_path / "p")
    run_sql(fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id int);")
    run_sql(
        fresh_db,
        "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;"
        "ALTER TABLE app.t SET ACCESS METHOD heap2;",
    )
    result = _cli("diff", "--dsn", fresh_db, "--project", str(project), "--exit-code")
    assert result.exit_code == 0, result.output
    assert "unmanaged (the model cannot read these; left alone):" in result.stdout
    assert "table app.t" in result.stdout
    as_json = _cli("diff", "--dsn", fresh_db, "--project", str(project), "--format", "json")
    assert json.loads(as_json.stdout) == {"changes": [], "hazards": []}
    assert "unmanaged (left alone): table app.t" in as_json.stderr


def _step(line: str, *sql: str, outside: bool = False) -> ReportChange:
    return ReportChange(ChangeSummary("table", line, "created"), sql, (), outside)


def test_a_failing_step_rolls_back_its_transaction_and_reports_what_committed(fresh_db):
    steps = [
        _step("app.first", "CREATE SCHEMA app;", "CREATE TABLE app.first (id int);", outside=True),
        _step("app.second", "CREATE TABLE app.second (id int);"),
        _step("app.broken", "CREATE TABLE app.broken (id no_such_type);"),
    ]
    with pytest.raises(ApplyFailed) as failure:
        execute_plan(fresh_db, steps)
    error = failure.value
    assert error.statement == "CREATE TABLE app.broken (id no_such_type);"
    assert 'type "no_such_type" does not exist' in error.error
    assert error.committed == ["+ table app.first"]
    assert error.rolled_back == ["+ table app.second", "+ table app.broken"]
    assert "already committed (1 step(s)):\n  + table app.first" in str(error)
    assert _tables(fresh_db) == ["app.first"]


def test_connection_errors_exit_1_and_never_show_the_password(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text("schema: app\ntables:\n  t:\n    columns:\n      id: int\n")
    dsn = "postgresql://someone:hunter2secret@127.0.0.1:1/nothing"
    for command in ("diff", "plan", "apply"):
        result = _cli(command, "--dsn", dsn, "--project", str(tmp_path))
        assert result.exit_code == 1, result.output
        assert "hunter2secret" not in result.output
        assert "someone:***@127.0.0.1" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert _cli("diff", "--format", "yaml").exit_code == 2
    assert _cli("apply", "--plan", "x.sql", "--project", str(tmp_path)).exit_code == 2
    assert _cli("diff", "--project", str(tmp_path / "missing")).exit_code == 2
    not_a_plan = tmp_path / "plan.sql"
    not_a_plan.write_text("SELECT 1;\n")
    result = _cli("apply", "--plan", str(not_a_plan), "--dsn", "host=/nonexistent")
    assert result.exit_code == 2
    assert "not a schemagen plan file" in result.stderr


def test_schema_option_brings_an_undeclared_schema_into_scope(drifted):
    dsn, project = drifted
    result = _cli("diff", "--dsn", dsn, "--project", project, "--schema", "public", "--format", "json")
    assert result.exit_code == 0, result.output
    objects = {(c["kind"], c["object"]) for c in json.loads(result.stdout)["changes"]}
    assert ("table", "public.keep_me") in objects
    assert ("schema", "public") not in objects  # public itself is never dropped


def test_a_declared_role_nothing_refers_to_is_no_change_once_it_exists(fresh_db, tmp_path):
    """Introspection keeps the roles objects refer to; a declared role that none does is still read."""
    role = f"lonely_{abs(hash(fresh_db)) % 10**8}"
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "app.yaml").write_text(
        f"schema: app\nroles:\n  {role}:\n    login: false\ntables:\n  t:\n    columns:\n      id: int\n"
    )
    try:
        applied = _cli("apply", "--dsn", fresh_db, "--project", str(project), "--yes", "--allow-hazards")
        assert applied.exit_code == 0, applied.output
        again = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--format", "json")
        assert again.exit_code == 0, again.output
        assert json.loads(again.stdout)["changes"] == []
        (project / "schema" / "app.yaml").write_text(
            f"schema: app\nroles:\n  {role}:\n    login: true\ntables:\n  t:\n    columns:\n      id: int\n"
        )
        changed = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--format", "json")
        assert [c["object"] for c in json.loads(changed.stdout)["changes"]] == [role]
    finally:
        run_sql(fresh_db, f"DROP ROLE IF EXISTS {role}")


def test_a_replication_publication_is_never_dropped_by_a_project_that_does_not_declare_it(fresh_db, tmp_path):
    project = project_from_sql(
        fresh_db, "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY);", tmp_path / "p", ["app"]
    )
    run_sql(
        fresh_db,
        "CREATE SCHEMA app; CREATE TABLE app.t (id int PRIMARY KEY); CREATE SCHEMA other;"
        "CREATE TABLE other.o (id int PRIMARY KEY);"
        "CREATE PUBLICATION cdc_all FOR ALL TABLES;"
        "CREATE PUBLICATION cdc_mixed FOR TABLE app.t, other.o;"
        "CREATE PUBLICATION app_only FOR TABLE app.t;",
    )
    try:
        planned = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--format", "json")
        assert planned.exit_code == 0, planned.output
        dropped = [c["object"] for c in json.loads(planned.stdout)["changes"]]
        assert dropped == ["app_only"]  # publishes only the project's table: the project's to manage
    finally:
        run_sql(fresh_db, "DROP PUBLICATION IF EXISTS cdc_all, cdc_mixed, app_only")


def test_another_teams_foreign_server_is_never_dropped(fresh_db, tmp_path):
    """Servers and wrappers are database-wide: a project manages those it declares or its foreign
    tables use (and their user mappings), never another team's."""
    project = tmp_path / "p"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "app.yaml").write_text(
        "schema: app\nforeign_data_wrappers:\n  mine: {}\nforeign_servers:\n  ours: {wrapper: mine}\n"
        "user_mappings:\n  ours:\n    public: {user: reader}\n"
    )
    run_sql(
        fresh_db,
        "CREATE FOREIGN DATA WRAPPER theirs; CREATE SERVER their_server FOREIGN DATA WRAPPER theirs;"
        "CREATE USER MAPPING FOR PUBLIC SERVER their_server OPTIONS (user 'x');"
        "CREATE FOREIGN DATA WRAPPER mine; CREATE SERVER gone FOREIGN DATA WRAPPER mine;",
    )
    planned = _cli("plan", "--dsn", fresh_db, "--project", str(project), "--format", "json")
    assert planned.exit_code == 0, planned.output
    objects = [(c["kind"], c["object"]) for c in json.loads(planned.stdout)["changes"]]
    assert [o for o in objects if "their" in o[1] or "gone" in o[1]] == []  # neither declared nor used
    assert {o[1] for o in objects} >= {"ours"}
