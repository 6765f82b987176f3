"""A later UNION branch's unnamed column keeps its name through inspect → build (PostgreSQL 15 and 18).

musicbrainz's ``release_event`` selects ``NULL`` in the second branch of a ``UNION ALL``
inside a subquery: ``pg_get_viewdef`` prints it ``NULL::integer`` (name ``?column?``, not
shown), and a view created from that text named the column ``int4``, which the next
``pg_get_viewdef`` printed as ``NULL::integer AS int4``.
"""

from __future__ import annotations

import psycopg
import pytest
from tests.integration.catalog_differences import differences
from tests.integration.test_inspect_roundtrip import _round_trip

pytestmark = pytest.mark.integration

SQL = """
CREATE SCHEMA s;
CREATE TABLE s.country (release int, year int, country int);
CREATE TABLE s.unknown (release int, year int);
CREATE VIEW s.event AS
    SELECT release, year, country
    FROM (SELECT release, year, country FROM s.country
          UNION ALL
          SELECT release, year, NULL FROM s.unknown) AS q;
CREATE VIEW s.labelled AS
    SELECT * FROM (SELECT release, 'known' AS kind, year + 1 FROM s.country
                   UNION SELECT release, 'unknown', coalesce(year, 0) FROM s.unknown
                   EXCEPT SELECT release, NULL, NULL FROM s.unknown) AS q;
CREATE VIEW s.top AS
    SELECT release, NULL::text AS note FROM s.country UNION ALL SELECT release, 'x' FROM s.unknown;
"""
DEFINITIONS = "SELECT c.relname, pg_get_viewdef(c.oid, true) FROM pg_class c WHERE c.relkind = 'v' ORDER BY 1"


@pytest.fixture
def second_db(pg_server):
    """A second empty database on the same server as ``fresh_db``."""
    from tests.conftest import _fresh

    yield from _fresh(pg_server, None)


def _definitions(dsn: str) -> list[tuple[str, str]]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(DEFINITIONS).fetchall()


def test_later_branch_columns_keep_their_names(fresh_db, second_db, tmp_path):
    first, second = _round_trip(SQL, fresh_db, second_db, tmp_path)
    assert first.omissions == []
    assert _definitions(fresh_db) == _definitions(second_db)
    assert differences(first.catalog, second.catalog) == []
    assert first.files == second.files
    text = first.files["schema/s.yaml"]
    assert 'NULL::integer AS "?column?"' in text
    assert "'unknown'::text AS \"?column?\"" in text
