"""Planner facts per change class, kept together kind by kind: phase and sort key, hazards.

Every change class has exactly one entry: a create/alter has a sort key (its
phase first, from the kind descriptor), a drop has its place among the drops
(phase 0), and each states its hazards (an empty set is stated too). The
dependency rules (what a change creates, drops and needs) are in ``refs.py`` and
``code_refs.py``. ``facts_of`` refuses a class without an entry, and a test
checks every class has one, so nothing falls into a default phase.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from schemagen.model import changes as ch
from schemagen.model import code_changes as cc
from schemagen.model import foreign_changes as fc
from schemagen.model import opclasses as oc
from schemagen.model import ranges as ra
from schemagen.model import rename_changes as rc
from schemagen.model import safe_changes as sc
from schemagen.model import support_changes as su
from schemagen.model.kinds import ObjectKind, comment_kind, descriptor
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ForeignKey
from schemagen.model.planned import Hazard
from schemagen.plan.rewrites import column_hazards

H = Hazard
K = ObjectKind

RENAME_PHASE = 1
"""Declared renames, before every change using the new names."""
FOREIGN_KEY_PHASE = 15
"""Foreign keys: after every table and its keys, before views."""

HazardRule = frozenset[Hazard] | Callable[[Any], frozenset[Hazard]]


@dataclass(frozen=True)
class ChangeFacts:
    """What the planner knows about one change class.

    Attributes:
        kind: the object kind the change works on (None: any kind, named by the change).
        hazards: the hazards of every such change, or a function of the change's values
            (required: "none" is written ``NO_HAZARDS``).
        key: for a create or alter, ``change → (phase, group, sub-order[, name])``.
        drop: for a drop, its sub-order among the drops (which all run in phase 0).
    """

    kind: ObjectKind | None
    hazards: HazardRule
    key: Callable[[Any], tuple] | None = None
    drop: int | None = None

    def __post_init__(self) -> None:
        if (self.key is None) == (self.drop is None):
            raise ValueError("a change has either a sort key or a drop order, not both or neither")

    def sort_key(self, change: ch.Change) -> tuple:
        """(phase, group, sub-order, name), padded to four parts."""
        key = (0, (), self.drop) if self.key is None else self.key(change)
        return key + ("",) * (4 - len(key))

    def hazards_of(self, change: ch.Change) -> frozenset[Hazard]:
        """The hazards of ``change``."""
        return self.hazards(change) if callable(self.hazards) else self.hazards


def phase(kind: ObjectKind) -> int:
    """The plan phase a kind is created in (from its descriptor)."""
    return descriptor(kind).phase


def _in(name: QualifiedName) -> tuple[str, str]:
    return (name.schema, name.name)


def _comment_key(c: ch.SetComment) -> tuple:
    group = (c.name.name,) if not c.name.schema else _in(c.name)
    return (phase(comment_kind(c.kind)), group, 5, c.member or "")


def _owner_key(c: ch.SetOwner) -> tuple:
    """After every object is made, before the grants (whose group never starts with "")."""
    return (phase(K.GRANT), ("", c.kind), 0, f"{c.name.schema}.{c.name.name}({', '.join(c.arguments)})")


def _owner_change(c: ch.SetOwner) -> frozenset[Hazard]:
    """Another owner holds every privilege on the object, views and SECURITY DEFINER functions run as it,
    and only it passes by row-level security: what roles can see or do changes. A new object's owner
    changes nothing anyone had."""
    return frozenset({H.CHANGES_VISIBILITY}) if c.previous is not None else frozenset()


def _constraint_key(c: ch.AddConstraint) -> tuple:
    if isinstance(c.constraint, ForeignKey):
        return (FOREIGN_KEY_PHASE, _in(c.table), 0)
    return (phase(K.CONSTRAINT), _in(c.table), 4)


def _grant_key(c: cc.GrantPrivileges) -> tuple:
    return (phase(K.GRANT), (str(c.grant.target.on), str(c.grant.target)), 0, c.grant.grantee)


def _default_privilege_key(c: cc.GrantDefaultPrivileges) -> tuple:
    p = c.privilege
    return (phase(K.DEFAULT_PRIVILEGE), (p.schema or "", p.object_kind), 1, p.grantee)


def _index_build(c: ch.CreateIndex) -> frozenset[Hazard]:
    return frozenset({H.INDEX_BUILD if c.concurrently else H.INDEX_BUILD_BLOCKS_WRITES})


def _index_drop(c: ch.DropIndex) -> frozenset[Hazard]:
    return frozenset() if c.concurrently else _LOCK


def _add_constraint(c: ch.AddConstraint) -> frozenset[Hazard]:
    """A FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables; NOT VALID skips the scan."""
    lock = {H.BLOCKS_WRITES} if isinstance(c.constraint, ForeignKey) else {H.ACCESS_EXCLUSIVE_LOCK}
    scan = set() if getattr(c.constraint, "not_valid", False) else {H.VALIDATES_ROWS}
    return frozenset(lock | scan)


def _alter_column(c: ch.AlterColumn) -> frozenset[Hazard]:
    """Its aspects' hazards (a type change only when it rewrites); a checked SET NOT NULL scans nothing."""
    found = _LOCK | column_hazards(c)
    return found - {H.VALIDATES_ROWS} if c.not_null_checked else found


