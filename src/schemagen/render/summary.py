"""One line per change for a person: ``+ table app.orders``, ``~ column app.users.email: type …``."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass

from schemagen.model import changes as c
from schemagen.model import code_changes as cc
from schemagen.model import foreign_changes as fc
from schemagen.model import opclasses as oc
from schemagen.model import ranges as ra
from schemagen.model import rename_changes as rc
from schemagen.model import safe_changes as sc
from schemagen.model import support_changes as su
from schemagen.model.change import snake_case
from schemagen.model.changes import Change, ColumnChange
from schemagen.model.identity import identity_text
from schemagen.model.names import QualifiedName

SIGNS = {"created": "+", "altered": "~", "dropped": "-"}

KIND_ORDER = (
    "extension",
    "schema",
    "role",
    "enum",
    "domain",
    "type",
    "sequence",
    "table",
    "column",
    "constraint",
    "index",
    "function",
    "procedure",
    "view",
    "materialized view",
    "trigger",
    "policy",
    "grant",
    "default privileges",
    "rows",
    "comment",
    "owner",
)
"""The order of kinds in every report; a kind not listed comes after these, by name."""


@dataclass(frozen=True)
class ChangeSummary:
    """What a change does, in words: its kind, object, action (created/altered/dropped) and detail."""

    kind: str
    object: str
    action: str
    detail: str = ""

    @property
    def sign(self) -> str:
        """``+``, ``~`` or ``-``."""
        return SIGNS[self.action]

    def line(self) -> str:
        """``~ column app.users.email: type text → citext``."""
        return f"{self.sign} {self.kind} {self.object}" + (f": {self.detail}" if self.detail else "")


def kind_rank(kind: str) -> tuple[int, str]:
    """Sort key of a kind: its place in ``KIND_ORDER``, unknown kinds last by name."""
    return (KIND_ORDER.index(kind), "") if kind in KIND_ORDER else (len(KIND_ORDER), kind)


def _arrow(old: object, new: object) -> str:
    return f"{'none' if old is None else old} → {'none' if new is None else new}"


def _column_detail(change: c.AlterColumn) -> str:
    old, new = change.old, change.new
    parts = {
        ColumnChange.TYPE: lambda: f"type {_arrow(old.type, new.type)}",
        ColumnChange.COLLATION: lambda: f"collation {_arrow(old.collation, new.collation)}",
        ColumnChange.DEFAULT: lambda: f"default {_arrow(old.default, new.default)}",
        ColumnChange.NOT_NULL: lambda: "set not null" if new.not_null else "drop not null",
        ColumnChange.IDENTITY: lambda: "identity changed",
        ColumnChange.GENERATED: lambda: f"generated {_arrow(old.generated, new.generated)}",
    }
    return ", ".join(text() for flag, text in parts.items() if flag in change.changes)


def _function_name(function) -> str:
    return f"{function.name}({', '.join(a.type for a in function.arguments if a.mode != 'OUT')})"


def _grant_object(grant) -> str:
    columns = f" ({', '.join(grant.columns)})" if grant.columns else ""
    what = f"{', '.join(grant.privileges)}{columns}"
    return f"{what} on {grant.object_kind.lower()} {grant.target} to {grant.grantee}"


def _owner_object(change: c.SetOwner) -> str:
    base = change.name.name if not change.name.schema else str(change.name)
    return f"{base}({', '.join(change.arguments)})" if change.arguments else base


def _owner_detail(change: c.SetOwner) -> str:
    return f"{change.previous} → {change.owner}" if change.previous else f"→ {change.owner}"


def _comment_object(change: c.SetComment) -> str:
    base = change.name.name if change.kind in ("schema", "extension", "role") else str(change.name)
    if change.arguments:
        base += f"({', '.join(change.arguments)})"
    return f"{base}.{change.member}" if change.member else base


def _describers() -> dict[type[Change], object]:
    created, altered, dropped = "created", "altered", "dropped"
    return {
        c.CreateSchema: lambda x: ("schema", x.schema.name, created, ""),
        c.DropSchema: lambda x: ("schema", x.schema.name, dropped, ""),
        c.CreateExtension: lambda x: ("extension", x.extension.name, created, ""),
        c.DropExtension: lambda x: ("extension", x.extension.name, dropped, ""),
        c.UpdateExtension: lambda x: (
            "extension",
            x.name,
            altered,
            f"version {_arrow(x.old_version, x.new_version)}",
        ),
        c.CreateEnum: lambda x: ("enum", str(x.enum.name), created, ""),
        c.DropEnum: lambda x: ("enum", str(x.enum.name), dropped, ""),
        c.AddEnumValue: lambda x: ("enum", str(x.enum), altered, f"add value {x.label!r}"),
        c.RebuildEnum: lambda x: (
            "enum",
            str(x.new.name),
            altered,
            f"values {', '.join(x.old.labels)} → {', '.join(x.new.labels)}",
        ),
        c.CreateDomain: lambda x: ("domain", str(x.domain.name), created, ""),
        c.DropDomain: lambda x: ("domain", str(x.domain.name), dropped, ""),
        c.AlterDomain: lambda x: ("domain", str(x.new.name), altered, _domain_detail(x)),
        c.AddDomainConstraint: lambda x: ("constraint", f"{x.domain}.{x.check.name}", created, ""),
        c.DropDomainConstraint: lambda x: ("constraint", f"{x.domain}.{x.check.name}", dropped, ""),
        c.CreateCompositeType: lambda x: ("type", str(x.type.name), created, ""),
        c.DropCompositeType: lambda x: ("type", str(x.type.name), dropped, ""),
        ra.CreateRangeType: lambda x: ("type", str(x.type.name), created, ""),
        ra.DropRangeType: lambda x: ("type", str(x.type.name), dropped, ""),
        ra.RenameRangeType: lambda x: ("type", str(x.new.name), altered, f"renamed from {x.old.name}"),
        ra.RebuildRangeType: lambda x: ("type", str(x.new.name), altered, _range_detail(x)),
        su.CreateCollation: lambda x: ("collation", str(x.collation.name), created, ""),
        su.DropCollation: lambda x: ("collation", str(x.collation.name), dropped, ""),
        oc.RenameOperatorFamily: lambda x: (
            "operator family",
            _using(x.family),
            altered,
            f"renamed from {x.old_name}",
        ),
        oc.RenameOperatorClass: lambda x: (
            "operator class",
            _using(x.opclass),
            altered,
            f"renamed from {x.old_name}",
        ),
        oc.CreateOperatorFamily: lambda x: (
            "operator family",
            f"{x.family.name} USING {x.family.using}",
            created,
            "",
        ),
        oc.DropOperatorFamily: lambda x: (
            "operator family",
            f"{x.family.name} USING {x.family.using}",
            dropped,
            "",
        ),
        oc.CreateOperatorClass: lambda x: (
            "operator class",
            f"{x.opclass.name} USING {x.opclass.using}",
            created,
            "",
        ),
        oc.DropOperatorClass: lambda x: (
            "operator class",
            f"{x.opclass.name} USING {x.opclass.using}",
            dropped,
            "",
        ),
        su.CreateOperator: lambda x: ("operator", str(x.operator.key), created, ""),
        su.DropOperator: lambda x: ("operator", str(x.operator.key), dropped, ""),
        su.CreateAggregate: lambda x: ("aggregate", str(x.aggregate.key), created, ""),
        su.DropAggregate: lambda x: ("aggregate", str(x.aggregate.key), dropped, ""),
        su.CreateTextSearchDictionary: lambda x: (
            "text search dictionary",
            str(x.dictionary.name),
            created,
            "",
        ),
        su.DropTextSearchDictionary: lambda x: (
            "text search dictionary",
            str(x.dictionary.name),
            dropped,
            "",
        ),
        su.CreateTextSearchConfiguration: lambda x: (
            "text search configuration",
            str(x.configuration.name),
            created,
            "",
        ),
        su.DropTextSearchConfiguration: lambda x: (
            "text search configuration",
            str(x.configuration.name),
            dropped,
            "",
        ),
        su.CreateEventTrigger: lambda x: ("event trigger", x.trigger.name, created, x.trigger.event),
        su.DropEventTrigger: lambda x: ("event trigger", x.trigger.name, dropped, ""),
        su.SetEventTriggerEnabled: lambda x: (
            "event trigger",
            x.trigger.name,
            altered,
            f"enabled: {x.was} → {x.trigger.enabled}",
        ),
        su.CreateRule: lambda x: ("rule", f"{x.rule.table}.{x.rule.name}", created, x.rule.event.lower()),
        su.DropRule: lambda x: ("rule", f"{x.rule.table}.{x.rule.name}", dropped, ""),
        su.SetRuleEnabled: lambda x: (
            "rule",
            f"{x.rule.table}.{x.rule.name}",
            altered,
            f"enabled: {x.was} → {x.rule.enabled}",
        ),
        fc.CreateForeignDataWrapper: lambda x: ("foreign data wrapper", x.wrapper.name, created, ""),
        fc.DropForeignDataWrapper: lambda x: ("foreign data wrapper", x.wrapper.name, dropped, ""),
        fc.AlterForeignDataWrapper: lambda x: (
            "foreign data wrapper",
            x.new.name,
            altered,
            _options(x.options),
        ),
        fc.CreateServer: lambda x: ("server", x.server.name, created, f"wrapper {x.server.wrapper}"),
        fc.DropServer: lambda x: ("server", x.server.name, dropped, ""),
        fc.RenameServer: lambda x: ("server", x.new_name, altered, f"renamed from {x.old_name}"),
        fc.AlterServer: lambda x: ("server", x.new.name, altered, _options(x.options)),
        fc.CreateUserMapping: lambda x: ("user mapping", x.mapping.name, created, ""),
        fc.DropUserMapping: lambda x: ("user mapping", x.mapping.name, dropped, ""),
        fc.CreateForeignTable: lambda x: (
            "foreign table",
            str(x.table.name),
            created,
            f"server {x.table.server}",
        ),
        fc.DropForeignTable: lambda x: ("foreign table", str(x.table.name), dropped, ""),
        fc.AlterForeignTable: lambda x: (
            "foreign table",
            str(x.new.name),
            altered,
            _table_actions(x.actions),
        ),
        fc.AlterUserMapping: lambda x: ("user mapping", x.new.name, altered, _options(x.options)),
        su.CreatePublication: lambda x: ("publication", x.publication.name, created, ""),
        su.DropPublication: lambda x: ("publication", x.publication.name, dropped, ""),
        su.CreateStatistics: lambda x: ("statistics", str(x.statistics.name), created, ""),
        su.DropStatistics: lambda x: ("statistics", str(x.statistics.name), dropped, ""),
        c.CreateSequence: lambda x: ("sequence", str(x.sequence.name), created, ""),
        c.DropSequence: lambda x: ("sequence", str(x.sequence.name), dropped, ""),
        c.AlterSequence: lambda x: ("sequence", str(x.new.name), altered, "options"),
        c.AlterSequenceOwnedBy: lambda x: (
            "sequence",
            str(x.sequence),
            altered,
            f"owned by {_arrow(_owner(x.old), _owner(x.new))}",
        ),
        c.CreateTable: lambda x: ("table", str(x.table.name), created, ""),
        c.DropTable: lambda x: ("table", str(x.table.name), dropped, ""),
        c.AddColumn: lambda x: ("column", f"{x.table}.{x.column.name}", created, x.column.type),
        c.DropColumn: lambda x: ("column", f"{x.table}.{x.column.name}", dropped, ""),
        c.AlterColumn: lambda x: ("column", f"{x.table}.{x.new.name}", altered, _column_detail(x)),
        c.SetTableLogged: lambda x: ("table", str(x.table), altered, "unlogged" if x.unlogged else "logged"),
        c.SetTableStorage: lambda x: ("table", str(x.table), altered, _storage_detail(x)),
        c.SetClusterOn: lambda x: (
            "table",
            str(x.table),
            altered,
            f"cluster on {x.index}" if x.index else "set without cluster",
        ),
        c.SetIndexStorage: lambda x: ("index", str(x.index), altered, _storage_detail(x)),
        c.SetIndexStatistics: lambda x: (
            "index",
            str(x.index),
            altered,
            f"statistics of key {x.position} {_arrow(x.old_statistics, x.statistics)}",
        ),
        c.SetColumnStatistics: lambda x: (
            "column",
            f"{x.table}.{x.column}",
            altered,
            f"statistics {_arrow(x.old_statistics, x.statistics)}",
        ),
        c.SetColumnStorage: lambda x: (
            "column",
            f"{x.table}.{x.column}",
            altered,
            f"storage {_arrow(x.old_storage, x.storage)}",
        ),
        c.SetColumnCompression: lambda x: (
            "column",
            f"{x.table}.{x.column}",
            altered,
            f"compression {_arrow(x.old_compression, x.compression)}",
        ),
        c.SetColumnOptions: lambda x: (
            "column",
            f"{x.table}.{x.column}",
            altered,
            "options: " + ", ".join([f"{k}={v}" for k, v in x.set] + [f"reset {k}" for k in x.reset]),
        ),
        c.SetReplicaIdentity: lambda x: (
            "table",
            str(x.table),
            altered,
            f"replica identity {_replica_identity(x.old_identity, x.old_index)}"
            f" → {_replica_identity(x.identity, x.index)}",
        ),
        c.AddConstraint: lambda x: ("constraint", f"{x.table}.{x.constraint.name}", created, ""),
        c.DropConstraint: lambda x: ("constraint", f"{x.table}.{x.constraint.name}", dropped, ""),
        c.CreateIndex: lambda x: ("index", str(x.index.name), created, ""),
        c.DropIndex: lambda x: ("index", str(x.index.name), dropped, ""),
        c.SetComment: lambda x: ("comment", f"{x.kind} {_comment_object(x)}", altered, ""),
        c.SetOwner: lambda x: ("owner", f"{x.kind} {_owner_object(x)}", altered, _owner_detail(x)),
        cc.CreateFunction: lambda x: (x.function.kind, _function_name(x.function), created, ""),
        cc.DropFunction: lambda x: (x.function.kind, _function_name(x.function), dropped, ""),
        cc.ReplaceFunction: lambda x: (x.new.kind, _function_name(x.new), altered, "replaced"),
        cc.CreateTrigger: lambda x: ("trigger", f"{x.trigger.table}.{x.trigger.name}", created, ""),
        cc.DropTrigger: lambda x: ("trigger", f"{x.trigger.table}.{x.trigger.name}", dropped, ""),
        cc.SetTriggerEnabled: lambda x: (
            "trigger",
            f"{x.trigger.table}.{x.trigger.name}",
            altered,
            f"enabled: {x.was} → {x.trigger.enabled}",
        ),
        cc.CreateView: lambda x: (_view_kind(x.view), str(x.view.name), created, ""),
        cc.DropView: lambda x: (_view_kind(x.view), str(x.view.name), dropped, ""),
        cc.SetRowLevelSecurity: lambda x: ("table", str(x.table), altered, _rls_detail(x)),
        cc.CreatePolicy: lambda x: ("policy", f"{x.policy.table}.{x.policy.name}", created, ""),
        cc.DropPolicy: lambda x: ("policy", f"{x.policy.table}.{x.policy.name}", dropped, ""),
        cc.CreateRole: lambda x: ("role", x.role.name, created, ""),
        cc.AlterRole: lambda x: ("role", x.new.name, altered, ""),
        cc.GrantPrivileges: lambda x: ("grant", _grant_object(x.grant), created, ""),
        cc.RevokePrivileges: lambda x: ("grant", _grant_object(x.grant), dropped, ""),
        cc.GrantDefaultPrivileges: lambda x: (
            "default privileges",
            _default_object(x.privilege),
            created,
            "",
        ),
        cc.RevokeDefaultPrivileges: lambda x: (
            "default privileges",
            _default_object(x.privilege),
            dropped,
            "",
        ),
        cc.UpsertReferenceRows: lambda x: (
            "rows",
            str(x.rows.table),
            altered,
            f"{len(x.rows.rows)} upserted",
        ),
        cc.DeleteReferenceRows: lambda x: ("rows", str(x.rows.table), dropped, f"{len(x.rows.rows)} deleted"),
        rc.RenameTable: lambda x: ("table", str(x.table.name), altered, f"renamed from {x.old_name}"),
        rc.RenameIndex: lambda x: ("index", str(x.new_name), altered, f"renamed from {x.old_name.name}"),
        rc.RenameObject: lambda x: (
            x.object_kind.lower(),
            identity_text(x.new_name, x.signature),
            altered,
            f"renamed from {x.old_name}",
        ),
        rc.RenameConstraint: lambda x: (
            "constraint",
            f"{x.table}.{x.new_name}",
            altered,
            f"renamed from {x.old_name}",
        ),
        rc.RenameEnumValue: lambda x: (
            "enum",
            str(x.enum),
            altered,
            f"value {x.old_label!r} renamed to {x.new_label!r}",
        ),
        rc.RenameColumn: lambda x: (
            "column",
            f"{x.table}.{x.new_name}",
            altered,
            f"renamed from {x.old_name}",
        ),
        sc.ValidateConstraint: lambda x: ("constraint", f"{x.table}.{x.name}", altered, "validate"),
        sc.AddKeyUsingIndex: lambda x: (
            "constraint",
            f"{x.table}.{x.constraint.name}",
            created,
            "using its concurrently built index",
        ),
        sc.AddNotNullCheck: lambda x: (
            "constraint",
            f"{x.table}.{x.name}",
            created,
            f"NOT VALID check that {x.column} is not null",
        ),
        sc.DropNotNullCheck: lambda x: ("constraint", f"{x.table}.{x.name}", dropped, ""),
    }


def _owner(owner: tuple[QualifiedName, str] | None) -> str | None:
    return None if owner is None else f"{owner[0]}.{owner[1]}"


def _view_kind(view) -> str:
    return "materialized view" if view.materialized else "view"


def _range_detail(change: ra.RebuildRangeType) -> str:
    """What differs between the two definitions, field by field (``subtype a → b``)."""
    parts = []
    for label in ("subtype", "subtype_opclass", "collation", "subtype_diff", "multirange"):
        before, after = getattr(change.old, label), getattr(change.new, label)
        if before != after:
            parts.append(f"{label} {_arrow(before, after)}")
    return ", ".join(parts)


def _domain_detail(change: c.AlterDomain) -> str:
    parts = []
    if change.changed("DEFAULT"):
        parts.append(f"default {_arrow(change.old.default, change.new.default)}")
    if change.changed("NOT_NULL"):
        parts.append("set not null" if change.new.not_null else "drop not null")
    return ", ".join(parts)


def _rls_detail(change: cc.SetRowLevelSecurity) -> str:
    enabled = "row level security " + ("enabled" if change.enabled else "disabled")
    return enabled + (", forced" if change.forced else "")


def _default_object(privilege) -> str:
    owner = f" for {privilege.for_role}" if privilege.for_role else ""
    return (
        f"{', '.join(privilege.privileges)} on {privilege.object_kind} in {privilege.schema}{owner}"
        f" to {privilege.grantee}"
    )


_DESCRIBERS = _describers()


def describe(change: Change) -> ChangeSummary:
    """The summary of one change; a change class this module does not know is described generically."""
    describer = _DESCRIBERS.get(type(change))
    if describer is not None:
        return ChangeSummary(*describer(change))  # type: ignore[operator]
    return _generic(change)


def _generic(change: Change) -> ChangeSummary:
    """``snake_case`` class name as the kind, the first named object as the object."""
    words = snake_case(type(change).__name__).split("_")
    action = {"create": "created", "add": "created", "drop": "dropped", "delete": "dropped"}.get(
        words[0], "altered"
    )
    kind = " ".join(words[1:]) if action != "altered" else " ".join(words)
    return ChangeSummary(kind or words[0], _first_name(change), action)


def _first_name(value: object) -> str:
    if not is_dataclass(value):
        return ""
    for f in fields(value):
        item = getattr(value, f.name)
        if isinstance(item, QualifiedName):
            return str(item)
        name = getattr(item, "name", None)
        if isinstance(name, QualifiedName | str):
            return str(name)
    return ""


def _storage_detail(change) -> str:
    parts = [f"{k}={v}" for k, v in change.set] + [f"reset {k}" for k in change.reset]
    return "storage parameters: " + ", ".join(parts)


def _options(changes: tuple[tuple[str, str, str | None], ...]) -> str:
    """``options: add host, set port`` (names only: option values can be secrets)."""
    return (
        ("options: " + ", ".join(f"{action.lower()} {name}" for action, name, _ in changes))
        if changes
        else ""
    )


def _table_actions(actions: tuple[tuple, ...]) -> str:
    """``add column x, options: set table_name`` (option names only)."""
    words = []
    for action in actions:
        verb = action[0]
        if verb in ("options", "column_options"):
            prefix = "options" if verb == "options" else f"options of {action[1]}"
            words.append(f"{prefix}: " + ", ".join(f"{a.lower()} {n}" for a, n, _ in action[2]))
        elif verb in ("add_column",):
            words.append(f"add column {action[1].name}")
        elif verb == "add_check":
            words.append(f"add check {action[1].name}")
        else:
            words.append(f"{verb.replace('_', ' ')} {action[1]}")
    return ", ".join(words)


def _replica_identity(identity: str, index: str | None) -> str:
    return f"using index {index}" if identity == "index" else identity


def _using(obj) -> str:
    """An operator class or family as ``schema.name USING method``."""
    return f"{obj.name} USING {obj.using}"


def _from(change) -> str:
    """``renamed from schema.old``."""
    return f"renamed from {change.old_name}"
