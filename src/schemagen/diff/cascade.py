"""Recreate what PostgreSQL drops or refuses to keep when an object it depends on is replaced.

A view, a SQL-standard function, a policy or a trigger must be dropped and created
again when a relation or function it uses is recreated, or when the type or
collation of a column it uses changes (``cannot alter type of a column used by a
view or rule``); a trigger when its function is recreated; indexes of a recreated
materialized view and grants on a recreated object must be given again. What an
object uses is read by the SQL-reference analyser, resolved against the old catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diff import indexes, routines
from schemagen.diff.function_users import around_recreated_functions
from schemagen.diff.tables import marks_on_recreated_indexes
from schemagen.model import deps
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
    DropCompositeType,
    DropConstraint,
    DropDomain,
    DropEnum,
    DropTable,
    RebuildEnum,
)
from schemagen.model.code_changes import (
    CreateFunction,
    CreatePolicy,
    CreateTrigger,
    CreateView,
    DropFunction,
    DropPolicy,
    DropTrigger,
    DropView,
    GrantPrivileges,
    ReplaceFunction,
)
from schemagen.model.foreign_changes import AlterForeignTable, DropForeignTable
from schemagen.model.identity import GrantOn
from schemagen.model.names import QualifiedName
from schemagen.model.pg.sqlrefs import References
from schemagen.model.ranges import CreateRangeType, DropRangeType, RebuildRangeType
from schemagen.model.routines import Function, Trigger

_REBUILT_UNDER_DEPENDENTS = ColumnChange.TYPE | ColumnChange.COLLATION
"""Column changes PostgreSQL refuses while a view, policy, trigger or SQL body uses the column."""


@dataclass
class _Gone:
    """What the changes take away from under dependents: relations, functions, altered columns."""

    relations: set[QualifiedName] = field(default_factory=set)
    functions: set[QualifiedName] = field(default_factory=set)
    columns: set[tuple[QualifiedName, str]] = field(default_factory=set)
    types: set[QualifiedName] = field(default_factory=set)
    """Types dropped or swapped (an enum rebuilt under its name): what names them is bound to the old one."""

    def used_by(self, found: References) -> bool:
        """Whether a text that uses ``found`` loses something (always, for the same names, if unknown)."""
        names = {(n.schema, n.name) for n in self.relations}
        if names & found.relations or {(f.schema, f.name) for f in self.functions} & found.function_names():
            return True
        if {(t.schema, t.name) for t in self.types} & found.types:
            return True
        return any(found.uses_column((t.schema, t.name), c) for t, c in self.columns)

    def in_signature(self, function: Function) -> bool:
        """Whether an argument or the result of ``function`` is of a type that goes (arrays too)."""
        texts = [a.type for a in function.arguments] + [function.returns or ""]
        texts += [t for _, t in function.returns_table]
        for text in texts:
            base = text[6:] if text[:6].upper() == "SETOF " else text
            if base and deps.type_reference(base) in self.types:
                return True
        return False


def _gone(changes: list[Change]) -> _Gone:
    gone = _Gone()
    for change in changes:
        if isinstance(change, DropTable):
            gone.relations.add(change.table.name)
        elif isinstance(change, DropView):
            gone.relations.add(change.view.name)
        elif isinstance(change, DropFunction):
            gone.functions.add(change.function.name)
        elif isinstance(change, DropColumn):
            gone.columns.add((change.table, change.column.name))
        elif isinstance(change, AlterColumn) and change.changes & (
            ColumnChange.TYPE | ColumnChange.COLLATION
        ):
            gone.columns.add((change.table, change.old.name))
        elif isinstance(change, RebuildEnum):  # its columns change type too
            gone.columns |= {(table, column.name) for table, column in change.columns}
            gone.types.add(change.old.name)
        elif isinstance(change, DropEnum | DropDomain):
            gone.types.add(change.enum.name if isinstance(change, DropEnum) else change.domain.name)
        elif isinstance(change, DropCompositeType):
            gone.types.add(change.type.name)
        elif isinstance(change, DropForeignTable):
            gone.relations.add(change.table.name)
        elif isinstance(change, AlterForeignTable):  # a column dropped or given a new type
            gone.columns |= {
                (change.old.name, a[1]) for a in change.actions if a[0] in ("drop_column", "type")
            }
        elif isinstance(change, DropRangeType):  # its multirange and constructor functions go too
            gone.types |= {change.type.name, change.type.multirange_name}
            gone.functions |= set(change.type.constructors)
        elif isinstance(change, RebuildRangeType):  # swapped like an enum, constructors and all
            gone.columns |= {(table, column.name) for table, column in change.columns}
            gone.types |= {change.old.name, change.old.multirange_name}
            gone.functions |= set(change.old.constructors)
    return gone


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
    """``changes`` with what rebuilds dependents of replaced objects and of altered columns.

    What depends on what is read from the old catalog by the SQL-reference analyser
    (``model.deps``): views (and views on them), SQL-standard function bodies,
    policies and triggers that use a dropped or recreated relation or function, or
    a column whose type or collation changes, are dropped and created again;
    PostgreSQL rebuilds indexes and constraints by itself. A SQL-standard function
    replaced in place that uses what goes is dropped and created instead; so is any
    function with an argument or result of a type that goes or is swapped (an enum
    rebuilt), and the column defaults, CHECKs and indexes that call a recreated
    function are taken off before and put back after (``function_users.py``).
    """
    gone = _gone(changes)
    gone.columns |= _in_partitions(old, gone.columns)
    changes, extra = _replaced_in_place(changes, gone, old)
    extra += _recreated_views_and_functions(old, new, [*changes, *extra], gone)
    recreated_views = {c.view.name for c in [*changes, *extra] if isinstance(c, CreateView)}
    dropped_functions = {c.function.name for c in [*changes, *extra] if isinstance(c, DropFunction)}
    created_indexes = {c.index.name for c in changes if isinstance(c, CreateIndex)}
    for index in new.indexes.values():
        if index.table in recreated_views and index.table in old.views and index.name not in created_indexes:
            extra += indexes.create_index(index)
    extra += _recreated_triggers(old, new, changes, gone, recreated_views, dropped_functions)
    extra += _recreated_policies(old, new, changes, gone)
    # a range swap renames the old constructors away and drops them with the old type: what calls
    # them (a default, a CHECK, an index, on any table) is taken off before and put back after
    constructors = {n for c in changes if isinstance(c, RebuildRangeType) for n in c.old.constructors}
    changes, around = around_recreated_functions(old, new, changes, dropped_functions | constructors)
    extra += around
    regranted = {v for v in recreated_views if v in old.views}
    regranted_functions = {f.key for f in new.functions.values() if f.name in dropped_functions}
    regranted_types = _replaced_types(changes)
    granted = {c.grant.key for c in changes if isinstance(c, GrantPrivileges)}
    for key, grant in new.grants.items():
        if key in old.grants and key not in granted:
            target = grant.target
            if (
                (target.on.is_relation and target.name in regranted)
                or (target.routine in regranted_functions)
                or (target.on is GrantOn.TYPE and target.name in regranted_types)
            ):
                extra.append(GrantPrivileges(grant))
    extra += _around_recreated_tables(old, new, changes)
    extra += marks_on_recreated_indexes(new, changes)
    return changes + [c for c in extra if c not in changes]


def _replaced_types(changes: list[Change]) -> set[QualifiedName]:
    """Types a new one replaces under the same name (a swap, a range dropped and created):
    the new type starts with PostgreSQL's default privileges, so its grants are given again."""
    swapped = {c.new.name for c in changes if isinstance(c, RebuildEnum | RebuildRangeType)}
    created = {c.type.name for c in changes if isinstance(c, CreateRangeType)}
    return swapped | (created & {c.type.name for c in changes if isinstance(c, DropRangeType)})


