"""Dependency rules of the changes only safe rewrites produce (they are placed after ordering,
next to the change they replace; the rules keep the planner complete)."""

from __future__ import annotations

from collections.abc import Callable

from schemagen.model import deps
from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.safe_changes import (
    AddKeyUsingIndex,
    AddNotNullCheck,
    DropNotNullCheck,
    ValidateConstraint,
)
from schemagen.plan.refs_base import Refs, refs

SAFE_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    ValidateConstraint: lambda c: refs(needs_new={deps.constraint_ref(c.table, c.name)}),
    AddKeyUsingIndex: lambda c: refs(
        creates={
            deps.constraint_ref(c.table, c.constraint.name),
            deps.key_ref(c.table, c.constraint.columns),
        },
        needs_new={deps.index_ref(QualifiedName(c.table.schema, c.constraint.name))},
    ),
    AddNotNullCheck: lambda c: refs(
        creates={deps.constraint_ref(c.table, c.name)}, needs_new={deps.column_ref(c.table, c.column)}
    ),
    DropNotNullCheck: lambda c: refs(drops={deps.constraint_ref(c.table, c.name)}),
}
