"""Plans that once failed on a real server, each converging now on PostgreSQL 15 and 18.

Each case declares the catalog a script gives (read back from the server), loads
the old script, applies the plan with the apply engine, and requires the database
to equal the declared catalog and a second plan to be empty.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from schemagen.api.apply import ApplyFailed, execute_plan, remove_invalid_index
from schemagen.api.live import compare_catalog, compare_live
from schemagen.errors import InvalidProject
from schemagen.introspect import introspect
from schemagen.model import Catalog, QualifiedName

Q = QualifiedName

pytestmark = pytest.mark.integration

RESET = "DROP SCHEMA IF EXISTS app CASCADE"


def _run(dsn: str, script: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(script)


def _read(dsn: str) -> Catalog:
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["app"])[0]


def declared_by(dsn: str, script: str) -> Catalog:
    """The catalog ``script`` makes, read back; the schema is emptied again after."""
    _run(dsn, script)
    declared = _read(dsn)
    _run(dsn, RESET)
    return declared


def converge(dsn: str, old: str, new: str) -> Catalog:
    """Load ``old``, apply the plan to what ``new`` makes: nothing differs, nothing left to plan."""
    declared = declared_by(dsn, new)
    _run(dsn, old)
    execute_plan(dsn, compare_catalog(dsn, declared, ["app"]).changes)
    again = compare_catalog(dsn, declared, ["app"])
    assert [c.summary.line() for c in again.changes] == []
    return declared


def test_an_index_name_moves_to_a_new_table_whose_old_table_goes(fresh_db: str) -> None:
    old = """
        CREATE SCHEMA app;
        CREATE TABLE app.old (id integer, n serial);
        CREATE INDEX shared_idx ON app.old (id);
        ALTER SEQUENCE app.old_n_seq OWNED BY NONE;
        ALTER SEQUENCE app.old_n_seq OWNED BY app.old.n;
    """
    new = """
        CREATE SCHEMA app;
        CREATE SEQUENCE app.old_n_seq;
        CREATE TABLE app.new (id integer, n integer DEFAULT nextval('app.old_n_seq'));
        ALTER SEQUENCE app.old_n_seq OWNED BY app.new.n;
        CREATE INDEX shared_idx ON app.new (id);
    """
    converge(fresh_db, old, new)


ENUM_USERS = """
    CREATE SCHEMA app;
    CREATE TYPE app.status AS ENUM ({labels});
    CREATE FUNCTION app.is_new(s app.status) RETURNS boolean LANGUAGE sql IMMUTABLE
        AS $$ SELECT s = 'new' $$;
    CREATE FUNCTION app.first_status() RETURNS app.status LANGUAGE sql STABLE
        AS $$ SELECT 'new'::app.status $$;
    CREATE FUNCTION app.statuses() RETURNS SETOF app.status[] LANGUAGE sql STABLE
        RETURN ARRAY['new'::app.status];
    CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
    CREATE TABLE app.t (
        id bigint PRIMARY KEY,
        status app.status NOT NULL DEFAULT app.first_status(),
        fresh boolean DEFAULT app.is_new('new'),
        CONSTRAINT t_known CHECK (app.is_new(status) OR status = 'gone')
    );
    CREATE INDEX t_fresh_idx ON app.t (id) WHERE app.is_new(status);
    CREATE VIEW app.v AS SELECT id, app.is_new(status) AS fresh FROM app.t;
    CREATE VIEW app.w AS SELECT 'new'::app.status AS s;
    CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW
        WHEN (app.is_new(NEW.status)) EXECUTE FUNCTION app.touch();
    ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
    CREATE POLICY p ON app.t USING (app.is_new(status));
"""


@pytest.mark.parametrize("labels", ["'gone', 'new'", "'new', 'gone'"], ids=["reorder", "remove"])
def test_an_enum_swap_recreates_the_functions_using_the_type_and_their_dependents(
    fresh_db: str, labels: str
) -> None:
    rows = "INSERT INTO app.t (id, status) VALUES (1, 'gone'); INSERT INTO app.t (id) VALUES (2);"
    converge(
        fresh_db, ENUM_USERS.format(labels="'new', 'old', 'gone'") + rows, ENUM_USERS.format(labels=labels)
    )
    with psycopg.connect(fresh_db) as conn:
        query = "SELECT v.id, t.status::text, v.fresh FROM app.v v JOIN app.t t USING (id) ORDER BY 1"
        rows = conn.execute(query)
        assert [tuple(r) for r in rows] == [(1, "gone", False), (2, "new", True)]


def _project(root: Path, columns: str) -> Path:
    (root / "schema").mkdir(parents=True, exist_ok=True)
    (root / "schema" / "app.yaml").write_text(f"schema: app\ntables:\n  t:\n    columns:\n{columns}")
    return root


RETYPE_LIVE = """
    CREATE SCHEMA app;
    CREATE TABLE app.t (id integer PRIMARY KEY, created bigint, code text);
    INSERT INTO app.t VALUES (1, 86400, '42');
