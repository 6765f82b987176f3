"""Inspect gives back range rules and ``audit:`` where the builder made their objects.

A project with a range rule and audited tables → build → database A → inspect: the
table carries its rule (``interval``, ``start``, ``ahead``, ``retention``, ``default``)
without the children the rule owns, the audited tables carry ``audit:``, and neither
the ``partitions`` nor the ``audit`` schema is written. Building that project gives B
with the same catalog, and inspecting B (or A after maintenance ran) gives the same
YAML. One thing the builder would not make (a hand-made child, a changed audit
function) and everything is written expanded, as a project that still builds.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.integration.catalog_differences import differences
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.api import compile_project
from schemagen.api.init import init_project
from schemagen.api.inspect import inspect_database, read_database

pytestmark = pytest.mark.integration

PROJECT = """\
schema: shop
tables:
  orders:
    columns:
      order_id: bigint primary key
      status:   text not null
    audit: true
  events:
    columns:
      at:   timestamptz not null
      kind: text
    partition_by:
      {range: [at], interval: 1 month, start: 2026-01-01, ahead: 2, retention: 6 months, default: true}
    audit: {operations: [insert, update], exclude_columns: [kind]}
  days:
    columns:
      day: date not null
    partition_by: {range: [day], interval: 1 week, start: 2026-01-05}
"""

EXPECTED_EVENTS = """\
    partition_by:
      range: [at]
      interval: 1 month
      start: '2026-01-01'
      ahead: 2
      retention: 6 months
      default: true
    audit:
      operations: [insert, update]
      exclude_columns: [kind]
"""


def _built(root: Path, text: str, settings: str | None = None) -> str:
    (root / "schema").mkdir(parents=True)
    (root / "schema" / "shop.yaml").write_text(text, encoding="utf-8")
    if settings is not None:
        (root / "schemagen.yaml").write_text(settings, encoding="utf-8")
    result = compile_project(root)
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.files["schema.sql"]


def _rebuilds_the_same(dsn: str, tmp_path: Path, inspected: dict[str, str] | None = None) -> None:
    """The project inspected into ``tmp_path / "a"`` builds, applies to a scratch database whose
    catalog equals ``dsn``'s, and (given ``inspected``) inspecting that database writes the same files."""
    rebuilt = compile_project(tmp_path / "a")
    assert rebuilt.ok, "\n".join(d.format() for d in rebuilt.diagnostics)
    with scratch_database(dsn, "rules_b") as target:
        run_sql(target, rebuilt.files["schema.sql"])
        live_a, _ = read_database(dsn, None)
        live_b, _ = read_database(target, None)
        assert differences(live_a, live_b) == []
        if inspected is not None:
            assert inspect_database(target, None, tmp_path / "b").files == inspected


def test_rules_and_audit_come_back_as_their_keys(fresh_db, tmp_path):
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT))
    first = inspect_database(fresh_db, None, tmp_path / "a")
    assert not first.omissions
    assert sorted(first.files) == ["schema/shop.yaml"]  # no audit, no partitions schema, defaults
    shop = first.files["schema/shop.yaml"]
    assert EXPECTED_EVENTS in shop
    assert "      interval: 1 week\n      start: '2026-01-05'\n      ahead: 0\n" in shop
    assert "    audit: true\n" in shop
    assert "events_2026" not in shop and "days_2026" not in shop and "triggers:" not in shop

    _rebuilds_the_same(fresh_db, tmp_path, first.files)
    with psycopg.connect(fresh_db, autocommit=True) as conn:  # children come and go: still the rule
        made = conn.execute("SELECT count(*) FROM partitions.run_maintenance('2027-03-15')").fetchone()
    assert made is not None and made[0] > 0
    assert inspect_database(fresh_db, None, tmp_path / "c").files == first.files


