"""Canonical comparison on a real server: declared text that PostgreSQL stores as the live text is
no change; a different expression is."""

from __future__ import annotations

import os
from dataclasses import replace

import psycopg
import pytest

from schemagen.api.canonical import CanonicalStats, canonicalize
from schemagen.api.live import compare_catalog
from schemagen.api.scratch import ScratchServer, close_run_scratches, open_scratch
from schemagen.diff import diff_catalogs
from schemagen.introspect import introspect
from schemagen.model import QualifiedName

pytestmark = pytest.mark.integration

Q = QualifiedName
T = Q("app", "t")

LIVE = """
CREATE SCHEMA app;
CREATE TABLE app.t (
    id bigint NOT NULL,
    x text,
    status text,
    kind varchar(10),
    created timestamptz DEFAULT now(),
    CONSTRAINT t_x_check CHECK (LENGTH(x) > 0),
    CONSTRAINT t_kind_check CHECK (kind IN ('a', 'b'))
);
CREATE INDEX t_active_idx ON app.t (x) WHERE status = 'active';
CREATE INDEX t_lower_idx ON app.t (LOWER(x));
CREATE VIEW app.v AS SELECT x, status FROM app.t WHERE status = 'active' AND id > 10;
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY t_mine ON app.t USING (status <> 'hidden');
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION app.touch();
"""


def _read(dsn: str):
    with psycopg.connect(dsn) as conn:
        return introspect(conn, ["app"])[0]


def _declared(live, check="LENGTH(x) > 0", where="status = 'active'", query=None):
    """The live catalog with expressions written the way a person writes them."""
    table = live.tables[T]
    checks = tuple(replace(c, expression=check) if c.name == "t_x_check" else c for c in table.checks)
    columns = tuple(replace(c, default="now()") if c.name == "created" else c for c in table.columns)
    table = replace(table, checks=checks, columns=columns)
    index = live.indexes[Q("app", "t_active_idx")]
    lower = live.indexes[Q("app", "t_lower_idx")]
    lower = replace(lower, elements=(replace(lower.elements[0], expression="LOWER(x)"),))
    view = live.views[Q("app", "v")]
    policy = live.policies[(T, "t_mine")]
    trigger = live.triggers[(T, "t_touch")]
    return replace(
        live,
        tables={**live.tables, T: table},
        indexes={**live.indexes, index.name: replace(index, where=where), lower.name: lower},
        views={
            **live.views,
            view.name: replace(
                view, query=query or "select x, status from app.t where status = 'active' and id > 10"
            ),
        },
        policies={**live.policies, policy.key: replace(policy, using="status != 'hidden'")},
        triggers={
            **live.triggers,
            trigger.key: replace(trigger, when="old.status is distinct from new.status"),
        },
    )


@pytest.fixture
def live_db(fresh_db: str):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(LIVE)
    return fresh_db


def test_expressions_written_differently_are_no_change(live_db: str) -> None:
    live = _read(live_db)
    declared = _declared(live)
    assert diff_catalogs(live, declared) != []  # text alone would report changes
    stats = CanonicalStats()
    with open_scratch(None, live_db) as scratch:
        assert scratch.source == "temporary database"
        canonical = canonicalize(declared, live, scratch, stats)
    assert diff_catalogs(live, canonical) == []
    assert stats.batches == 1 and stats.fallbacks == 0
    assert stats.equal_sites == stats.differing_sites >= 6


def test_a_different_expression_is_a_change(live_db: str) -> None:
    live = _read(live_db)
    declared = _declared(
        live,
        check="LENGTH(x) > 1",
        where="status = 'done'",
        query="select x, status from app.t where id > 11",
    )
    with open_scratch(None, live_db) as scratch:
        canonical = canonicalize(declared, live, scratch)
    changed = {type(c).__name__ for c in diff_catalogs(live, canonical)}
    assert {"AddConstraint", "DropConstraint", "CreateIndex", "DropIndex"} <= changed
    assert "CreateView" in changed or "ReplaceView" in changed
    # the ones that only differ in spelling are still equal
    table = canonical.tables[T]
    assert table.column("created").default == live.tables[T].column("created").default


def test_unchanged_schema_never_reaches_the_server(live_db: str) -> None:
    live = _read(live_db)
    stats = CanonicalStats()
    unusable = ScratchServer("host=/nonexistent dbname=nothing", "dev-dsn")
    assert canonicalize(live, live, unusable, stats) == live
    assert stats.batches == 0 and stats.differing_sites == 0


