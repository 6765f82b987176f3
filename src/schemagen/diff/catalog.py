"""``diff_catalogs``: every change that takes one catalog to another, kind by kind."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Set
from dataclasses import replace
from typing import Any

from schemagen.diff import foreign, indexes, routines, tables, types
from schemagen.diff.attached_keys import with_attached_keys
from schemagen.diff.cascade import cascade_recreations
from schemagen.diff.enum_swap import with_dependents
from schemagen.diff.firing_modes import with_firing_mode
from schemagen.diff.keyed import split_keys
from schemagen.diff.opclasses import family_functions, opclass_functions
from schemagen.diff.owners import owner_changes, with_owned_sequence_owners
from schemagen.diff.range_swap import range_functions, without_retyping
from schemagen.diff.renames import apply_renames
from schemagen.diff.simple import simple
from schemagen.diff.type_storage import with_type_storage
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    Change,
    CreateCompositeType,
    DropCompositeType,
    DropDomain,
    DropEnum,
    DropExtension,
    DropIndex,
    DropTable,
)
from schemagen.model.code_changes import DropPolicy, DropTrigger, DropView
from schemagen.model.deps import type_reference
from schemagen.model.identity import GrantOn, ObjectKind, grant_on_schema
from schemagen.model.kinds import CATALOG_KINDS
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column
from schemagen.model.routines import Grant
from schemagen.model.support import Operator, Rule
from schemagen.model.support_changes import (
    CreateAggregate,
    CreateCollation,
    CreateEventTrigger,
    CreateOperator,
    CreatePublication,
    CreateRule,
    CreateStatistics,
    CreateTextSearchConfiguration,
    CreateTextSearchDictionary,
    DropAggregate,
    DropCollation,
    DropEventTrigger,
    DropOperator,
    DropPublication,
    DropRule,
    DropStatistics,
    DropTextSearchConfiguration,
    DropTextSearchDictionary,
    SetEventTriggerEnabled,
    SetRuleEnabled,
)
from schemagen.model.support_deps import linked_before


def diff_catalogs(old: Catalog, new: Catalog) -> list[Change]:
    """The changes from ``old`` to ``new``, unordered but deterministic (``plan`` orders them).

    >>> from schemagen.model import Catalog, Schema
    >>> diff_catalogs(Catalog(), Catalog.of(schemas=[Schema("app")]))
    [CreateSchema(schema=Schema(name='app', comment=None))]
    """
    old, renames = apply_renames(old, new)
    dropped_tables = {k for k in old.tables if k not in new.tables}
    recreated_tables = {
        k for k in old.tables if k in new.tables and tables.needs_recreate(old.tables[k], new.tables[k])
    }
    gone_tables = dropped_tables | recreated_tables
    changes: list[Change] = list(renames)
    comparators = _comparators(old, new, gone_tables, recreated_tables)
    for kind in CATALOG_KINDS:
        old_objects, create, drop, alter = comparators[kind.kind]
        changes += _kind(old_objects, getattr(new, kind.attribute), create, drop, alter)
    changes = tables.kept_by_children(old, new, changes)
    changes = cascade_recreations(old, new, without_retyping(with_dependents(changes, old, new)))
    changes = with_attached_keys(_with_their_indexes(changes, old), old)
    changes = with_type_storage(new, changes)
    return with_owned_sequence_owners(old, new, changes) + owner_changes(old, new, changes)


Comparator = tuple[
    Mapping[Any, Any],
    Callable[[Any], list[Change]],
    Callable[[Any], list[Change]],
    Callable[[Any, Any], list[Change]],
]
"""(the old objects to compare, create, drop, alter) for one kind."""


def _comparators(
    old: Catalog, new: Catalog, gone_tables: set[QualifiedName], recreated_tables: set[QualifiedName]
) -> dict[ObjectKind, Comparator]:
    """Per catalog kind: which old objects take part, and how one is created, dropped, altered.

    Indexes, triggers and policies of tables that are dropped or recreated go with
    their table; so do the grants on vanishing objects. A test checks every
    catalog kind of ``model/kinds.py`` has an entry.
    """
    with_parents = foreign.partitions_going_with(old, gone_tables)
    children = foreign.children_of_gone(old, gone_tables) & new.foreign_tables.keys()
    recreated_foreign = foreign.recreated_foreign_tables(old, new) | with_parents | children
    vanishing = _vanishing_grant(old, new, recreated_tables | recreated_foreign)
    K = ObjectKind
    recreated_servers = foreign.recreated_servers(old, new)
    return {
        K.SCHEMA: (old.schemas, types.create_schema, types.drop_schema, types.alter_schema),
        K.EXTENSION: (
            old.extensions,
            types.create_extension,
            lambda e: [DropExtension(e)],
            types.alter_extension,
        ),
        K.FOREIGN_DATA_WRAPPER: (
            old.foreign_data_wrappers,
            foreign.create_wrapper,
            foreign.drop_wrapper,
            foreign.alter_wrapper,
        ),
        K.FOREIGN_SERVER: (old.foreign_servers, *foreign.server_functions(old, recreated_servers)),
        K.USER_MAPPING: (
            {k: m for k, m in old.user_mappings.items() if m.server not in recreated_servers},
            foreign.create_mapping,
            foreign.drop_mapping,
            foreign.alter_mapping,
        ),
        K.COLLATION: (old.collations, *simple(K.COLLATION, CreateCollation, DropCollation)),
        K.ENUM: (
            old.enums,
            types.create_enum,
            lambda e: [DropEnum(e)],
            lambda o, n: types.alter_enum(o, n, _columns_using(new, n.name)),
        ),
        K.DOMAIN: (old.domains, types.create_domain, lambda d: [DropDomain(d)], types.alter_domain),
        K.COMPOSITE_TYPE: (
            old.composite_types,
            *simple(K.COMPOSITE_TYPE, CreateCompositeType, DropCompositeType),
        ),
        K.RANGE_TYPE: (old.range_types, *range_functions(old, new, gone_tables)),
        K.SEQUENCE: (old.sequences, types.create_sequence, types.drop_sequence, types.alter_sequence),
        K.TABLE: (
            old.tables,
            lambda t: [*tables.create_table(t), *tables.own_not_null(t, new)],
            lambda t: tables.drop_table(t, gone_tables),
            lambda o, n: tables.alter_table(o, n, frozenset(gone_tables)),
        ),
        K.FOREIGN_TABLE: (
            {k: t for k, t in old.foreign_tables.items() if k not in with_parents | children},
            foreign.creator(old, children),
            foreign.drop_foreign_table,
            foreign.alter_foreign_table,
        ),
        K.INDEX: (
            _not_on(old.indexes, gone_tables | (old.views.keys() - new.views.keys())),
            indexes.create_index,
            lambda i: [DropIndex(i)],
            indexes.alter_index,
        ),
        K.STATISTICS: (
            _not_on(old.statistics, gone_tables | recreated_tables),
            *simple(K.STATISTICS, CreateStatistics, DropStatistics),
        ),
        K.FUNCTION: (
            old.functions,
            routines.create_function,
            routines.drop_function,
            routines.alter_function,
        ),
        K.OPERATOR: (
            old.operators,
            *simple(K.OPERATOR, lambda o: CreateOperator(o, linked_before(new, o)), DropOperator, _signature),
        ),
        K.OPERATOR_FAMILY: (old.operator_families, *family_functions(old, new)),
        K.OPERATOR_CLASS: (old.operator_classes, *opclass_functions()),
        K.AGGREGATE: (
            old.aggregates,
            *simple(K.AGGREGATE, CreateAggregate, DropAggregate, lambda a: a.identity_types),
        ),
        K.TEXT_SEARCH_DICTIONARY: (
            old.text_search_dictionaries,
            *simple(K.TEXT_SEARCH_DICTIONARY, CreateTextSearchDictionary, DropTextSearchDictionary),
        ),
        K.TEXT_SEARCH_CONFIGURATION: (
            old.text_search_configurations,
            *simple(K.TEXT_SEARCH_CONFIGURATION, CreateTextSearchConfiguration, DropTextSearchConfiguration),
        ),
        K.VIEW: (old.views, routines.create_view, lambda v: [DropView(v)], routines.alter_view),
        K.TRIGGER: (
            _not_on(old.triggers, recreated_tables),
            routines.create_trigger,
            lambda t: [DropTrigger(t)],
            routines.alter_trigger,
        ),
        K.EVENT_TRIGGER: (
            old.event_triggers,
            *with_firing_mode(
                simple(K.EVENT_TRIGGER, CreateEventTrigger, DropEventTrigger), SetEventTriggerEnabled
            ),
        ),
        K.RULE: (
            _not_on(old.rules, gone_tables | (old.views.keys() - new.views.keys())),
            *with_firing_mode(simple(K.RULE, CreateRule, DropRule, member_of=_relation), SetRuleEnabled),
        ),
        K.POLICY: (
            _not_on(old.policies, recreated_tables),
            routines.create_policy,
            lambda p: [DropPolicy(p)],
            routines.alter_policy,
        ),
        K.PUBLICATION: (old.publications, *simple(K.PUBLICATION, CreatePublication, DropPublication)),
        K.ROLE: (old.roles, routines.create_role, routines.drop_role, routines.alter_role),
        K.GRANT: (
            {k: v for k, v in old.grants.items() if not vanishing(v)},
            routines.create_grant,
            routines.drop_grant,
            routines.alter_grant,
        ),
        K.DEFAULT_PRIVILEGE: (
            old.default_privileges,
            routines.create_default_privilege,
            routines.drop_default_privilege,
            routines.alter_default_privilege,
        ),
        K.REFERENCE_ROWS: (old.reference_rows, routines.create_rows, routines.drop_rows, routines.alter_rows),
    }


def _kind(
    old: Mapping[Any, Any],
    new: Mapping[Any, Any],
    create: Callable[[Any], list[Change]],
    drop: Callable[[Any], list[Change]],
    alter: Callable[[Any, Any], list[Change]],
) -> list[Change]:
    keys = split_keys(old, new)
    changes: list[Change] = []
    for key in keys.removed:
        changes += drop(old[key])
    for key in keys.added:
        changes += create(new[key])
    for key in keys.common:
        if old[key] != new[key]:
            changes += alter(old[key], new[key])
    return changes


def _relation(rule: Rule) -> QualifiedName:
    return rule.table


def _signature(operator: Operator) -> tuple[str, ...]:
    return operator.signature


def _not_on(objects: Mapping[Any, Any], tables: Set[QualifiedName]) -> dict[Any, Any]:
    """The indexes, triggers or policies of ``objects`` whose table is not in ``tables``."""
    return {k: v for k, v in objects.items() if v.table not in tables}


def _vanishing_grant(old: Catalog, new: Catalog, recreated: set[QualifiedName]) -> Callable[[Grant], bool]:
    """Whether a grant of ``old`` is on an object that is dropped (or recreated), so it goes with it.

    Which kinds each privilege class names comes from the kind descriptors (``grant_on``).
    """
    gone: dict[GrantOn, set] = defaultdict(set)
    for kind in CATALOG_KINDS:
        if kind.grant_on is not None:
            before, after = getattr(old, kind.attribute), getattr(new, kind.attribute)
            gone[kind.grant_on] |= {_granted(key) for key in before.keys() - after.keys()}
    gone[GrantOn.TABLE] |= recreated
    gone[GrantOn.COLUMN] = gone[GrantOn.TABLE]  # column privileges go with their table
    gone[GrantOn.PROCEDURE] = gone[GrantOn.FUNCTION]

    def vanishing(grant: Grant) -> bool:
        target = grant.target
        return (target.routine if target.on.is_routine else target.name) in gone[target.on]

    return vanishing


def _granted(key: Any) -> Any:
    """A catalog key as a grant target names it (a schema's name is ``QualifiedName("", name)``)."""
    return grant_on_schema(key).name if isinstance(key, str) else key


def _with_their_indexes(changes: list[Change], old: Catalog) -> list[Change]:
    """Each dropped table or materialized view with the names of the old indexes that go with it
    (the planner frees those names in the relation namespace after the drop)."""
    on: dict[QualifiedName, list[QualifiedName]] = defaultdict(list)
    for index in old.indexes.values():
        on[index.table].append(index.name)
    result: list[Change] = []
    for change in changes:
        if isinstance(change, DropTable) and on.get(change.table.name):
            change = replace(change, indexes=tuple(sorted(on[change.table.name])))
        elif isinstance(change, DropView) and on.get(change.view.name):
            change = replace(change, indexes=tuple(sorted(on[change.view.name])))
        result.append(change)
    return result


def _columns_using(catalog: Catalog, type_name: QualifiedName) -> tuple[tuple[QualifiedName, Column], ...]:
    return tuple(
        (table.name, column)
        for table in catalog.tables.values()
        if table.partition_of is None
        for column in table.columns
        if type_reference(column.type) == type_name
    )
