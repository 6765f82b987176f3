"""The lock a table-attribute change names is the lock PostgreSQL takes.

Each change is rendered and run inside a transaction on a real table; the strongest
lock held on the table (``pg_locks``) must be the one ``plan.locks.lock_of`` names,
and a change taking ACCESS EXCLUSIVE must carry the ACCESS_EXCLUSIVE_LOCK hazard.
"""

from __future__ import annotations

import psycopg
import pytest

from schemagen.model import QualifiedName
from schemagen.model import changes as ch
from schemagen.model.planned import Hazard, Lock
from schemagen.plan.facts import facts_of
from schemagen.plan.locks import lock_of
from schemagen.render.plan import render_change

pytestmark = pytest.mark.integration

T = QualifiedName("public", "locked")

SETUP = (
    "CREATE TABLE locked (id integer PRIMARY KEY, code text NOT NULL UNIQUE, n integer);"
    "CREATE INDEX locked_n ON locked (n); CREATE INDEX locked_n1 ON locked ((n + 1));"
)

CHANGES = [
    pytest.param(ch.SetReplicaIdentity(T, "full"), id="replica-identity-full"),
    pytest.param(
        ch.SetReplicaIdentity(T, "index", "locked_code_key", constraint=True), id="replica-identity-index"
    ),
    pytest.param(ch.SetClusterOn(T, "locked_n"), id="cluster-on"),
    pytest.param(ch.SetTableStorage(T, (("fillfactor", "70"),)), id="storage-parameters"),
    pytest.param(ch.SetColumnStatistics(T, "n", 1000), id="column-statistics"),
    pytest.param(ch.SetColumnStatistics(T, "n", None, 1000), id="column-statistics-reset"),
    pytest.param(ch.SetColumnStorage(T, "code", "external"), id="column-storage"),
    pytest.param(ch.SetColumnStorage(T, "code", None, "main", "extended"), id="column-storage-reset"),
    pytest.param(ch.SetColumnCompression(T, "code", "lz4"), id="column-compression"),
    pytest.param(ch.SetColumnCompression(T, "code", None, "pglz"), id="column-compression-reset"),
    pytest.param(ch.SetColumnOptions(T, "n", (("n_distinct", "-0.5"),)), id="column-options"),
    pytest.param(ch.SetColumnOptions(T, "n", (), (("n_distinct", "-0.5"),)), id="column-options-reset"),
    pytest.param(ch.SetIndexStatistics(QualifiedName("public", "locked_n1"), 1, 500), id="index-statistics"),
]

_MODES = {
    "ShareUpdateExclusiveLock": Lock.SHARE_UPDATE_EXCLUSIVE,
    "ShareLock": Lock.SHARE,
    "ShareRowExclusiveLock": Lock.SHARE_ROW_EXCLUSIVE,
    "AccessExclusiveLock": Lock.ACCESS_EXCLUSIVE,
}
_ORDER = list(Lock)


def _strongest(modes: list[str]) -> Lock | None:
    known = [_MODES[m] for m in modes if m in _MODES]
    return max(known, key=_ORDER.index) if known else None


@pytest.mark.parametrize("change", CHANGES)
def test_named_lock_is_taken(fresh_db, change):
    with psycopg.connect(fresh_db, autocommit=True) as conn:
        conn.execute(SETUP)
    with psycopg.connect(fresh_db) as conn:
        conn.execute(render_change(change))
        modes = [
            row[0]
            for row in conn.execute(
                "SELECT mode FROM pg_locks WHERE relation = 'public.locked'::regclass"
                " AND pid = pg_backend_pid()"
            )
        ]
        conn.rollback()
    assert _strongest(modes) == lock_of(change)  # an index's own lock is not the table's
    hazards = facts_of(type(change)).hazards_of(change)
    assert (Hazard.ACCESS_EXCLUSIVE_LOCK in hazards) == (lock_of(change) is Lock.ACCESS_EXCLUSIVE)
