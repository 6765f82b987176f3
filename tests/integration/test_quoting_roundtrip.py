"""Names and literals that need quoting round-trip exactly, on PostgreSQL 18 and 15.

A project whose schema, tables, columns, enum type and labels, constraint, index and
policy names, roles, comments and defaults hold quotes, double quotes, spaces, upper
case, unicode, ``$$``, semicolons, comment markers and SQL injection payloads goes
through ``build`` → ``apply`` (the database then holds exactly those strings, read back
with bound parameters) → ``plan``/``diff`` (nothing to do) → ``inspect`` (no omission;
the inspected YAML says the same names) → ``build`` of the inspected project → a second
database → ``inspect`` again (the same YAML) and ``diff`` of the original project against
it (nothing).
"""

from __future__ import annotations

from pathlib import Path

import pglast
import psycopg
import pytest
import yaml
from click.testing import CliRunner
from psycopg import sql as psql
from tests.integration.live_projects import run_sql, scratch_database

from schemagen.cli import main

pytestmark = pytest.mark.integration

SCHEMA = 'Sch "é" $$;--'
TABLE = 'Tab "le"; DROP'
CHILD = "Child's /* x */"
ENUM = 'Mood\'s "type"'
READER = 'Reader "r"; --'
WRITER = "Wri'ter $$ ü"
LABELS = [
    "it's",
    'say "hi"',
    "$$",
    "a;b",
    "-- not a comment",
    "/* nor this */",
    "'); DROP TABLE t; --",
    "ÜNÏ 名",
]
COMMENT = "it's a \"thing\"; -- /* */ $$ $x$ '); DROP TABLE x; -- ünï 名\nsecond line"
COLUMNS = ['Id "col"', "mood; --", "Ünï $$", "UPPER"]
DEFAULT = "'$$; DROP TABLE x; -- /* ''q'' */'"
CONSTRAINTS = {'pk "x"; --', "uq it's $$", "chk /* c */ '", "fk 'to' \"tab\""}
INDEX = 'idx "x" $$;'
POLICY = "pol 'p' \"q\""
NEWLINE = "New\nDROP TABLE x; --"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _document() -> dict:
    return {
        "schema": SCHEMA,
        "comment": COMMENT,
        "roles": {READER: {"comment": COMMENT}, WRITER: {"member_of": [READER]}},
        "enums": {ENUM: {"values": LABELS, "comment": COMMENT}},
        "tables": {
            TABLE: {
                "comment": COMMENT,
                "columns": {
                    COLUMNS[0]: {"type": "bigint", "identity": "always", "comment": COMMENT},
                    COLUMNS[1]: {
                        "type": f"{_quoted(SCHEMA)}.{_quoted(ENUM)}",
                        "not_null": True,
                        "default": "'it''s'",
                    },
                    COLUMNS[2]: {"type": "text", "not_null": True, "default": DEFAULT},
                    COLUMNS[3]: {"type": "text", "check": 'length("UPPER") < 10'},
                },
                "primary_key": {"name": 'pk "x"; --', "columns": [COLUMNS[0]]},
                "unique": [{"name": "uq it's $$", "columns": [COLUMNS[2]]}],
                "checks": {"chk /* c */ '": 'length("Ünï $$") < 100'},
                "indexes": [{"name": INDEX, "columns": [COLUMNS[1]], "comment": COMMENT}],
                "row_level_security": "enabled",
                "policies": {POLICY: {"to": [READER], "using": "\"UPPER\" <> '--'"}},
            },
            NEWLINE: {"columns": {"id": "bigint primary key"}},
            CHILD: {
                "columns": {
                    "parent Ü": "bigint not null",
                    "note": {"type": "text", "default": "'/* */ -- ;'"},
                },
                "primary_key": ["parent Ü"],
                "foreign_keys": [
                    {
                        "name": "fk 'to' \"tab\"",
                        "columns": ["parent Ü"],
                        "references": {"table": TABLE, "columns": [COLUMNS[0]]},
                        "on_delete": "cascade",
                    }
                ],
            },
        },
        "grants": [
            {"on": f"schema {_quoted(SCHEMA)}", "privileges": ["usage"], "to": [READER, WRITER]},
            {"on": f"table {_quoted(SCHEMA)}.{_quoted(TABLE)}", "privileges": ["select"], "to": READER},
        ],
    }


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _facts(dsn: str) -> dict[str, object]:
    """What the database holds, read with bound parameters (no quoting involved)."""
    with psycopg.connect(dsn) as conn:

        def rows(query: str, *params: object) -> list:
            return [row[0] if len(row) == 1 else row for row in conn.execute(query, params).fetchall()]

        return {
            "schema": rows("SELECT nspname FROM pg_namespace WHERE nspname = %s", SCHEMA),
            "schema comment": rows(
                "SELECT obj_description(%s::regnamespace, 'pg_namespace')", _quoted(SCHEMA)
            ),
            "tables": sorted(
                rows(
                    "SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind = 'r'",
                    _quoted(SCHEMA),
                )
            ),
            "columns": rows(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "ORDER BY attnum",
                f"{_quoted(SCHEMA)}.{_quoted(TABLE)}",
            ),
            "labels": rows(
                "SELECT enumlabel FROM pg_enum WHERE enumtypid = %s::regtype ORDER BY enumsortorder",
                f"{_quoted(SCHEMA)}.{_quoted(ENUM)}",
            ),
            "constraints": set(
                rows(
                    "SELECT conname FROM pg_constraint WHERE connamespace = %s::regnamespace", _quoted(SCHEMA)
                )
            ),
            "index": rows("SELECT relname FROM pg_class WHERE relkind = 'i' AND relname = %s", INDEX),
            "policy": rows("SELECT polname FROM pg_policy WHERE polname = %s", POLICY),
            "roles": sorted(rows("SELECT rolname FROM pg_roles WHERE rolname IN (%s, %s)", READER, WRITER)),
            "comments": sorted(
                set(
                    rows(
                        "SELECT description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
                        "WHERE c.relnamespace = %s::regnamespace",
                        _quoted(SCHEMA),
                    )
                )
            ),
            "default": rows(
                "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = %s::regclass "
                "AND adnum = 3",
                f"{_quoted(SCHEMA)}.{_quoted(TABLE)}",
            ),
            "default value": rows("SELECT " + DEFAULT),
        }


