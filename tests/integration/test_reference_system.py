"""The reference system works, not just exists (issue 3, "Done when").

Every test applies the repository's own ``generated/schema.sql`` with ``psql -v
ON_ERROR_STOP=1 -f`` to an empty database and then exercises the system as its
users would: rows routed to partitions, the audit trail, the maintenance function,
the tenant policy, the pools' privileges, notifications and reference rows.

Servers: PostgreSQL 18 (embedded, with pgvector) gets ``generated/schema.sql``
itself. PostgreSQL 15 has no pgvector, so it gets the build of a temporary project
holding every file of ``schema/`` except ``knowledge.yaml`` (and the grants on the
knowledge schema): every other object kind applies and behaves the same on 15.
Roles are cluster-wide and created only when missing, so they are never dropped
here: applying to a second database of the same server is part of what is proven.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from pytest_postgresql.janitor import DatabaseJanitor
from tests.integration.test_golden_apply import psql_apply

from schemagen.api import compile_project
from schemagen.model.pg.statements import split_statements

REPO = Path(__file__).resolve().parents[2]
SCHEMA_SQL = REPO / "generated" / "schema.sql"
ROLES = ("app_analytics", "app_maintenance", "app_reader", "app_writer")
META_T1 = '{"created_at": "2026-01-02T00:00:00", "version": 1, "tenant_id": "t1"}'
META_T2 = '{"created_at": "2026-01-02T00:00:00", "version": 1, "tenant_id": "t2"}'


@pytest.fixture(scope="module")
def schema_sql_without_knowledge(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``schema.sql`` of schema/ without the pgvector-dependent knowledge schema."""
    project = tmp_path_factory.mktemp("reference_without_knowledge")
    shutil.copytree(
        REPO / "schema", project / "schema", ignore=shutil.ignore_patterns("knowledge.yaml", "*.md")
    )
    if (REPO / "schemagen.yaml").exists():
        shutil.copy(REPO / "schemagen.yaml", project / "schemagen.yaml")
    security = project / "schema" / "security.yaml"
    lines = security.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not (line.lstrip().startswith("- {on:") and "knowledge" in line)]
    assert len(lines) - len(kept) == 3, "the grants on knowledge are one-line entries"
    security.write_text("".join(kept), encoding="utf-8")
    result = compile_project(project)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    script = project / "schema.sql"
    script.write_text(result.files["schema.sql"], encoding="utf-8")
    return script


@pytest.fixture(params=["pg18", "pg15"])
def reference_db(request: pytest.FixtureRequest) -> str:
    """A database holding the reference system (all of it on 18; all but knowledge on 15)."""
    if request.param == "pg18":
        dsn, script = request.getfixturevalue("pg18_db"), SCHEMA_SQL
    else:
        dsn, script = (
            request.getfixturevalue("pg15_db"),
            request.getfixturevalue("schema_sql_without_knowledge"),
        )
    result = psql_apply(dsn, script)
    assert result.returncode == 0, result.stderr
    return dsn


@contextmanager
def connect(dsn: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("SET search_path = pg_catalog")
        yield conn


@contextmanager
def extra_database(server, name: str) -> Iterator[str]:
    janitor = DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname=name)
    janitor.init()
    try:
        yield server.dsn(name)
    finally:
        janitor.drop()


def rows(conn: psycopg.Connection, query: str, params: tuple = ()) -> list[tuple]:
    return conn.execute(query, params).fetchall()


def add_agent(conn: psycopg.Connection, name: str, metadata: str = "{}", configuration: str = "{}") -> str:
    [(agent_id,)] = rows(
        conn,
        "INSERT INTO agents.registry (agent_type, agent_name, metadata, configuration) "
        "VALUES ('worker', %s, %s, %s) RETURNING agent_id::text",
        (name, metadata, configuration),
    )
    return agent_id


# --- applies cleanly, twice on one server ------------------------------------------


