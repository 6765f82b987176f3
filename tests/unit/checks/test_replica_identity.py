"""C345: replica_identity: {index: …} names an index PostgreSQL accepts (one failing, one passing each)."""

from __future__ import annotations

import pytest

from schemagen.checks.replica_identity import check_replica_identity_index
from schemagen.model import Catalog, ExcludeConstraint, ExcludeElement, Index, IndexElement, UniqueConstraint
from tests.unit.checks.builders import codes, col, qn, table

ID = col("id", not_null=True)
CODE = col("code", "text", not_null=True)


def _found(index_name: str, *, tables_kwargs=None, indexes=(), columns=(ID, CODE)) -> list[str]:
    t = table(
        "t",
        *columns,
        pk=("id",),
        replica_identity="index",
        replica_identity_index=index_name,
        **(tables_kwargs or {}),
    )
    return codes(check_replica_identity_index(Catalog.of(tables=[t], indexes=list(indexes))))


def _index(**kwargs) -> Index:
    return Index(qn("t_code"), qn("t"), (IndexElement(column="code"),), **{"unique": True, **kwargs})


def test_the_primary_key_and_a_unique_not_null_index_pass():
    assert _found("t_pkey") == []
    assert _found("t_code", indexes=[_index()]) == []
    assert _found("t_code_key", tables_kwargs={"uniques": (UniqueConstraint("t_code_key", ("code",)),)}) == []


@pytest.mark.parametrize(
    "case",
    [
        {"indexes": [_index(unique=False)]},
        {"indexes": [_index(where="code <> ''")]},
        {"indexes": [Index(qn("t_code"), qn("t"), (IndexElement(expression="lower(code)"),), unique=True)]},
        {"indexes": [_index()], "columns": (ID, col("code", "text"))},
        {"indexes": []},
    ],
    ids=["not-unique", "partial", "expression", "nullable", "missing"],
)
def test_an_index_postgresql_refuses_is_c345(case):
    assert _found("t_code", **case) == ["C345"]


def test_deferrable_unique_and_exclude_constraints_are_c345():
    deferrable = UniqueConstraint("t_code_key", ("code",), deferrable=True)
    assert _found("t_code_key", tables_kwargs={"uniques": (deferrable,)}) == ["C345"]
    exclude = ExcludeConstraint("t_code_excl", "btree", (ExcludeElement("code", "="),))
    assert _found("t_code_excl", tables_kwargs={"excludes": (exclude,)}) == ["C345"]
