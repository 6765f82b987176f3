"""The rule and audit fold on built catalogs: what the builder made folds back, a change does not.

(The live round trip, on PostgreSQL 15 and 18, is tests/integration/test_inspect_rules.py.)
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.api.inspect_rules import CHANGE_LOG, MAINTENANCE, embedded_rules, fold_rules
from schemagen.builder import build_catalog
from schemagen.model import PartitionBound, QualifiedName
from schemagen.model.document import SourceDocument

EVENTS = QualifiedName("shop", "events")
DOCUMENT = {
    "schema": "shop",
    "tables": {
        "events": {
            "columns": {"at": "timestamptz not null", "kind": "text"},
            "partition_by": {"range": ["at"], "interval": "1 week", "start": "2026-01-05", "ahead": 2},
            "audit": {"exclude_columns": ["kind"]},
        },
        "orders": {"columns": {"order_id": "bigint primary key"}, "audit": True},
    },
}


def _built():
    catalog, diagnostics = build_catalog([SourceDocument("shop.yaml", DOCUMENT)])
    assert not diagnostics
    return catalog


def _maintenance(catalog):
    return next(f for f in catalog.functions.values() if f.name == MAINTENANCE)


def test_the_maintenance_body_gives_back_its_rules():
    rules = embedded_rules(_maintenance(_built()).body)
    assert rules is not None
    assert [(r["schema_name"], r["table_name"], r["step"]) for r in rules] == [
        ("audit", "change_log", "1 month"),
        ("shop", "events", "1 week"),
    ]


def test_a_body_with_two_rule_lists_gives_none():
    body = _maintenance(_built()).body
    assert embedded_rules(body + "\n/* " + body + " */") is not None  # a comment is not a constant
    assert embedded_rules(body + body) is None


def test_what_the_builder_made_folds_back_into_the_keys():
    folded = fold_rules(_built())
    assert folded.rules == {EVENTS: {"interval": "1 week", "start": "2026-01-05", "ahead": 2}}
    assert folded.audit == {EVENTS: {"exclude_columns": ["kind"]}, QualifiedName("shop", "orders"): True}
    assert folded.audit_settings is None
    assert set(folded.catalog.tables) == {EVENTS, QualifiedName("shop", "orders")}
    assert set(folded.catalog.schemas) == {"shop"} and not folded.catalog.triggers
    assert not folded.catalog.functions and not folded.catalog.grants


def test_a_hand_made_child_keeps_everything_expanded():
    catalog = _built()
    child = catalog.tables[QualifiedName("shop", "events_2026_01_05")]
    odd = replace(
        child,
        name=QualifiedName("shop", "events_old"),
        partition_of=PartitionBound(EVENTS, from_values=("'2020-01-01'",), to_values=("'2021-01-01'",)),
    )
    tables = {**catalog.tables, odd.name: odd}
    folded = fold_rules(replace(catalog, tables=tables))
    assert folded.rules == {} and folded.audit == {} and folded.catalog.tables.keys() == tables.keys()


def test_a_changed_change_log_keeps_everything_expanded():
    catalog = _built()
    log = catalog.tables[CHANGE_LOG]
    changed = replace(log, comment="ours")
    folded = fold_rules(replace(catalog, tables={**catalog.tables, CHANGE_LOG: changed}))
    assert folded.rules == {} and folded.audit == {}