"""


def test_a_type_change_without_a_cast_stops_with_a_located_error(fresh_db: str, tmp_path: Path) -> None:
    _run(fresh_db, RETYPE_LIVE)
    project = _project(
        tmp_path, "      id: integer primary key\n      created: timestamptz\n      code: integer\n"
    )
    with pytest.raises(InvalidProject) as raised:
        compare_live(fresh_db, project)
    [found] = raised.value.diagnostics  # text → integer has a cast: only bigint → timestamptz stops
    assert found.code == "H501" and "app.t.created" in found.message and "using:" in (found.hint or "")
    assert found.span is not None and found.span.line == 6 and found.span.file.endswith("app.yaml")


def test_a_declared_using_converts_the_values(fresh_db: str, tmp_path: Path) -> None:
    _run(fresh_db, RETYPE_LIVE + "SET TIME ZONE 'UTC';")
    columns = (
        "      id: integer primary key\n"
        "      created: {type: timestamptz, using: to_timestamp(created)}\n"
        "      code: integer\n"
    )
    project = _project(tmp_path, columns)
    execute_plan(fresh_db, compare_live(fresh_db, project).changes)
    assert compare_live(fresh_db, project).changes == []
    with psycopg.connect(fresh_db) as conn:
        row = conn.execute("SELECT created AT TIME ZONE 'UTC', code FROM app.t").fetchone()
    assert (str(row[0]), row[1]) == ("1970-01-02 00:00:00", 42)


INDEXED = """
    CREATE SCHEMA app;
    CREATE TABLE app.t (id integer PRIMARY KEY, x integer);
"""
DUPLICATES = "INSERT INTO app.t VALUES (1, 7), (2, 7);"


def _index_state(dsn: str, name: str) -> bool | None:
    """Whether the index is valid; None when there is none."""
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass(%s)", (name,)
        ).fetchone()
    return None if row is None else row[0]


def test_a_failed_concurrent_build_leaves_no_invalid_index(fresh_db: str) -> None:
    declared = declared_by(fresh_db, INDEXED + "CREATE UNIQUE INDEX t_x_idx ON app.t (x);")
    _run(fresh_db, INDEXED + DUPLICATES)
    with pytest.raises(ApplyFailed) as raised:
        execute_plan(fresh_db, compare_catalog(fresh_db, declared, ["app"]).changes)
    assert "CREATE UNIQUE INDEX CONCURRENTLY t_x_idx" in raised.value.statement
    assert raised.value.cleanup == [
        "removed the INVALID index the failed build left: DROP INDEX CONCURRENTLY IF EXISTS app.t_x_idx;"
    ]
    assert "removed the INVALID index" in str(raised.value)
    assert _index_state(fresh_db, "app.t_x_idx") is None
    _run(fresh_db, "DELETE FROM app.t WHERE id = 2")
    execute_plan(fresh_db, compare_catalog(fresh_db, declared, ["app"]).changes)
    assert _index_state(fresh_db, "app.t_x_idx") is True
    assert compare_catalog(fresh_db, declared, ["app"]).changes == []


def test_a_failing_build_never_drops_a_valid_index_of_its_name(fresh_db: str) -> None:
    _run(fresh_db, INDEXED + "CREATE INDEX t_x_idx ON app.t (x);")
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        assert remove_invalid_index(conn, "CREATE INDEX CONCURRENTLY t_x_idx ON app.t (id);", "") == []
    assert _index_state(fresh_db, "app.t_x_idx") is True


def test_a_live_invalid_index_is_rebuilt_never_taken_as_the_declared_one(fresh_db: str) -> None:
    declared = declared_by(fresh_db, INDEXED + "CREATE UNIQUE INDEX t_x_idx ON app.t (x);")
    _run(fresh_db, INDEXED + DUPLICATES)
    with pytest.raises(psycopg.errors.UniqueViolation), psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("CREATE UNIQUE INDEX CONCURRENTLY t_x_idx ON app.t (x)")
    _run(fresh_db, "DELETE FROM app.t WHERE id = 2")
    assert _index_state(fresh_db, "app.t_x_idx") is False
    assert not _read(fresh_db).indexes[declared.indexes[next(iter(declared.indexes))].name].valid
    lines = [c.summary.line() for c in compare_catalog(fresh_db, declared, ["app"]).changes]
    assert lines == ["- index app.t_x_idx", "+ index app.t_x_idx"]
    execute_plan(fresh_db, compare_catalog(fresh_db, declared, ["app"]).changes)
    assert _index_state(fresh_db, "app.t_x_idx") is True
    assert compare_catalog(fresh_db, declared, ["app"]).changes == []


def test_a_partition_key_attached_to_a_dropped_parent_index_goes_with_it(fresh_db: str) -> None:
    parent = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id integer NOT NULL, k text NOT NULL) PARTITION BY LIST (k);
        CREATE TABLE app.t_1 PARTITION OF app.t FOR VALUES IN ('a');
    """
    # the partition's key is built on the index the parent's unique index adopted
    old = (
        parent
        + """
        CREATE UNIQUE INDEX t_pkey ON app.t (k, id);
        ALTER TABLE app.t_1 ADD CONSTRAINT t_1_pkey PRIMARY KEY USING INDEX t_1_k_id_idx;
    """
    )
    _run(fresh_db, old)
    assert _read(fresh_db).tables[Q("app", "t_1")].attached_keys == (("t_1_pkey", "t_pkey"),)
    _run(fresh_db, RESET)
    converge(fresh_db, old, parent + "ALTER TABLE app.t ADD CONSTRAINT t_pkey PRIMARY KEY (k, id);")


def test_a_begin_atomic_function_recreated_around_its_view_applies(fresh_db: str) -> None:
    """A view change drops and recreates the SQL-standard function that reads it: the plan's
    statements split at its body's own ``;`` before, and the apply failed (syntax error)."""
    old = """
        CREATE SCHEMA app;
        CREATE TABLE app.t (id integer, note text);
        CREATE VIEW app.v AS SELECT id FROM app.t;
        CREATE FUNCTION app.n() RETURNS bigint LANGUAGE sql STABLE
        BEGIN ATOMIC
            SELECT count(*) FROM app.v;
            SELECT count(*) FROM app.v WHERE id > 0;
        END;
    """
    converge(fresh_db, old, old.replace("SELECT id FROM app.t", "SELECT id, note FROM app.t"))
