"""Collations, operators, aggregates, text search objects and C functions round-trip on PostgreSQL 15 and 18.

SQL → database A → inspect → build → database B → inspect: nothing omitted, the catalogs
equal, the YAML byte-identical. ICU collations only on PostgreSQL 15 (no PostgreSQL 18
here is built with ICU).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.integration.catalog_differences import differences
from tests.integration.test_inspect_roundtrip import _round_trip

pytestmark = pytest.mark.integration

HERE = Path(__file__).parent
SQL = (HERE / "test_inspect_roundtrip_support.sql").read_text()


@pytest.fixture
def second_db(pg_server):
    """A second empty database on the same server as ``fresh_db``."""
    from tests.conftest import _fresh

    yield from _fresh(pg_server, None)


@pytest.fixture
def second_pg15_db(pg15_server):
    """A second empty database on PostgreSQL 15."""
    from tests.conftest import _fresh

    yield from _fresh(pg15_server, None)


def test_support_objects_round_trip(fresh_db, second_db, tmp_path):
    first, second = _round_trip(SQL, fresh_db, second_db, tmp_path)
    assert first.omissions == []
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files
    catalog = first.catalog
    assert len(catalog.collations) == 2 and len(catalog.operators) == 6 and len(catalog.aggregates) == 5
    assert len(catalog.text_search_dictionaries) == 1 and len(catalog.text_search_configurations) == 2
    assert len(catalog.statistics) == 3 and len(catalog.event_triggers) == 2 and len(catalog.rules) == 3
    assert len(catalog.publications) == 2
    assert len(catalog.operator_classes) == 4 and len(catalog.operator_families) == 2
    assert len(catalog.range_types) == 4 and "support.floatrange" not in {
        str(f.name) for f in catalog.functions.values()
    }
    text = first.files["schema/support.yaml"]
    assert "object_file: $libdir/unaccent" in text
    assert "word: [public.unaccent, simple]" in text


def test_icu_collations_round_trip(pg15_db, second_pg15_db, tmp_path):
    sql = """
        CREATE SCHEMA icu;
        CREATE COLLATION icu.musicbrainz (provider = icu, locale = '@colCaseFirst=lower;colNumeric=yes');
        CREATE COLLATION icu.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
        CREATE TABLE icu.names (name text COLLATE icu.musicbrainz, tag text COLLATE icu.ci);
        CREATE INDEX names_name ON icu.names (name COLLATE icu.ci);
    """
    first, second = _round_trip(sql, pg15_db, second_pg15_db, tmp_path)
    assert first.omissions == []
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files
    assert (
        "ci: {provider: icu, locale: und-u-ks-level2, deterministic: false}" in first.files["schema/icu.yaml"]
    )