def test_audit_settings_come_back_in_schemagen_yaml(fresh_db, tmp_path):
    settings = "audit:\n  start: '2025-07-01'\n  retention: null\n"
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT, settings))
    first = inspect_database(fresh_db, None, tmp_path / "a")
    assert first.files["schemagen.yaml"] == "audit:\n  start: '2025-07-01'\n  retention: null\n"
    assert "    audit: true\n" in first.files["schema/shop.yaml"]
    _rebuilds_the_same(fresh_db, tmp_path)

    # init --from-dsn writes them beside the version it writes
    init_project(tmp_path / "init", from_dsn=fresh_db)
    settings_text = (tmp_path / "init" / "schemagen.yaml").read_text(encoding="utf-8")
    assert "postgres: 18" in settings_text and settings_text.endswith(first.files["schemagen.yaml"])
    assert compile_project(tmp_path / "init").ok

    # a hand-written schemagen.yaml that says otherwise is kept: audit is written expanded
    kept = tmp_path / "kept"
    (kept / "schema").mkdir(parents=True)
    (kept / "schema" / "old.yaml").write_text("schema: old\n", encoding="utf-8")
    (kept / "schemagen.yaml").write_text("postgres: 15\n", encoding="utf-8")
    again = inspect_database(fresh_db, None, kept, force=True)
    assert "schemagen.yaml" not in again.files
    assert (kept / "schemagen.yaml").read_text(encoding="utf-8") == "postgres: 15\n"
    assert "schema/audit.yaml" in again.files and "schema/partitions.yaml" in again.files
    assert "\n    audit:" not in again.files["schema/shop.yaml"]
    assert compile_project(kept).ok


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE shop.events_old PARTITION OF shop.events "
        "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
        "CREATE INDEX ON shop.events_2026_02 (kind)",
        "CREATE OR REPLACE FUNCTION audit.log_changes() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$BEGIN RETURN NULL; END$$",
        "ALTER TABLE audit.change_log ADD COLUMN note text",
        "CREATE TRIGGER late BEFORE INSERT ON audit.change_log "
        "FOR EACH ROW EXECUTE FUNCTION audit.log_changes()",
    ],
    ids=[
        "hand-made-child",
        "index-on-a-child",
        "changed-log-changes",
        "changed-change-log",
        "trigger-on-log",
    ],
)
def test_what_the_builder_would_not_make_keeps_everything_expanded(fresh_db, tmp_path, change):
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT))
    run_sql(fresh_db, change)
    files = inspect_database(fresh_db, None, tmp_path / "a").files
    assert "schema/partitions.yaml" in files and "schema/audit.yaml" in files
    shop = files["schema/shop.yaml"]
    assert "interval:" not in shop and "\n    audit:" not in shop
    assert "events_2026_01:" in shop and "audit_orders:" in shop
    result = compile_project(tmp_path / "a")
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)


USER_OBJECTS = """
COMMENT ON SCHEMA audit IS 'Change history';
CREATE VIEW audit.daily AS SELECT date_trunc('day', changed_at) AS day, count(*) AS n
    FROM audit.change_log GROUP BY 1;
CREATE FUNCTION partitions.today() RETURNS date LANGUAGE sql STABLE AS 'SELECT current_date';
"""


def test_the_users_own_objects_in_the_macro_schemas_stay_beside_the_keys(fresh_db, tmp_path):
    run_sql(fresh_db, _built(tmp_path / "declared", PROJECT))
    run_sql(fresh_db, USER_OBJECTS)
    first = inspect_database(fresh_db, None, tmp_path / "a")
    assert EXPECTED_EVENTS in first.files["schema/shop.yaml"]
    audit, partitions = first.files["schema/audit.yaml"], first.files["schema/partitions.yaml"]
    assert "comment: Change history" in audit and "daily:" in audit
    assert "change_log" not in audit.split("views:")[0] and "log_changes" not in audit
    assert "today:" in partitions and "run_maintenance" not in partitions
    _rebuilds_the_same(fresh_db, tmp_path, first.files)