def test_schema_applies_to_two_databases_of_one_server(pg18_db: str, pg18_server) -> None:
    first = psql_apply(pg18_db, SCHEMA_SQL)
    assert first.returncode == 0, first.stderr
    with extra_database(pg18_server, pg18_db.rsplit("=", 1)[-1] + "_second") as second_dsn:
        second = psql_apply(second_dsn, SCHEMA_SQL)
        assert second.returncode == 0, second.stderr
        with connect(second_dsn) as conn:
            assert rows(conn, "SELECT count(*) FROM pg_namespace WHERE nspname = 'knowledge'") == [(1,)]
            assert rows(conn, "SELECT extname FROM pg_extension WHERE extname = 'vector'") == [("vector",)]


def test_roles_are_created_only_when_missing() -> None:
    """Roles are cluster-wide: the DDL checks pg_roles before CREATE ROLE, for every role."""
    script = SCHEMA_SQL.read_text(encoding="utf-8")
    for role in ROLES:
        assert f"WHERE rolname = '{role}') THEN\n        CREATE ROLE {role} NOLOGIN" in script
    assert script.count("CREATE ROLE") == len(ROLES)


def test_roles_are_nologin_and_not_privileged(reference_db: str) -> None:
    with connect(reference_db) as conn:
        found = rows(
            conn,
            "SELECT rolname, rolcanlogin, rolsuper, rolbypassrls FROM pg_roles "
            "WHERE rolname = ANY(%s) ORDER BY 1",
            (list(ROLES),),
        )
    assert found == [(role, False, False, False) for role in ROLES]


# --- partitions ---------------------------------------------------------------------


def test_hash_partitioned_rows_land_in_their_remainder(reference_db: str) -> None:
    with connect(reference_db) as conn:
        for n in range(40):
            add_agent(conn, f"agent-{n}")
        conn.execute(
            "INSERT INTO agents.state (agent_id, state_key, state_value) "
            "SELECT agent_id, 'k', '{\"a\": 1}' FROM agents.registry"
        )
        found = rows(
            conn,
            "SELECT tableoid::regclass::text, "
            "bool_and(satisfies_hash_partition('agents.state'::regclass, 8, "
            "substring(tableoid::regclass::text FROM '[0-9]+$')::int, agent_id)), count(*) "
            "FROM agents.state GROUP BY 1 ORDER BY 1",
        )
    assert {name for name, _, _ in found} <= {f"agents.state_p{n}" for n in range(8)}
    assert len(found) > 1, "40 random agent ids all hashed to one partition"
    assert all(ok for _, ok, _ in found)
    assert sum(count for _, _, count in found) == 40


def test_range_rows_land_in_their_period_or_the_default(reference_db: str) -> None:
    with connect(reference_db) as conn:
        agent = add_agent(conn, "root")
        for at in ("2026-01-03 12:00+00", "2026-01-08 23:59:59+00", "2027-05-03 00:00+00"):
            conn.execute(
                "INSERT INTO agents.lifecycle_events (agent_id, event_type, created_at) VALUES (%s, 'x', %s)",
                (agent, at),
            )
        events = rows(
            conn, "SELECT created_at::text, tableoid::regclass::text FROM agents.lifecycle_events ORDER BY 1"
        )
        conn.execute(
            "INSERT INTO messages.log (from_agent_id, broadcast_to_type, message_type, sent_at) "
            "VALUES (%s, 'worker', 'notification', '2026-01-02 08:00+00')",
            (agent,),
        )
        messages = rows(conn, "SELECT tableoid::regclass::text FROM messages.log")
    assert [partition for _, partition in events] == [
        "agents.lifecycle_events_2026_01_03",
        "agents.lifecycle_events_2026_01_08",
        "agents.lifecycle_events_default",
    ]
    assert messages == [("messages.log_2026_01_02",)]


