"""``inspect --rows TABLE``: a table's rows come back as ``rows:`` and round-trip exactly.

Database A holds lookup tables with awkward values; ``inspect --rows`` writes them,
``build`` renders the upsert, which applies to an empty database B; inspecting B gives
byte-identical YAML, the plan against B is empty, and the identity/serial sequences of
B were moved past the rows (a row that takes the default does not collide).
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.api.live import compare_live
from schemagen.cli import main

pytestmark = pytest.mark.integration

SOURCE = """
CREATE SCHEMA app;
CREATE TABLE app.kinds (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text NOT NULL UNIQUE,
    weight numeric(6,2),
    active boolean NOT NULL DEFAULT true,
    tags text[] NOT NULL DEFAULT '{}',
    meta jsonb,
    starts date,
    twice integer GENERATED ALWAYS AS (id * 2) STORED
);
INSERT INTO app.kinds (label, weight, active, tags, meta, starts) VALUES
    ('plain', 1.10, true, '{a,b}', '{"owner": "web"}', '2026-01-01'),
    ('it''s; -- DROP TABLE x; $$', NULL, false, '{"with space",NULL}', NULL, NULL),
    ('true', 0, true, '{}', '[1, 2]', NULL),
    ('2026-01-01', -3.5, false, '{}', NULL, NULL),
    ('Ünïcødé ✓', 99.99, true, '{}', '"text"', NULL),
    ('', 12, true, '{}', NULL, NULL);
CREATE TABLE app.colours (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO app.colours (name) VALUES ('red'), ('green');
CREATE TABLE app.by_code (code text NOT NULL UNIQUE, n bigint);
INSERT INTO app.by_code VALUES ('x', 9007199254740993), ('y', NULL);
CREATE TABLE app.keyless (v text);
"""


def _inspect(dsn: str, out: Path, *extra: str) -> CliRunner:
    args = ["inspect", "--dsn", dsn, "--schema", "app", "--out", str(out), "--force", *extra]
    return CliRunner().invoke(main, args)


def _rows_args() -> list[str]:
    return ["--rows", "app.kinds", "--rows", "colours", "--rows", "app.by_code"]


def test_rows_round_trip_exactly_and_the_plan_is_empty(fresh_db, tmp_path):
    run_sql(fresh_db, SOURCE)
    first = tmp_path / "a"
    result = _inspect(fresh_db, first, *_rows_args())
    assert result.exit_code == 0, result.output
    text = (first / "schema" / "app.yaml").read_text()
    assert "columns: [id, label, weight, active, tags, meta, starts]" in text  # twice is generated
    assert "- [1, plain, '1.10', true, '{a,b}', '{\"owner\": \"web\"}', '2026-01-01']" in text
    assert "key: [code]" in text  # no primary key: the NOT NULL unique key

    built = CliRunner().invoke(main, ["build", "--project", str(first)])
    assert built.exit_code == 0, built.output
    script = (first / "generated" / "schema.sql").read_text()
    assert "OVERRIDING SYSTEM VALUE" in script

    with scratch_database(fresh_db, "rows_b") as target:
        run_sql(target, script)
        second = tmp_path / "b"
        again = _inspect(target, second, *_rows_args())
        assert again.exit_code == 0, again.output
        assert (second / "schema" / "app.yaml").read_text() == text
        assert compare_live(target, first).changes == []
        with psycopg.connect(target, autocommit=True) as conn:
            new_kind = conn.execute("INSERT INTO app.kinds (label) VALUES ('new') RETURNING id").fetchone()
            new_colour = conn.execute(
                "INSERT INTO app.colours (name) VALUES ('blue') RETURNING id"
            ).fetchone()
        assert new_kind == (7,) and new_colour == (3,)


def test_changed_rows_are_planned_and_converge(fresh_db, tmp_path):
    run_sql(fresh_db, SOURCE)
    project = tmp_path / "p"
    assert _inspect(fresh_db, project, "--rows", "app.colours").exit_code == 0
    path = project / "schema" / "app.yaml"
    path.write_text(path.read_text().replace("- [2, green]", "- [2, lime]"))
    comparison = compare_live(fresh_db, project)
    assert [(c.summary.kind, c.summary.object) for c in comparison.changes] == [("rows", "app.colours")]
    result = CliRunner().invoke(main, ["apply", "--dsn", fresh_db, "--project", str(project), "--yes"])
    assert result.exit_code == 0, result.output
    assert compare_live(fresh_db, project).changes == []
    with psycopg.connect(fresh_db) as conn:
        assert conn.execute("SELECT name FROM app.colours WHERE id = 2").fetchone() == ("lime",)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("app.nothing", "--rows app.nothing: no such table among the inspected schemas"),
        ("app.keyless", "--rows app.keyless: the table has no primary key or NOT NULL unique key"),
    ],
)
def test_a_table_that_cannot_give_rows_is_a_usage_error(fresh_db, tmp_path, table, message):
    run_sql(fresh_db, SOURCE)
    result = _inspect(fresh_db, tmp_path / "p", "--rows", table)
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "p" / "schema").exists()
