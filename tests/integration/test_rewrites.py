"""The rewrite hazard tells the truth: compare a table's relfilenode before and after the ALTER.

PostgreSQL gives a rewritten table a new relfilenode; a type (or collation) change
it does in place keeps the old one. Each case renders the real ``CreateTable`` and
``AlterColumn`` templates.
"""

from __future__ import annotations

import psycopg
import pytest
from tests.unit.plan.test_rewrites import NO_REWRITE, REWRITE

from schemagen.model import Column, QualifiedName, Table
from schemagen.model.changes import AlterColumn, ColumnChange, CreateTable, DropTable
from schemagen.model.planned import Hazard
from schemagen.plan.hazards import hazards_of
from schemagen.plan.rewrites import type_change_rewrites
from schemagen.render import render_change

pytestmark = pytest.mark.integration

T = QualifiedName("public", "t")

_VALUES = {
    "character varying": "abc",
    "text": "12",
    "numeric": "1.5",
    "bit varying": "101",
    "timestamp": "2024-01-02 03:04:05.123",
    "time": "03:04:05.12",
    "cidr": "10.0.0.0/8",
    "inet": "10.0.0.0/8",
    "integer": "7",
}


def _value(type_text: str) -> str:
    return next(v for prefix, v in _VALUES.items() if type_text.startswith(prefix))


def _rewrites(conn: psycopg.Connection, old: str, new: str, collation: str | None = None) -> bool:
    """Whether altering a one-row table's column from ``old`` to ``new`` gave it a new relfilenode."""
    table = Table(T, (Column("c", old),))
    conn.execute(render_change(CreateTable(table)))
    conn.execute("INSERT INTO public.t VALUES (%s)", [_value(old)])
    filenode = "SELECT pg_relation_filenode('public.t')"
    before = conn.execute(filenode).fetchone()[0]
    flags = (ColumnChange.TYPE if old != new else ColumnChange.NONE) | (
        ColumnChange.COLLATION if collation else ColumnChange.NONE
    )
    change = AlterColumn(T, Column("c", old), Column("c", new, collation=collation), flags)
    assert (Hazard.TABLE_REWRITE in hazards_of(change)) == type_change_rewrites(old, new)
    conn.execute(render_change(change))
    after = conn.execute(filenode).fetchone()[0]
    conn.execute(render_change(DropTable(table)))
    return before != after


def _claimed(cases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Cases on built-in scalar types (for arrays and user types a rewrite is assumed, not claimed)."""
    return [(o, n) for o, n in cases if o != n and "." not in o + n and not o.endswith("[]")]


def test_no_rewrite_cases_keep_the_relfilenode(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        for old, new in _claimed(NO_REWRITE):
            assert not type_change_rewrites(old, new)
            assert not _rewrites(conn, old, new), f"{old} → {new} rewrote the table"


def test_a_collation_change_keeps_the_relfilenode(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        assert not _rewrites(conn, "text", "text", collation="C")
        assert not _rewrites(conn, "character varying(5)", "character varying(9)", collation="C")
        assert _rewrites(conn, "character varying(9)", "character varying(5)", collation="C")


def test_rewrite_cases_get_a_new_relfilenode(fresh_db: str) -> None:
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute("SET TimeZone = 'Europe/Paris'")  # timestamp ↔ timestamptz is in place only in UTC
        for old, new in _claimed(REWRITE):
            assert type_change_rewrites(old, new)
            assert _rewrites(conn, old, new), f"{old} → {new} kept the table"
