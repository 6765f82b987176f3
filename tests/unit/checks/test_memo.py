"""last_catalog: one computation per catalog, never stale, never keeping a catalog alive."""

from __future__ import annotations

import doctest
import gc
import weakref

from schemagen.checks import memo
from schemagen.checks.memo import last_catalog
from schemagen.checks.sites import expressions
from schemagen.model import Catalog, CheckConstraint, Column, QualifiedName, Table


def _table(expression: str) -> Table:
    return Table(
        QualifiedName("s", "t"),
        columns=(Column("a", "integer"),),
        checks=(CheckConstraint("t_a_check", expression),),
    )


def test_computed_once_per_catalog():
    seen = []

    @last_catalog
    def names(catalog):
        seen.append(catalog)
        return sorted(str(name) for name in catalog.tables)

    one = Catalog.of(tables=[_table("a > 0")])
    assert names(one) == names(one) == ["s.t"]
    assert len(seen) == 1


def test_a_new_catalog_is_not_served_the_old_result():
    first = Catalog.of(tables=[_table("a > 0")])
    second = Catalog.of(tables=[_table("a < 10")])
    assert [e.text for e in expressions(first)] == ["a > 0"]
    assert [e.text for e in expressions(second)] == ["a < 10"]
    assert [e.text for e in expressions(first)] == ["a > 0"]


def test_the_cache_does_not_keep_a_catalog_alive():
    catalog = Catalog.of(tables=[_table("a > 0")])
    list(expressions(catalog))
    ref = weakref.ref(catalog)
    del catalog
    gc.collect()
    assert ref() is None


def test_doctests():
    assert doctest.testmod(memo).failed == 0