def _in_partitions(old: Catalog, columns: set[tuple[QualifiedName, str]]) -> set[tuple[QualifiedName, str]]:
    """The same columns of every partition below: altering a parent's column alters theirs."""
    found: set[tuple[QualifiedName, str]] = set()
    pending = list(columns)
    while pending:
        table, column = pending.pop()
        for child in old.partitions_of(table):
            if (child.name, column) not in found:
                found.add((child.name, column))
                pending.append((child.name, column))
    return found


def _replaced_in_place(changes: list[Change], gone: _Gone, old: Catalog) -> tuple[list[Change], list[Change]]:
    """(changes without, changes instead of) each ``CREATE OR REPLACE`` of a SQL-standard body
    that uses what goes: PostgreSQL would refuse the ALTER or DROP before the replacement."""
    kept: list[Change] = []
    instead: list[Change] = []
    for change in changes:
        if isinstance(change, ReplaceFunction) and (
            gone.in_signature(change.old)
            or (change.old.sql_standard_body and gone.used_by(deps.body_references(change.old, old)))
        ):
            instead += [DropFunction(change.old), *routines.create_function(change.new)]
            gone.functions.add(change.old.name)
        else:
            kept.append(change)
    return kept, instead


def _recreated_views_and_functions(
    old: Catalog, new: Catalog, changes: list[Change], gone: _Gone
) -> list[Change]:
    """Views and functions that lose something (SQL-standard bodies what they use; any function a
    type of its signature), and what depends on them, until none is left."""
    handled_views = {c.view.name for c in changes if isinstance(c, CreateView | DropView)}
    handled_functions = {c.function.key for c in changes if isinstance(c, CreateFunction | DropFunction)} | {
        c.new.key for c in changes if isinstance(c, ReplaceFunction)
    }
    extra: list[Change] = []
    grown = True
    while grown:
        grown = False
        for name, view in new.views.items():
            before = old.views.get(name)
            if before is None or name in handled_views or not gone.used_by(deps.view_references(before, old)):
                continue
            extra += [DropView(before), *routines.create_view(view)]
            handled_views.add(name)
            gone.relations.add(name)
            grown = True
        for key, function in new.functions.items():
            before = old.functions.get(key)
            if before is None or key in handled_functions:
                continue
            if gone.in_signature(before) or (
                before.sql_standard_body and gone.used_by(deps.body_references(before, old))
            ):
                extra += [DropFunction(before), *routines.create_function(function)]
                handled_functions.add(key)
                gone.functions.add(function.name)
                grown = True
    return extra