_LOCK = frozenset({H.ACCESS_EXCLUSIVE_LOCK})


def _role_powers(c: cc.AlterRole) -> frozenset[Hazard]:
    """A role that gains or loses SUPERUSER or BYPASSRLS sees other rows than before."""
    old, new = c.old, c.new
    if (old.superuser, old.bypass_rls) != (new.superuser, new.bypass_rls):
        return frozenset({H.CHANGES_VISIBILITY})
    return NO_HAZARDS


_DROPS_DATA = frozenset({H.DELETES_DATA})
NO_HAZARDS: frozenset[Hazard] = frozenset()
"""Stated for a change that carries none."""

FACTS: dict[type[ch.Change], ChangeFacts] = {
    # roles
    cc.CreateRole: ChangeFacts(K.ROLE, hazards=NO_HAZARDS, key=lambda c: (phase(K.ROLE), (c.role.name,), 0)),
    cc.AlterRole: ChangeFacts(K.ROLE, hazards=_role_powers, key=lambda c: (phase(K.ROLE), (c.new.name,), 0)),
    # schemas and extensions
    ch.CreateSchema: ChangeFacts(
        K.SCHEMA, hazards=NO_HAZARDS, key=lambda c: (phase(K.SCHEMA), (c.schema.name,), 0)
    ),
    ch.DropSchema: ChangeFacts(K.SCHEMA, drop=7, hazards=_DROPS_DATA),
    ch.CreateExtension: ChangeFacts(
        K.EXTENSION, hazards=NO_HAZARDS, key=lambda c: (phase(K.EXTENSION), (c.extension.name,), 0)
    ),
    ch.DropExtension: ChangeFacts(K.EXTENSION, drop=6, hazards=_DROPS_DATA),
    ch.UpdateExtension: ChangeFacts(
        K.EXTENSION, key=lambda c: (phase(K.EXTENSION), (c.name,), 1), hazards=frozenset({H.IRREVERSIBLE})
    ),
    # enums
    ch.CreateEnum: ChangeFacts(
        K.ENUM, hazards=NO_HAZARDS, key=lambda c: (phase(K.ENUM), _in(c.enum.name), 0)
    ),
    ch.AddEnumValue: ChangeFacts(
        K.ENUM,
        key=lambda c: (phase(K.ENUM), _in(c.enum), 1),
        hazards=frozenset({H.IRREVERSIBLE, H.USABLE_AFTER_COMMIT}),
    ),
    ch.RebuildEnum: ChangeFacts(
        K.ENUM,
        key=lambda c: (phase(K.TABLE), _in(c.new.name), 9),
        hazards=frozenset({H.ENUM_REBUILD, H.TABLE_REWRITE, H.ACCESS_EXCLUSIVE_LOCK}),
    ),
    ch.DropEnum: ChangeFacts(K.ENUM, hazards=NO_HAZARDS, drop=5),
    # domains
    ch.CreateDomain: ChangeFacts(
        K.DOMAIN, hazards=NO_HAZARDS, key=lambda c: (phase(K.DOMAIN), _in(c.domain.name), 0)
    ),
    ch.AlterDomain: ChangeFacts(
        K.DOMAIN, hazards=NO_HAZARDS, key=lambda c: (phase(K.DOMAIN), _in(c.new.name), 1)
    ),
    ch.DropDomain: ChangeFacts(K.DOMAIN, hazards=NO_HAZARDS, drop=5),
    ch.AddDomainConstraint: ChangeFacts(
        K.DOMAIN_CONSTRAINT,
        key=lambda c: (phase(K.DOMAIN_CONSTRAINT), _in(c.domain), 2),
        hazards=frozenset({H.VALIDATES_ROWS}),
    ),
    ch.DropDomainConstraint: ChangeFacts(K.DOMAIN_CONSTRAINT, hazards=NO_HAZARDS, drop=0),
    # composite types
    ch.CreateCompositeType: ChangeFacts(
        K.COMPOSITE_TYPE, hazards=NO_HAZARDS, key=lambda c: (phase(K.COMPOSITE_TYPE), _in(c.type.name), 0)
    ),
    ch.DropCompositeType: ChangeFacts(K.COMPOSITE_TYPE, hazards=NO_HAZARDS, drop=5),
    # range types (model/ranges.py)
    ra.CreateRangeType: ChangeFacts(
        K.RANGE_TYPE, hazards=NO_HAZARDS, key=lambda c: (phase(K.RANGE_TYPE), _in(c.type.name), 0)
    ),
    ra.DropRangeType: ChangeFacts(K.RANGE_TYPE, hazards=NO_HAZARDS, drop=5),
    ra.RebuildRangeType: ChangeFacts(
        K.RANGE_TYPE,
        key=lambda c: (phase(K.TABLE), _in(c.new.name), 9),
        hazards=frozenset({H.RANGE_REBUILD, H.TABLE_REWRITE, H.ACCESS_EXCLUSIVE_LOCK}),
    ),
    ra.RenameRangeType: ChangeFacts(
        K.RANGE_TYPE,
        key=lambda c: (RENAME_PHASE, _in(c.old.name), 5, "TYPE"),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    # collations, operators, aggregates, text search (support_changes.py)
    su.CreateCollation: ChangeFacts(
        K.COLLATION, hazards=NO_HAZARDS, key=lambda c: (phase(K.COLLATION), _in(c.collation.name), 2)
    ),
    su.DropCollation: ChangeFacts(K.COLLATION, hazards=NO_HAZARDS, drop=5),
    su.CreateOperator: ChangeFacts(
        K.OPERATOR,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.OPERATOR), _in(c.operator.name), 6, ", ".join(c.operator.signature)),
    ),
    su.DropOperator: ChangeFacts(K.OPERATOR, hazards=NO_HAZARDS, drop=4),
    oc.CreateOperatorFamily: ChangeFacts(
        K.OPERATOR_FAMILY,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.OPERATOR_FAMILY), _in(c.family.name), 7, c.family.using),
    ),
    oc.DropOperatorFamily: ChangeFacts(K.OPERATOR_FAMILY, hazards=NO_HAZARDS, drop=3),
    oc.CreateOperatorClass: ChangeFacts(
        K.OPERATOR_CLASS,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.OPERATOR_CLASS), _in(c.opclass.name), 8, c.opclass.using),
    ),
    oc.DropOperatorClass: ChangeFacts(K.OPERATOR_CLASS, hazards=NO_HAZARDS, drop=3),
    oc.RenameOperatorFamily: ChangeFacts(
        K.OPERATOR_FAMILY,
        key=lambda c: (RENAME_PHASE, _in(c.old_name), 5, "OPERATOR FAMILY"),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    oc.RenameOperatorClass: ChangeFacts(
        K.OPERATOR_CLASS,
        key=lambda c: (RENAME_PHASE, _in(c.old_name), 5, "OPERATOR CLASS"),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    su.CreateAggregate: ChangeFacts(
        K.AGGREGATE,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.AGGREGATE), _in(c.aggregate.name), 6, ", ".join(c.aggregate.identity_types)),
    ),
    su.DropAggregate: ChangeFacts(K.AGGREGATE, hazards=NO_HAZARDS, drop=4),
    su.CreateTextSearchDictionary: ChangeFacts(
        K.TEXT_SEARCH_DICTIONARY,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.TEXT_SEARCH_DICTIONARY), _in(c.dictionary.name), 3),
    ),
    su.DropTextSearchDictionary: ChangeFacts(K.TEXT_SEARCH_DICTIONARY, hazards=NO_HAZARDS, drop=5),
    su.CreateTextSearchConfiguration: ChangeFacts(
        K.TEXT_SEARCH_CONFIGURATION,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.TEXT_SEARCH_CONFIGURATION), _in(c.configuration.name), 4),
    ),
    su.DropTextSearchConfiguration: ChangeFacts(K.TEXT_SEARCH_CONFIGURATION, hazards=NO_HAZARDS, drop=5),
    su.CreateEventTrigger: ChangeFacts(
        K.EVENT_TRIGGER, hazards=NO_HAZARDS, key=lambda c: (phase(K.EVENT_TRIGGER), (c.trigger.name,), 0)
    ),
    su.DropEventTrigger: ChangeFacts(K.EVENT_TRIGGER, hazards=NO_HAZARDS, drop=0),
    su.SetEventTriggerEnabled: ChangeFacts(
        K.EVENT_TRIGGER, hazards=NO_HAZARDS, key=lambda c: (phase(K.EVENT_TRIGGER), (c.trigger.name,), 1)
    ),
    su.CreateRule: ChangeFacts(
        K.RULE, hazards=NO_HAZARDS, key=lambda c: (phase(K.RULE), _in(c.rule.table), 13, c.rule.name)
    ),
    su.DropRule: ChangeFacts(K.RULE, hazards=NO_HAZARDS, drop=0),
    su.SetRuleEnabled: ChangeFacts(
        K.RULE, hazards=NO_HAZARDS, key=lambda c: (phase(K.RULE), _in(c.rule.table), 14, c.rule.name)
    ),
    # foreign data: wrappers, servers, user mappings (database-wide)
    fc.CreateForeignDataWrapper: ChangeFacts(
        K.FOREIGN_DATA_WRAPPER,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.FOREIGN_DATA_WRAPPER), (c.wrapper.name,), 6),
    ),
    fc.AlterForeignDataWrapper: ChangeFacts(
        K.FOREIGN_DATA_WRAPPER,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.FOREIGN_DATA_WRAPPER), (c.new.name,), 6),
    ),
    fc.DropForeignDataWrapper: ChangeFacts(K.FOREIGN_DATA_WRAPPER, hazards=NO_HAZARDS, drop=5),
    fc.CreateServer: ChangeFacts(
        K.FOREIGN_SERVER, hazards=NO_HAZARDS, key=lambda c: (phase(K.FOREIGN_SERVER), (c.server.name,), 7)
    ),
    fc.AlterServer: ChangeFacts(
        K.FOREIGN_SERVER, hazards=NO_HAZARDS, key=lambda c: (phase(K.FOREIGN_SERVER), (c.new.name,), 7)
    ),
    fc.DropServer: ChangeFacts(K.FOREIGN_SERVER, hazards=NO_HAZARDS, drop=5),
    fc.RenameServer: ChangeFacts(
        K.FOREIGN_SERVER,
        hazards=frozenset({H.RENAMES_IN_USE}),
        key=lambda c: (RENAME_PHASE, (c.old_name,), 6),
    ),
    fc.CreateUserMapping: ChangeFacts(
        K.USER_MAPPING, hazards=NO_HAZARDS, key=lambda c: (phase(K.USER_MAPPING), c.mapping.key, 8)
    ),
    fc.AlterUserMapping: ChangeFacts(
        K.USER_MAPPING, hazards=NO_HAZARDS, key=lambda c: (phase(K.USER_MAPPING), c.new.key, 8)
    ),
    fc.DropUserMapping: ChangeFacts(K.USER_MAPPING, hazards=NO_HAZARDS, drop=4),
    fc.CreateForeignTable: ChangeFacts(
        K.FOREIGN_TABLE, hazards=NO_HAZARDS, key=lambda c: (phase(K.FOREIGN_TABLE), _in(c.table.name), 0)
    ),
    fc.AlterForeignTable: ChangeFacts(
        K.FOREIGN_TABLE, hazards=_LOCK, key=lambda c: (phase(K.FOREIGN_TABLE), _in(c.new.name), 1)
    ),
    fc.DropForeignTable: ChangeFacts(K.FOREIGN_TABLE, hazards=_LOCK, drop=3),
    su.CreatePublication: ChangeFacts(
        K.PUBLICATION, hazards=NO_HAZARDS, key=lambda c: (phase(K.PUBLICATION), (c.publication.name,), 0)
    ),
    su.DropPublication: ChangeFacts(K.PUBLICATION, hazards=NO_HAZARDS, drop=0),
    su.CreateStatistics: ChangeFacts(
        K.STATISTICS,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.STATISTICS), _in(c.statistics.table), 9, c.statistics.name.name),
    ),
    su.DropStatistics: ChangeFacts(K.STATISTICS, hazards=NO_HAZARDS, drop=0),
    # sequences
    ch.CreateSequence: ChangeFacts(
        K.SEQUENCE, hazards=NO_HAZARDS, key=lambda c: (phase(K.SEQUENCE), _in(c.sequence.name), 0)
    ),
    ch.AlterSequence: ChangeFacts(
        K.SEQUENCE, hazards=NO_HAZARDS, key=lambda c: (phase(K.SEQUENCE), _in(c.new.name), 0)
    ),
    ch.AlterSequenceOwnedBy: ChangeFacts(
        K.SEQUENCE, hazards=NO_HAZARDS, key=lambda c: (phase(K.VIEW), _in(c.sequence), 1)
    ),
    ch.DropSequence: ChangeFacts(K.SEQUENCE, drop=4, hazards=_DROPS_DATA),
    # functions
    cc.CreateFunction: ChangeFacts(
        K.FUNCTION,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.FUNCTION), _in(c.function.name), 5, ", ".join(c.function.identity_types)),
    ),
    cc.ReplaceFunction: ChangeFacts(
        K.FUNCTION,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.FUNCTION), _in(c.new.name), 5, ", ".join(c.new.identity_types)),
    ),
    cc.DropFunction: ChangeFacts(K.FUNCTION, hazards=NO_HAZARDS, drop=4),
    # tables
    rc.RenameTable: ChangeFacts(
        K.TABLE,
        key=lambda c: (RENAME_PHASE, _in(c.old_name), 0),
        hazards=frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.RENAMES_IN_USE}),
    ),
    ch.CreateTable: ChangeFacts(
        K.TABLE, hazards=NO_HAZARDS, key=lambda c: (phase(K.TABLE), _in(c.table.name), 0)
    ),
    ch.SetTableLogged: ChangeFacts(
        K.TABLE,
        key=lambda c: (phase(K.TABLE), _in(c.table), 1),
        hazards=frozenset({H.TABLE_REWRITE, H.ACCESS_EXCLUSIVE_LOCK}),
    ),
    ch.SetTableStorage: ChangeFacts(
        K.TABLE, key=lambda c: (phase(K.TABLE), _in(c.table), 2), hazards=NO_HAZARDS
    ),
    ch.SetClusterOn: ChangeFacts(
        K.TABLE, key=lambda c: (phase(K.TABLE), _in(c.table), 3), hazards=NO_HAZARDS
    ),
    ch.SetReplicaIdentity: ChangeFacts(
        K.TABLE, key=lambda c: (phase(K.TABLE), _in(c.table), 4), hazards=_LOCK
    ),
    cc.SetRowLevelSecurity: ChangeFacts(
        K.TABLE,
        key=lambda c: (phase(K.TABLE), _in(c.table), 10),
        hazards=frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.CHANGES_VISIBILITY}),
    ),
    ch.DropTable: ChangeFacts(K.TABLE, drop=3, hazards=_DROPS_DATA | _LOCK),
    # columns
    rc.RenameColumn: ChangeFacts(
        K.COLUMN,
        key=lambda c: (RENAME_PHASE, _in(c.table), 1, c.old_name),
        hazards=frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.RENAMES_IN_USE}),
    ),
    rc.RenameIndex: ChangeFacts(
        K.INDEX,
        key=lambda c: (RENAME_PHASE, _in(c.old_name), 2),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    rc.RenameConstraint: ChangeFacts(
        K.CONSTRAINT,
        key=lambda c: (RENAME_PHASE, _in(c.table), 3, c.old_name),
        hazards=frozenset({H.ACCESS_EXCLUSIVE_LOCK, H.RENAMES_IN_USE}),
    ),
    rc.RenameObject: ChangeFacts(
        None,
        key=lambda c: (RENAME_PHASE, _in(c.old_name), 5, c.object_kind),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    rc.RenameEnumValue: ChangeFacts(
        K.ENUM,
        key=lambda c: (RENAME_PHASE, _in(c.enum), 4, c.old_label),
        hazards=frozenset({H.RENAMES_IN_USE}),
    ),
    ch.AddColumn: ChangeFacts(K.COLUMN, key=lambda c: (phase(K.COLUMN), _in(c.table), 2), hazards=_LOCK),
    ch.AlterColumn: ChangeFacts(
        K.COLUMN,
        key=lambda c: (phase(K.COLUMN), _in(c.table), 3),
        hazards=_alter_column,
    ),
    ch.DropColumn: ChangeFacts(K.COLUMN, drop=2, hazards=_DROPS_DATA | _LOCK),
    ch.SetColumnStatistics: ChangeFacts(
        K.COLUMN, key=lambda c: (phase(K.COLUMN), _in(c.table), 4, c.column), hazards=NO_HAZARDS
    ),
    ch.SetColumnStorage: ChangeFacts(
        K.COLUMN, key=lambda c: (phase(K.COLUMN), _in(c.table), 5, c.column), hazards=_LOCK
    ),
    ch.SetColumnCompression: ChangeFacts(
        K.COLUMN, key=lambda c: (phase(K.COLUMN), _in(c.table), 6, c.column), hazards=_LOCK
    ),
    ch.SetColumnOptions: ChangeFacts(
        K.COLUMN, key=lambda c: (phase(K.COLUMN), _in(c.table), 7, c.column), hazards=NO_HAZARDS
    ),
    # constraints
    ch.AddConstraint: ChangeFacts(K.CONSTRAINT, key=_constraint_key, hazards=_add_constraint),
    ch.DropConstraint: ChangeFacts(K.CONSTRAINT, hazards=NO_HAZARDS, drop=0),
    # the safe rewrites of a live plan (plan/safety.py inserts them after ordering, next to
    # the change they rewrite; their keys place them the same way)
    sc.AddNotNullCheck: ChangeFacts(
        K.CONSTRAINT, key=lambda c: (phase(K.COLUMN), _in(c.table), 3), hazards=_LOCK
    ),
    sc.DropNotNullCheck: ChangeFacts(
        K.CONSTRAINT, key=lambda c: (phase(K.COLUMN), _in(c.table), 3), hazards=_LOCK
    ),
    sc.AddKeyUsingIndex: ChangeFacts(
        K.CONSTRAINT, key=lambda c: (phase(K.CONSTRAINT), _in(c.table), 8), hazards=_LOCK
    ),
    sc.ValidateConstraint: ChangeFacts(
        K.CONSTRAINT,
        key=lambda c: (FOREIGN_KEY_PHASE, _in(c.table), 1),
        hazards=frozenset({H.VALIDATES_ROWS_ONLINE}),
    ),
    # indexes
    ch.CreateIndex: ChangeFacts(
        K.INDEX,
        key=lambda c: (phase(K.INDEX), _in(c.index.table), 8, c.index.name.name),
        hazards=_index_build,
    ),
    ch.DropIndex: ChangeFacts(K.INDEX, drop=1, hazards=_index_drop),
    ch.SetIndexStorage: ChangeFacts(
        K.CONSTRAINT,
        key=lambda c: (phase(K.CONSTRAINT), _in(c.table), 9, c.constraint),
        hazards=NO_HAZARDS,
    ),
    ch.SetIndexStatistics: ChangeFacts(
        K.INDEX,
        key=lambda c: (phase(K.INDEX), _in(c.index), 9, c.position),
        hazards=NO_HAZARDS,
    ),
    # views, policies, triggers
    cc.CreateView: ChangeFacts(
        K.VIEW, hazards=NO_HAZARDS, key=lambda c: (phase(K.VIEW), _in(c.view.name), 0)
    ),
    cc.DropView: ChangeFacts(K.VIEW, hazards=NO_HAZARDS, drop=0),
    cc.CreatePolicy: ChangeFacts(
        K.POLICY, hazards=NO_HAZARDS, key=lambda c: (phase(K.POLICY), _in(c.policy.table), 11, c.policy.name)
    ),
    cc.DropPolicy: ChangeFacts(K.POLICY, hazards=NO_HAZARDS, drop=0),
    cc.CreateTrigger: ChangeFacts(
        K.TRIGGER,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.TRIGGER), _in(c.trigger.table), 12, c.trigger.name),
    ),
    cc.DropTrigger: ChangeFacts(K.TRIGGER, hazards=NO_HAZARDS, drop=0),
    cc.SetTriggerEnabled: ChangeFacts(
        K.TRIGGER,
        hazards=NO_HAZARDS,
        key=lambda c: (phase(K.TRIGGER), _in(c.trigger.table), 13, c.trigger.name),
    ),
    # comments (placed right after the object they describe; see order.py)
    ch.SetComment: ChangeFacts(None, hazards=NO_HAZARDS, key=_comment_key),
    # owners (``owners: managed``)
    ch.SetOwner: ChangeFacts(None, hazards=_owner_change, key=_owner_key),
    # privileges
    cc.GrantPrivileges: ChangeFacts(K.GRANT, hazards=NO_HAZARDS, key=_grant_key),
    cc.RevokePrivileges: ChangeFacts(K.GRANT, hazards=NO_HAZARDS, drop=0),
    cc.GrantDefaultPrivileges: ChangeFacts(
        K.DEFAULT_PRIVILEGE, hazards=NO_HAZARDS, key=_default_privilege_key
    ),
    cc.RevokeDefaultPrivileges: ChangeFacts(K.DEFAULT_PRIVILEGE, hazards=NO_HAZARDS, drop=0),
    # reference rows
    cc.UpsertReferenceRows: ChangeFacts(
        K.REFERENCE_ROWS, hazards=NO_HAZARDS, key=lambda c: (phase(K.REFERENCE_ROWS), _in(c.rows.table), 0)
    ),
    cc.DeleteReferenceRows: ChangeFacts(K.REFERENCE_ROWS, drop=0, hazards=_DROPS_DATA),
}
"""Every change class → its planner facts (a test checks every class is here)."""


def facts_of(change_class: type[ch.Change]) -> ChangeFacts:
    """The facts of a change class; a class without facts is a bug, never a default."""
    try:
        return FACTS[change_class]
    except KeyError:
        raise TypeError(f"no planner facts for {change_class.__name__} (add it to plan/facts.py)") from None
