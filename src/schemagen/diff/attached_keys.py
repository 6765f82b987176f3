"""Partition keys whose index is attached to a parent's index go with that index.

A partition's PRIMARY KEY, UNIQUE or EXCLUDE constraint may be built on an index attached
to a partitioned index of its parent (``CREATE INDEX`` on the parent adopts a matching
one). PostgreSQL then refuses both ``ALTER TABLE partition DROP CONSTRAINT`` (the parent's
index requires it) and ``DROP INDEX parent_index`` (the constraint depends on it); only
``DROP INDEX … CASCADE`` removes the two together. When the plan drops such a parent
index and the key, the key's drop is folded into the index's (``DropIndex.attached``),
which renders ``CASCADE`` and which the planner orders as dropping the key too.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, Constraint, DropConstraint, DropIndex
from schemagen.model.names import QualifiedName


def with_attached_keys(changes: list[Change], old: Catalog) -> list[Change]:
    """``changes`` with each dropped partition key attached to a dropped parent index folded into it."""
    dropped = {c.index.name for c in changes if isinstance(c, DropIndex)}
    attached_to: dict[tuple[QualifiedName, str], QualifiedName] = {}
    for table in old.tables.values():
        if table.partition_of is None:
            continue
        parent = table.partition_of.parent
        for key, index in table.attached_keys:
            if QualifiedName(parent.schema, index) in dropped:
                attached_to[(table.name, key)] = QualifiedName(parent.schema, index)
    if not attached_to:
        return changes
    folded: dict[QualifiedName, list[tuple[QualifiedName, Constraint]]] = {}
    kept: list[Change] = []
    for change in changes:
        index = (
            attached_to.get((change.table, change.constraint.name))
            if isinstance(change, DropConstraint)
            else None
        )
        if index is None:
            kept.append(change)
        else:
            folded.setdefault(index, []).append((change.table, change.constraint))
    return [
        replace(c, attached=tuple(folded[c.index.name]))
        if isinstance(c, DropIndex) and c.index.name in folded
        else c
        for c in kept
    ]