def test_list_partitioned_queue_routes_to_default_and_executions_by_day(reference_db: str) -> None:
    with connect(reference_db) as conn:
        agent = add_agent(conn, "root")
        [(task_id,)] = rows(conn, "INSERT INTO tasks.queue (task_type) VALUES ('build') RETURNING task_id")
        conn.execute(
            "INSERT INTO tasks.executions (task_id, task_type, agent_id, started_at) "
            "VALUES (%s, 'build', %s, '2026-01-05 10:00+00')",
            (task_id, agent),
        )
        assert rows(conn, "SELECT tableoid::regclass::text FROM tasks.queue") == [("tasks.queue_default",)]
        assert rows(conn, "SELECT tableoid::regclass::text FROM tasks.executions") == [
            ("tasks.executions_2026_01_05",)
        ]


# --- audit --------------------------------------------------------------------------


def test_insert_update_delete_leave_the_right_change_log_rows(reference_db: str) -> None:
    with connect(reference_db) as conn:
        agent = add_agent(conn, "root")
        conn.execute("UPDATE agents.registry SET status = 'active' WHERE agent_id = %s", (agent,))
        conn.execute(
            "UPDATE agents.registry SET status = 'active' WHERE agent_id = %s", (agent,)
        )  # no change
        conn.execute("DELETE FROM agents.registry WHERE agent_id = %s", (agent,))
        log = rows(
            conn,
            "SELECT table_schema, table_name, operation, old_data, new_data, changed_fields, "
            "pg_typeof(transaction_id)::text, changed_by::text = session_user::text "
            "FROM audit.change_log ORDER BY changed_at, change_id",
        )
    assert [(s, t, op) for s, t, op, *_ in log] == [
        ("agents", "registry", "INSERT"),
        ("agents", "registry", "UPDATE"),
        ("agents", "registry", "UPDATE"),
        ("agents", "registry", "DELETE"),
    ]
    (_, _, _, old, new, changed, xid_type, by_me) = log[0]
    assert old is None and changed is None and new["agent_name"] == "root" and new["agent_id"] == agent
    assert xid_type == "xid8" and by_me
    (_, _, _, old, new, changed, _, _) = log[1]
    assert (old["status"], new["status"]) == ("initializing", "active")
    assert set(changed) == {"status", "updated_at"} and changed["status"] == "active"
    assert log[2][5] == {}, "an UPDATE that changes nothing logs no changed fields"
    (_, _, _, old, new, changed, _, _) = log[3]
    assert new is None and changed is None and old["agent_id"] == agent and old["status"] == "active"


def test_audit_logs_the_partitioned_table_not_the_partition(reference_db: str) -> None:
    with connect(reference_db) as conn:
        agent = add_agent(conn, "root")
        conn.execute(
            "INSERT INTO agents.state (agent_id, state_key, state_value) VALUES (%s, 'k', '{}')", (agent,)
        )
        log = rows(conn, "SELECT table_name FROM audit.change_log WHERE operation = 'INSERT' ORDER BY 1")
    assert log == [("registry",), ("state",)]


def test_writers_need_no_privilege_on_the_audit_log(reference_db: str) -> None:
    with connect(reference_db) as conn:
        conn.execute("BEGIN")
        conn.execute("SET LOCAL ROLE app_writer")
        conn.execute("SET LOCAL app.current_tenant_id = 't1'")
        add_agent(conn, "tenant-agent", META_T1)
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT count(*) FROM audit.change_log")
        conn.execute("ROLLBACK")


# --- partition maintenance ------------------------------------------------------------