def _recreated_triggers(
    old: Catalog,
    new: Catalog,
    changes: list[Change],
    gone: _Gone,
    recreated_views: set[QualifiedName],
    dropped_functions: set[QualifiedName],
) -> list[Change]:
    """Triggers on recreated views (created again), on recreated functions or altered columns (both)."""
    recreated = {c.trigger.key for c in changes if isinstance(c, CreateTrigger | DropTrigger)}
    extra: list[Change] = []
    for key, trigger in new.triggers.items():
        before = old.triggers.get(key)
        if before is None or key in recreated:
            continue
        if trigger.table in recreated_views and trigger.table in old.views:
            extra += routines.create_trigger(trigger)  # dropped together with its view
        elif trigger.function in dropped_functions or _trigger_loses(before, gone, old):
            extra += [DropTrigger(before), *routines.create_trigger(trigger)]
    return extra


def _trigger_loses(trigger: Trigger, gone: _Gone, old: Catalog) -> bool:
    if any((trigger.table, c) in gone.columns for c in trigger.update_columns):
        return True
    return trigger.when is not None and gone.used_by(
        deps.expression_references(trigger.when, trigger.table, old)
    )


def _recreated_policies(old: Catalog, new: Catalog, changes: list[Change], gone: _Gone) -> list[Change]:
    """Policies whose expressions use an altered column or a recreated relation or function."""
    handled = {(c.policy.table, c.policy.name) for c in changes if isinstance(c, CreatePolicy | DropPolicy)}
    dropped_tables = {c.table.name for c in changes if isinstance(c, DropTable)}
    extra: list[Change] = []
    for key, policy in new.policies.items():
        before = old.policies.get(key)
        if before is None or key in handled or policy.table in dropped_tables:
            continue
        texts = (before.using, before.with_check)
        if any(gone.used_by(deps.expression_references(t, before.table, old)) for t in texts if t):
            extra += [DropPolicy(before), *routines.create_policy(policy)]
    return extra
