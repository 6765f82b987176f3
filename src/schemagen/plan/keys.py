"""Tie-break keys: where the graph leaves a choice, output reads schema by schema, table by table.

Drops come first; then renames, roles, schemas, extensions, types, functions,
sequences, each table with its indexes, security and triggers, foreign keys,
views, sequence ownership, grants and reference rows. The keys themselves are
planner facts of each change class (``facts.py``).
"""

from __future__ import annotations

from schemagen.model.changes import Change
from schemagen.model.opclasses import RenameOperatorClass, RenameOperatorFamily
from schemagen.model.ranges import RenameRangeType
from schemagen.model.rename_changes import (
    RenameColumn,
    RenameConstraint,
    RenameEnumValue,
    RenameIndex,
    RenameObject,
    RenameTable,
)
from schemagen.plan.facts import facts_of

_RENAMES = (
    RenameTable,
    RenameColumn,
    RenameIndex,
    RenameConstraint,
    RenameEnumValue,
    RenameObject,
    RenameRangeType,
    RenameOperatorClass,
    RenameOperatorFamily,
)


def is_rename(change: Change) -> bool:
    """Whether a change renames (renames run before every change that uses the names)."""
    return isinstance(
        change,
        RenameTable
        | RenameColumn
        | RenameIndex
        | RenameConstraint
        | RenameEnumValue
        | RenameObject
        | RenameRangeType,
    )


def is_drop(change: Change) -> bool:
    """Whether a change removes something (drops run first, in reverse dependency order)."""
    return facts_of(type(change)).drop is not None


def sort_key(change: Change) -> tuple:
    """(phase, group, sub-order, name), padded to four parts; a class without facts is refused."""
    return facts_of(type(change)).sort_key(change)