def test_maintenance_creates_and_drops_range_partitions(reference_db: str) -> None:
    with connect(reference_db) as conn:
        agent = add_agent(conn, "root")
        conn.execute(
            "INSERT INTO agents.lifecycle_events (agent_id, event_type, created_at) "
            "VALUES (%s, 'early', '2026-03-02 12:00+00')",
            (agent,),
        )
        conn.execute("BEGIN")
        conn.execute("SET LOCAL ROLE app_maintenance")  # the scheduler's role, not the owner
        actions = rows(conn, "SELECT action, partition_name FROM partitions.run_maintenance('2026-03-01')")
        conn.execute("COMMIT")
        children = rows(
            conn,
            "SELECT c.relname::text FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid "
            "WHERE h.inhparent = 'agents.lifecycle_events'::regclass ORDER BY 1",
        )
        moved = rows(
            conn, "SELECT tableoid::regclass::text FROM agents.lifecycle_events WHERE event_type = 'early'"
        )
        again = rows(conn, "SELECT * FROM partitions.run_maintenance('2026-03-01')")
    created = sorted(name for action, name in actions if action == "created")
    dropped = sorted(name for action, name in actions if action == "dropped")
    march = [f"agents.lifecycle_events_2026_03_0{day}" for day in range(1, 9)]
    january = [f"agents.lifecycle_events_2026_01_0{day}" for day in range(1, 9)]
    assert set(march) <= set(created)
    assert {"audit.change_log_2026_05", "audit.change_log_2026_06"} <= set(created)
    assert set(january) <= set(dropped)
    assert not any(name.startswith("audit.") for name in dropped), "12 months' retention keeps January"
    assert [name for (name,) in children] == [n.removeprefix("agents.") for n in march] + [
        "lifecycle_events_default"
    ]
    assert moved == [("agents.lifecycle_events_2026_03_02",)], (
        "the default partition's row moved to its period"
    )
    assert again == [], "a second run at the same time does nothing"


def test_only_the_maintenance_role_may_run_maintenance(reference_db: str) -> None:
    with connect(reference_db) as conn:
        for role in ("app_writer", "app_reader", "app_analytics"):
            conn.execute("BEGIN")
            conn.execute(f"SET LOCAL ROLE {role}")
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute("SELECT * FROM partitions.run_maintenance('2026-03-01')")
            conn.execute("ROLLBACK")


# --- row-level security ---------------------------------------------------------------


def test_tenant_policy_hides_other_tenants_rows(reference_db: str) -> None:
    with connect(reference_db) as conn:
        add_agent(conn, "one", META_T1, '{"api_key": "sekrit", "x": 1}')
        add_agent(conn, "two", META_T2)
        add_agent(conn, "nobody")
        assert rows(conn, "SELECT count(*) FROM agents.registry") == [(3,)], "the owner is not subject to RLS"
        conn.execute("BEGIN")
        conn.execute("SET LOCAL ROLE app_writer")
        [(is_owner,)] = rows(
            conn,
            "SELECT pg_has_role('app_writer', relowner, 'USAGE') FROM pg_class "
            "WHERE oid = 'agents.registry'::regclass",
        )
        assert not is_owner
        assert rows(conn, "SELECT agent_name FROM agents.registry") == [], "unset tenant sees nothing"
        conn.execute("SET LOCAL app.current_tenant_id = 't1'")
        assert rows(conn, "SELECT agent_name FROM agents.registry") == [("one",)]
        assert rows(conn, "UPDATE agents.registry SET status = 'idle' RETURNING agent_name") == [("one",)]
        with pytest.raises(errors.InsufficientPrivilege):  # WITH CHECK: no rows for another tenant
            add_agent(conn, "smuggled", META_T2)
        conn.execute("ROLLBACK")


def test_masked_view_applies_the_tenant_rule_and_masks_secrets(reference_db: str) -> None:
    with connect(reference_db) as conn:
        add_agent(conn, "one", META_T1, '{"api_key": "sekrit", "x": 1}')
        add_agent(conn, "two", META_T2, '{"api_key": "other"}')
        add_agent(conn, "plain", META_T1, '{"x": 2}')
        conn.execute("BEGIN")
        conn.execute("SET LOCAL ROLE app_reader")
        conn.execute("SET LOCAL app.current_tenant_id = 't1'")
        seen = rows(conn, "SELECT agent_name, configuration FROM agents.registry_masked ORDER BY 1")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM agents.registry")
        conn.execute("ROLLBACK")
    assert seen == [("one", {"api_key": "***MASKED***", "x": 1}), ("plain", {"x": 2})]


# --- privileges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO tasks.queue (task_type) VALUES ('build')",
        "UPDATE tasks.queue SET status = 'cancelled'",
        "DELETE FROM messages.channels",
        "INSERT INTO agents.state (agent_id, state_key, state_value) VALUES (gen_random_uuid(), 'k', '{}')",
    ],
)
def test_reader_cannot_write(reference_db: str, statement: str) -> None:
    with connect(reference_db) as conn:
        conn.execute("BEGIN")
        conn.execute("SET LOCAL ROLE app_reader")
        with pytest.raises(errors.InsufficientPrivilege):
            conn.execute(statement)
        conn.execute("ROLLBACK")


