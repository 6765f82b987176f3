"""run_checks: every check registered, results sorted, version-dependent checks."""

from __future__ import annotations

import doctest
import importlib
import inspect

import pytest

import schemagen.checks as checks
from schemagen.checks import CHECKS, run_checks
from schemagen.checks.versions import check_version_features
from schemagen.model import Catalog, CheckConstraint, Column, Index, IndexElement, UniqueConstraint
from tests.unit.checks.builders import codes, col, qn, span, table

MODULES = [
    "body_checks",
    "calls",
    "columns",
    "dependents",
    "enums",
    "expressions",
    "foreign",
    "foreign_keys",
    "identifiers",
    "immutability",
    "column_storage",
    "index_design",
    "literals",
    "macro_columns",
    "partition_coverage",
    "partition_overlap",
    "partitions",
    "query_names",
    "references",
    "replica_identity",
    "roles",
    "routine_options",
    "type_modifiers",
]


def test_every_check_function_is_registered():
    defined = set()
    for name in MODULES:
        module = __import__(f"schemagen.checks.{name}", fromlist=["_"])
        defined |= {
            f
            for n, f in inspect.getmembers(module, inspect.isfunction)
            if n.startswith("check_") and f.__module__ == module.__name__
        }
    assert defined == set(CHECKS)
    assert all(f.__doc__ and "Prevents" in f.__doc__ for f in defined)


def test_clean_catalog_has_no_findings():
    t = table("t", col("id"), col("name", "text", default="'x'"), pk=("id",))
    t = t.__class__(
        t.name, t.columns, primary_key=t.primary_key, checks=(CheckConstraint("c", "length(name) > 0"),)
    )
    index = Index(qn("t_name_idx"), qn("t"), (IndexElement(expression="lower(name)"),), where="id > 0")
    assert run_checks(Catalog.of(tables=[t], indexes=[index])) == []


def test_findings_are_sorted_by_position():
    t = table(
        "t",
        col("a", "s.nope", line=9),
        col("b", line=2),
        checks=(CheckConstraint("c", "zz > 0", span=span(5)),),
    )
    found = run_checks(Catalog.of(tables=[t]))
    assert [d.span.line for d in found] == [5, 9]
    assert codes(found) == ["C361", "C301"]
    assert all(d.hint for d in found)


def test_nulls_not_distinct_needs_postgres_15():
    t = table("t", col("a"), uniques=(UniqueConstraint("t_a_key", ("a",), nulls_not_distinct=True),))
    assert check_version_features(Catalog.of(tables=[t]), 15) == []
    assert codes(check_version_features(Catalog.of(tables=[t]), 14)) == ["C370"]
    assert codes(run_checks(Catalog.of(tables=[t]), postgres_version=14)) == ["C370"]


def test_virtual_generated_columns_need_postgres_18():
    virtual = Column("b", "integer", generated="a + 1", virtual=True)
    t = table("t", col("a"), virtual)
    assert check_version_features(Catalog.of(tables=[t]), 18) == []
    assert codes(check_version_features(Catalog.of(tables=[t]), 17)) == ["C370"]


def test_membership_inherit_and_set_need_postgres_16():
    from schemagen.model import Membership, Role

    role = Role("alice", member_of=("readers", "owners"), memberships=(Membership("readers", set=False),))
    admin_only = Role("bob", member_of=("owners",), memberships=(Membership("owners", admin=True),))
    assert check_version_features(Catalog.of(roles=[role, admin_only]), 16) == []
    assert codes(check_version_features(Catalog.of(roles=[role, admin_only]), 15)) == ["C370"]


def test_public_api():
    assert checks.__all__ == ["CHECKS", "Check", "run_checks"]


@pytest.mark.parametrize("module", ["schemagen.model.pg.sqlparse", "schemagen.checks.typenames"])
def test_doctests(module):
    assert doctest.testmod(importlib.import_module(module)).failed == 0
