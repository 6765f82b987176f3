"""Recreate what PostgreSQL drops or refuses to keep when an object it depends on is replaced.

A view must be dropped and created again when a relation or function it reads
is recreated, or when a column type it reads changes; a trigger when its
function is recreated; indexes of a recreated materialized view and grants on a
recreated object must be given again.
"""

from __future__ import annotations

from schemagen.diff import indexes, routines
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    AddConstraint,
    AlterColumn,
    AlterSequenceOwnedBy,
    Change,
    ColumnChange,
    CreateIndex,
    CreateTable,
    DropColumn,
    DropConstraint,
    DropTable,
)
from schemagen.model.code_changes import (
    CreateTrigger,
    CreateView,
    DropFunction,
    DropTrigger,
    DropView,
    GrantPrivileges,
)
from schemagen.model.deps import dotted_references
from schemagen.model.names import QualifiedName


def _touched(changes: list[Change]) -> set[QualifiedName]:
    touched: set[QualifiedName] = set()
    for change in changes:
        if isinstance(change, DropTable | DropView):
            touched.add(change.table.name if isinstance(change, DropTable) else change.view.name)
        elif isinstance(change, DropFunction):
            touched.add(change.function.name)
        elif isinstance(change, DropColumn) or (
            isinstance(change, AlterColumn) and change.changes & (ColumnChange.TYPE | ColumnChange.COLLATION)
        ):
            touched.add(change.table)
    return touched


def _around_recreated_tables(old: Catalog, new: Catalog, changes: list[Change]) -> list[Change]:
    """A kept table's FK to a recreated table is dropped before and added after; so is ownership."""
    dropped = {c.table.name for c in changes if isinstance(c, DropTable)}
    created = {c.table.name for c in changes if isinstance(c, CreateTable)}
    recreated = dropped & created
    handled = {(c.table, c.constraint.name) for c in changes if isinstance(c, AddConstraint | DropConstraint)}
    extra: list[Change] = []
    for name, table in new.tables.items():
        if name in recreated or name not in old.tables:
            continue
        for fk in table.foreign_keys:
            if fk.ref_table in recreated and (name, fk.name) not in handled:
                before = next((f for f in old.tables[name].foreign_keys if f.name == fk.name), None)
                if before is not None:
                    extra += [DropConstraint(name, before), AddConstraint(name, fk)]
    for name, sequence in new.sequences.items():
        before = old.sequences.get(name)
        owner = sequence.owned_by
        if before is not None and owner is not None and before.owned_by == owner and owner[0] in recreated:
            # dropping the owning table would drop the sequence: disown it first, own it again after
            extra += [AlterSequenceOwnedBy(name, owner, None), AlterSequenceOwnedBy(name, None, owner)]
    return extra


def cascade_recreations(old: Catalog, new: Catalog, changes: list[Change]) -> list[Change]:
    """The extra changes that rebuild dependents of replaced objects (views, triggers, grants)."""
    touched = _touched(changes)
    recreated_views = {c.view.name for c in changes if isinstance(c, CreateView)}
    extra: list[Change] = []
    grown = True
    while grown:
        grown = False
        for name, view in new.views.items():
            if name in recreated_views or name not in old.views:
                continue
            if touched & set(dotted_references(old.views[name].query)):
                extra += [DropView(old.views[name]), *routines.create_view(view)]
                recreated_views.add(name)
                touched.add(name)
                grown = True
    created_indexes = {c.index.name for c in changes if isinstance(c, CreateIndex)}
    for index in new.indexes.values():
        if index.table in recreated_views and index.table in old.views and index.name not in created_indexes:
            extra += indexes.create_index(index)
    dropped_functions = {c.function.name for c in changes if isinstance(c, DropFunction)}
    recreated_triggers = {c.trigger.key for c in changes if isinstance(c, CreateTrigger)}
    for key, trigger in new.triggers.items():
        if key not in old.triggers or key in recreated_triggers:
            continue
        if trigger.table in recreated_views and trigger.table in old.views:
            extra += routines.create_trigger(trigger)  # dropped together with its view
        elif trigger.function in dropped_functions:
            extra += [DropTrigger(old.triggers[key]), *routines.create_trigger(trigger)]
    regranted = {str(v) for v in recreated_views if v in old.views}
    regranted_functions = {str(f.key) for f in new.functions.values() if f.name in dropped_functions}
    granted = {c.grant.key for c in changes if isinstance(c, GrantPrivileges)}
    for key, grant in new.grants.items():
        if key in old.grants and key not in granted:
            kind = grant.object_kind.lower()
            if (kind in ("table", "column") and grant.target in regranted) or (
                kind in ("function", "procedure") and grant.target in regranted_functions
            ):
                extra.append(GrantPrivileges(grant))
    return extra + _around_recreated_tables(old, new, changes)