def test_varchar_in_check_that_postgres_rewrites_on_a_second_round_is_equal(live_db: str) -> None:
    # live built from the stored text (the second round): ARRAY['a'::character varying::text, …]
    live = _read(live_db)
    stored = next(c for c in live.tables[T].checks if c.name == "t_kind_check").expression
    with psycopg.connect(live_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE app.t DROP CONSTRAINT t_kind_check")
        conn.execute(f"ALTER TABLE app.t ADD CONSTRAINT t_kind_check CHECK ({stored})")
    second_round = _read(live_db)
    moved = next(c for c in second_round.tables[T].checks if c.name == "t_kind_check").expression
    # PostgreSQL's deparse is not a fixed point here (the second round moves the array cast into
    # each element); the catalog readers store the form it settles on (model/pg/array_casts.py),
    # so both rounds read the same
    assert moved == stored
    for declared_text in ("kind IN ('a', 'b')", stored, moved):
        for live_catalog in (live, second_round):
            table = live_catalog.tables[T]
            checks = tuple(
                replace(c, expression=declared_text) if c.name == "t_kind_check" else c for c in table.checks
            )
            declared = replace(live_catalog, tables={**live_catalog.tables, T: replace(table, checks=checks)})
            with open_scratch(None, live_db) as scratch:
                canonical = canonicalize(declared, live_catalog, scratch)
            assert diff_catalogs(live_catalog, canonical) == [], (declared_text, live_catalog is live)


def test_dev_dsn_is_used_as_given(fresh_db: str) -> None:
    with open_scratch(fresh_db, "host=/nonexistent") as scratch:
        assert scratch == ScratchServer(fresh_db, "dev-dsn")


def test_dev_database_and_embedded_fallback(pg18_db: str, pg18_server) -> None:
    with psycopg.connect(pg18_db, autocommit=True) as conn:
        conn.execute(LIVE)
        conn.execute("DROP ROLE IF EXISTS schemagen_nocreatedb")
        conn.execute("CREATE ROLE schemagen_nocreatedb LOGIN NOCREATEDB")
        conn.execute("DROP DATABASE IF EXISTS schemagen_dev_scratch")
        conn.execute("CREATE DATABASE schemagen_dev_scratch")
    live = _read(pg18_db)
    declared = _declared(live)
    dev = pg18_server.dsn("schemagen_dev_scratch")
    try:
        with open_scratch(dev, pg18_db) as scratch:
            assert diff_catalogs(live, canonicalize(declared, live, scratch)) == []
        with psycopg.connect(dev) as conn:  # nothing is left behind in the dev database
            assert conn.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'app'").fetchone()[0] == 0
        # a role that may not create databases: an embedded PostgreSQL serves instead
        no_createdb = psycopg.conninfo.make_conninfo(pg18_db, user="schemagen_nocreatedb")
        with open_scratch(None, no_createdb) as scratch:
            assert scratch.source == "embedded PostgreSQL"
            assert diff_catalogs(live, canonicalize(declared, live, scratch)) == []
    finally:
        with psycopg.connect(pg18_server.dsn(), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS schemagen_dev_scratch")
            conn.execute("DROP ROLE IF EXISTS schemagen_nocreatedb")


PROJECT = """\
schema: app
tables:
  t:
    columns:
      id: bigint not null
      x: text
      status: text
      created: {type: timestamptz, default: NOW()}
    checks:
      t_x_check: LENGTH(x) > 0
    indexes:
      - {name: t_active_idx, columns: [x], where: "status = 'active'"}
views:
  v:
    query: SELECT t.x FROM app.t WHERE t.status = 'active'
"""

PROJECT_LIVE = """
CREATE SCHEMA app;
CREATE TABLE app.t (id bigint NOT NULL, x text, status text, created timestamptz DEFAULT now(),
    CONSTRAINT t_x_check CHECK (length(x) > 0));
CREATE INDEX t_active_idx ON app.t (x) WHERE (status = 'active'::text);
CREATE VIEW app.v AS SELECT x FROM app.t WHERE status = 'active';
"""


def test_diff_command_compares_in_canonical_form(fresh_db: str, tmp_path) -> None:
    from click.testing import CliRunner

    from schemagen.cli import main

    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT)
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(PROJECT_LIVE)
    args = ["diff", "--dsn", fresh_db, "--project", str(tmp_path), "--exit-code"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    (tmp_path / "schema" / "app.yaml").write_text(PROJECT.replace("LENGTH(x) > 0", "LENGTH(x) > 2"))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 5, result.output
    assert "t_x_check" in result.output


def test_tables_of_one_shape_send_one_table_to_the_server(fresh_db: str) -> None:
    tables = "\n".join(
        f"CREATE TABLE app.t{i} (amount numeric(12,2) DEFAULT 0 CHECK (amount >= 0), status varchar(20)"
        f" DEFAULT 'new');\nCREATE INDEX t{i}_new_idx ON app.t{i} (amount) WHERE status = 'new';"
        for i in range(40)
    )
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA app;\n" + tables)
    live = _read(fresh_db)
    declared = replace(
        live,
        tables={
            k: replace(
                t,
                columns=tuple(replace(c, default="0" if c.name == "amount" else "'new'") for c in t.columns),
                checks=tuple(replace(c, expression="amount >= 0") for c in t.checks),
            )
            for k, t in live.tables.items()
        },
        indexes={k: replace(i, where="status = 'new'") for k, i in live.indexes.items()},
    )
    assert len(diff_catalogs(live, declared)) >= 80
    stats = CanonicalStats()
    with open_scratch(None, fresh_db) as scratch:
        canonical = canonicalize(declared, live, scratch, stats)
    assert diff_catalogs(live, canonical) == []
    assert stats.equal_sites == stats.differing_sites == 120  # CHECK, status default, predicate, 40 times
    assert stats.objects_sent == 2  # one table (defaults, CHECK) and one index: every other is alike
    assert stats.batches == 1


def _scratch_databases(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s ORDER BY 1",
            (f"schemagen_scratch_{os.getpid()}_%",),
        )
        return [r[0] for r in rows]


def test_a_run_creates_one_temporary_database_and_reuses_it(live_db: str) -> None:
    close_run_scratches()
    live = _read(live_db)
    declared = _declared(live)
    assert compare_catalog(live_db, declared, ["app"]).changes == []
    found = _scratch_databases(live_db)
    assert len(found) == 1, found
    [first] = found  # kept for the rest of the run (every expression rolled back)
    for _ in range(2):
        assert compare_catalog(live_db, declared, ["app"]).changes == []
    assert _scratch_databases(live_db) == [first]
    close_run_scratches()
    assert _scratch_databases(live_db) == []