def test_reader_holds_no_write_privilege_anywhere(reference_db: str) -> None:
    with connect(reference_db) as conn:
        writable = rows(
            conn,
            "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname IN ('agents', 'tasks', 'messages', 'sessions', 'knowledge', 'audit', "
            "'monitoring', 'partitions') AND c.relkind IN ('r', 'p', 'v', 'm') "
            "AND has_table_privilege('app_reader', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') ORDER BY 1",
        )
        tables = rows(
            conn,
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'tasks' AND has_table_privilege('app_reader', c.oid, 'SELECT')",
        )
    assert writable == []
    assert tables[0][0] > 0, "the reader does read"


# --- notifications ----------------------------------------------------------------------


def test_notify_table_emits_compact_json_events(reference_db: str) -> None:
    with connect(reference_db) as listener, connect(reference_db) as writer:
        listener.execute("LISTEN agent_events")
        listener.execute("LISTEN task_events")
        agent = add_agent(writer, "root")
        writer.execute("UPDATE agents.registry SET status = 'active' WHERE agent_id = %s", (agent,))
        writer.execute("INSERT INTO tasks.queue (task_type) VALUES ('build')")
        writer.execute("DELETE FROM agents.registry WHERE agent_id = %s", (agent,))
        events = [(n.channel, json.loads(n.payload)) for n in listener.notifies(timeout=10, stop_after=4)]
    assert [(channel, e["table"], e["op"]) for channel, e in events] == [
        ("agent_events", "registry", "INSERT"),
        ("agent_events", "registry", "UPDATE"),
        ("task_events", "queue", "INSERT"),
        ("agent_events", "registry", "DELETE"),
    ]
    assert events[0][1] == {
        "schema": "agents",
        "table": "registry",
        "op": "INSERT",
        "row": {"agent_id": agent, "agent_type": "worker", "status": "initializing"},
    }
    assert events[1][1]["row"]["status"] == "active"
    assert set(events[2][1]["row"]) == {"task_id", "task_type", "status", "assigned_agent_id"}
    assert events[3][1]["row"]["agent_id"] == agent


# --- reference rows ---------------------------------------------------------------------


def _upserts(script: str) -> list[str]:
    return [s for s in split_statements(script) if s.lstrip().upper().startswith("INSERT INTO")]


def test_build_is_deterministic_and_matches_generated() -> None:
    first, second = compile_project(REPO), compile_project(REPO)
    assert first.ok, "\n".join(d.format() for d in first.diagnostics)
    assert first.files == second.files
    assert first.files["schema.sql"] == SCHEMA_SQL.read_text(encoding="utf-8")


def test_reference_rows_are_upserted_idempotently(reference_db: str) -> None:
    script = SCHEMA_SQL.read_text(encoding="utf-8")
    upserts = _upserts(script)
    assert len(upserts) == 1 and "ON CONFLICT (metric_name) DO UPDATE" in upserts[0]
    snapshot = "SELECT * FROM monitoring.alert_thresholds ORDER BY metric_name"
    with connect(reference_db) as conn:
        before = rows(conn, snapshot)
        for statement in upserts:
            conn.execute(statement)
        after = rows(conn, snapshot)
        conn.execute(
            "UPDATE monitoring.alert_thresholds SET warning_threshold = 97 "
            "WHERE metric_name = 'cache_hit_ratio'"
        )
        for statement in upserts:
            conn.execute(statement)
        restored = rows(
            conn,
            "SELECT warning_threshold, critical_threshold, higher_is_worse FROM monitoring.alert_thresholds "
            "WHERE metric_name = 'cache_hit_ratio'",
        )
    assert len(before) == 9
    assert after == before, "applying the rows again changes nothing (not even updated_at)"
    assert restored == [(95, 90, False)]