def _inspect(dsn: str, out: Path) -> dict[str, str]:
    _cli("inspect", "--dsn", dsn, "--schema", SCHEMA, "--out", str(out), "--force")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "schema").glob("*.yaml"))}


def _drop_roles(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for role in (WRITER, READER):
            conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


def test_names_and_literals_that_need_quoting_round_trip(fresh_db: str, tmp_path: Path) -> None:
    project = tmp_path / "declared"
    (project / "schema").mkdir(parents=True)
    text = yaml.safe_dump(_document(), allow_unicode=True, sort_keys=False)
    (project / "schema" / "odd.yaml").write_text(text, encoding="utf-8")
    _cli("build", "--project", str(project))
    try:
        with scratch_database(fresh_db, "q1") as first, scratch_database(fresh_db, "q2") as second:
            script = _cli("plan", "--dsn", first, "--project", str(project))
            statements = [type(raw.stmt).__name__ for raw in pglast.parse_sql(script)]
            assert "DropStmt" not in statements and "CreateStmt" in statements  # names never leave a comment
            _cli("apply", "--dsn", first, "--project", str(project), "--yes", "--allow-hazards")
            facts = _facts(first)
            assert facts["schema"] == [SCHEMA]
            assert facts["schema comment"] == [COMMENT]
            assert facts["tables"] == sorted([TABLE, CHILD, NEWLINE])
            assert facts["columns"] == COLUMNS
            assert facts["labels"] == LABELS
            assert facts["constraints"] >= CONSTRAINTS
            assert facts["index"] == [INDEX] and facts["policy"] == [POLICY]
            assert facts["roles"] == sorted([READER, WRITER])
            assert facts["comments"] == [COMMENT]
            assert facts["default"] == [DEFAULT + "::text"]
            assert facts["default value"] == ["$$; DROP TABLE x; -- /* 'q' */"]

            plan = _cli("plan", "--dsn", first, "--project", str(project), "--format", "json")
            assert '"changes": []' in plan
            _cli("diff", "--dsn", first, "--project", str(project), "--exit-code")

            inspected = _inspect(first, tmp_path / "inspected")
            loaded = yaml.safe_load(inspected[next(iter(inspected))])
            assert loaded["schema"] == SCHEMA and loaded["comment"] == COMMENT
            assert list(loaded["enums"][ENUM]["values"]) == LABELS
            assert set(loaded["tables"]) == {TABLE, CHILD, NEWLINE}
            assert list(loaded["tables"][TABLE]["columns"]) == COLUMNS

            _cli("build", "--project", str(tmp_path / "inspected"))
            run_sql(second, (tmp_path / "inspected" / "generated" / "schema.sql").read_text(encoding="utf-8"))
            assert _facts(second) == facts
            assert _inspect(second, tmp_path / "again") == inspected
            _cli("diff", "--dsn", second, "--project", str(project), "--exit-code")
    finally:
        _drop_roles(fresh_db)
