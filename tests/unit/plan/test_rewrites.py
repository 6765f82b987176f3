"""Value-aware hazards: a column type change is a table rewrite only when PostgreSQL must rewrite."""

from __future__ import annotations

import pytest

from schemagen.model import Column, QualifiedName
from schemagen.model.changes import AlterColumn, ColumnChange
from schemagen.model.planned import Hazard
from schemagen.plan.hazards import hazards_of
from schemagen.plan.rewrites import type_change_rewrites

NO_REWRITE = [
    ("character varying(50)", "character varying(100)"),
    ("character varying(50)", "character varying(50)"),
    ("character varying(50)", "character varying"),
    ("character varying(50)", "text"),
    ("character varying", "text"),
    ("text", "character varying"),
    ("numeric(10,2)", "numeric(12,2)"),
    ("numeric(10,2)", "numeric"),
    ("numeric(10)", "numeric(12,0)"),
    ("bit varying(5)", "bit varying(8)"),
    ("timestamp(3) without time zone", "timestamp(6) without time zone"),
    ("timestamp(3) with time zone", "timestamp with time zone"),
    ("time(2) without time zone", "time(4) without time zone"),
    ("cidr", "inet"),
]
"""(old, new): PostgreSQL keeps the stored bytes (relfilenode unchanged; see the integration test)."""

REWRITE = [
    ("integer", "bigint"),
    ("text", "integer"),
    ("character varying(100)", "character varying(50)"),
    ("character varying", "character varying(50)"),
    ("text", "character varying(50)"),
    ("numeric(12,2)", "numeric(10,2)"),
    ("numeric(10,2)", "numeric(10,3)"),
    ("numeric", "numeric(10,2)"),
    ("timestamp(6) without time zone", "timestamp(3) without time zone"),
    ("timestamp without time zone", "timestamp with time zone"),
    ("inet", "cidr"),
    ("character varying(50)[]", "character varying(100)[]"),
    ("app.status", "text"),
    ("public.vector(3)", "public.vector(4)"),
]
"""(old, new): PostgreSQL rewrites the table (or schemagen cannot tell, and assumes it does)."""


@pytest.mark.parametrize(("old", "new"), NO_REWRITE)
def test_widening_or_binary_coercible_change_is_no_rewrite(old: str, new: str) -> None:
    assert not type_change_rewrites(old, new)
    change = AlterColumn(QualifiedName("s", "t"), Column("c", old), Column("c", new), ColumnChange.TYPE)
    assert Hazard.TABLE_REWRITE not in hazards_of(change)
    assert Hazard.ACCESS_EXCLUSIVE_LOCK in hazards_of(change)


@pytest.mark.parametrize(("old", "new"), REWRITE)
def test_converting_or_narrowing_change_is_a_rewrite(old: str, new: str) -> None:
    assert type_change_rewrites(old, new)
    change = AlterColumn(QualifiedName("s", "t"), Column("c", old), Column("c", new), ColumnChange.TYPE)
    assert Hazard.TABLE_REWRITE in hazards_of(change)


def test_a_collation_change_is_no_rewrite_unless_the_type_change_is() -> None:
    def change(old: str, new: str, flags: ColumnChange) -> AlterColumn:
        return AlterColumn(QualifiedName("s", "t"), Column("c", old), Column("c", new, collation="C"), flags)

    both = ColumnChange.TYPE | ColumnChange.COLLATION
    assert Hazard.TABLE_REWRITE not in hazards_of(change("text", "text", ColumnChange.COLLATION))
    assert Hazard.TABLE_REWRITE not in hazards_of(
        change("character varying(5)", "character varying(9)", both)
    )
    assert Hazard.TABLE_REWRITE in hazards_of(change("character varying(9)", "character varying(5)", both))


def test_odd_modifiers_are_assumed_to_rewrite() -> None:
    assert type_change_rewrites("character varying(x)", "character varying(9)")
