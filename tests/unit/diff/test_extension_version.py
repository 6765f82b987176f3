"""An extension whose version differs is updated in place (``ALTER EXTENSION … UPDATE``)."""

from __future__ import annotations

from schemagen.diff import diff_catalogs
from schemagen.model import Catalog, Extension
from schemagen.model.changes import UpdateExtension
from schemagen.render import render_change


def test_a_changed_version_is_an_update_to_it():
    old = Catalog.of(extensions=[Extension("pg_trgm", version="1.3")])
    new = Catalog.of(extensions=[Extension("pg_trgm", version="1.4")])
    (change,) = diff_catalogs(old, new)
    assert change == UpdateExtension("pg_trgm", "1.3", "1.4")
    assert render_change(change) == "ALTER EXTENSION pg_trgm UPDATE TO '1.4';"


def test_no_declared_version_updates_to_the_default_and_equal_versions_do_nothing():
    old = Catalog.of(extensions=[Extension("pg_trgm", version="1.3")])
    (change,) = diff_catalogs(old, Catalog.of(extensions=[Extension("pg_trgm")]))
    assert render_change(change) == "ALTER EXTENSION pg_trgm UPDATE;"
    assert diff_catalogs(old, old) == []
