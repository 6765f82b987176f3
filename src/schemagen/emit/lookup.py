"""Per-table views of a Catalog, built once so emission stays linear in its size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from schemagen.model import Catalog, Index, Policy, QualifiedName, Table, Trigger


@dataclass
class Lookup:
    """Indexes, triggers, policies and partitions grouped by their table (each sorted)."""

    catalog: Catalog
    indexes: dict[QualifiedName, list[Index]] = field(default_factory=lambda: defaultdict(list))
    triggers: dict[QualifiedName, list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    policies: dict[QualifiedName, list[Policy]] = field(default_factory=lambda: defaultdict(list))
    partitions: dict[QualifiedName, list[Table]] = field(default_factory=lambda: defaultdict(list))
    literal_rows: bool = False
    """Write reference rows literal for literal (``{sql: …}``), as the migrations' state snapshot needs."""
    macros: dict[QualifiedName, dict[str, Any]] = field(default_factory=dict)
    """Macro keys (``updated_at``, ``notify``, …) to write on a table instead of their objects."""

    @classmethod
    def of(
        cls,
        catalog: Catalog,
        *,
        literal_rows: bool = False,
        macros: dict[QualifiedName, dict[str, Any]] | None = None,
    ) -> Lookup:
        """Group every per-table object of ``catalog`` in one pass per kind."""
        lookup = cls(catalog, literal_rows=literal_rows, macros=dict(macros or {}))
        for index in catalog.indexes.values():
            lookup.indexes[index.table].append(index)
        for trigger in catalog.triggers.values():
            lookup.triggers[trigger.table].append(trigger)
        for policy in catalog.policies.values():
            lookup.policies[policy.table].append(policy)
        for table in catalog.tables.values():
            if table.partition_of is not None:
                lookup.partitions[table.partition_of.parent].append(table)
        return lookup
