"""Inspect gives back range rules and ``audit:``, not the objects they expand into.

A table with a range rule holds, live, the children its periods made (and maybe a
default one), and ``partitions.run_maintenance()`` embeds every rule as one JSON
string. An audited table holds the ``audit_<table>`` trigger, and the ``audit``
schema holds ``change_log`` (itself a rule table) and ``log_changes``. Inspect
folds them back into ``partition_by: {range, interval, start, ahead, retention,
default}`` and ``audit:`` — but only where the builder, given those keys, makes
exactly the live objects. The maintenance function is one for every rule, and the
change log is one of its rules, so the fold is all or nothing over the database:
one hand-made child, one changed object, and everything is written expanded.
The builder is imported by the functions that compare with it: a database without
the maintenance function never loads it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from schemagen.model import Catalog, QualifiedName, Table, Trigger
from schemagen.model.document import SourceDocument
from schemagen.model.pg.sqlparse import NOT_A_CONSTANT, constant_value, parse_expression, tokens
from schemagen.model.settings import ProjectSettings

MAINTENANCE = QualifiedName("partitions", "run_maintenance")
CHANGE_LOG = QualifiedName("audit", "change_log")
RULE_KEYS = frozenset(
    {"schema_name", "table_name", "key_column", "start_at", "step", "name_format", "ahead", "retention"}
)
"""The keys of one rule in the maintenance function's JSON (builder/macros.py ``range_rule``)."""
_MIDNIGHT_UTC = " 00:00:00+00"
_ALL_OPERATIONS = ("INSERT", "UPDATE", "DELETE")


@dataclass(frozen=True)
class FoldedRules:
    """The catalog without the objects rules and audit make, and what to write instead.

    ``rules``: the rule keys of each table's ``partition_by``; ``audit``: each audited
    table's ``audit:`` value; ``audit_settings``: the change log's ``{start, retention}``
    when they are not the defaults (they belong in schemagen.yaml).
    """

    catalog: Catalog
    rules: dict[QualifiedName, dict[str, Any]]
    audit: dict[QualifiedName, Any]
    audit_settings: dict[str, Any] | None = None


def fold_rules(catalog: Catalog, settings: ProjectSettings | None = None) -> FoldedRules:
    """Fold range rules and ``audit:`` back, or nothing when the builder would not recreate it all.

    ``settings`` are those of a schemagen.yaml already in the output (None: there is
    none, inspect may write one): audit folds only when its start and retention are
    theirs.
    """
    unchanged = FoldedRules(catalog, {}, {})
    functions = [f for f in catalog.functions.values() if f.name == MAINTENANCE]
    if len(functions) != 1:
        return unchanged
    rows = embedded_rules(functions[0].body)
    if rows is None:
        return unchanged
    specs: dict[QualifiedName, dict[str, Any]] = {}
    for row in rows:
        name = QualifiedName(row["schema_name"], row["table_name"])
        spec = _spec(catalog, name, row)
        if spec is None:
            return unchanged
        specs[name] = spec
    owned = _owned_by_maintenance(catalog, functions[0], specs)
    if owned is None:
        return unchanged
    busy = _tables_with_own_objects(catalog)
    for name, spec in specs.items():
        children = _owned_children(catalog, catalog.tables[name], spec, busy)
        if children is None:
            return unchanged
        owned.update(("tables", c) for c in children)
    audit = _audit(catalog, specs, settings)
    if audit is None:
        return unchanged
    table_audit, audit_owned, audit_settings = audit
    owned |= audit_owned
    folded = _without(catalog, owned)
    kept = {s for s in (MAINTENANCE.schema, CHANGE_LOG.schema) if _mentions_any(folded, {s})}
    if kept:  # the user's own objects in the macros' schemas: written in the schema's file
        folded = _without(catalog, owned - {("schemas", s) for s in kept})
    rules = {name: {k: v for k, v in spec.items() if k != "range"} for name, spec in specs.items()}
    rules.pop(CHANGE_LOG, None)
    return FoldedRules(folded, rules, table_audit, audit_settings)


def embedded_rules(body: str) -> list[dict[str, Any]] | None:
    """The rules a maintenance function's body embeds: its one string constant holding them as JSON.

    >>> embedded_rules("BEGIN PERFORM f('x', '[]'::jsonb); END")
    []
    >>> embedded_rules("BEGIN PERFORM f('{\\"a\\": 1}'); END") is None
    True
    """
    found = []
    for token in tokens(body) or ():
        value = constant_value(token) if token[:1] in "'eE" else NOT_A_CONSTANT
        if not isinstance(value, str):
            continue
        try:
            data = json.loads(value)
        except ValueError:
            continue
        if isinstance(data, list) and all(isinstance(r, dict) and set(r) == RULE_KEYS for r in data):
            found.append(data)
    return found[0] if len(found) == 1 else None


def _spec(catalog: Catalog, name: QualifiedName, row: dict[str, Any]) -> dict[str, Any] | None:
    """The ``partition_by`` whose rule is ``row`` on the live table ``name``, or None."""
    from schemagen.builder.macros import range_rule
    from schemagen.builder.partitions import partition_rule

    table = catalog.tables.get(name)
    start = str(row["start_at"])
    if table is None or table.partition_of is not None or not start.endswith(_MIDNIGHT_UTC):
        return None
    spec: dict[str, Any] = {
        "range": [row["key_column"]],
        "interval": row["step"],
        "start": start.removesuffix(_MIDNIGHT_UTC),
        "ahead": row["ahead"],
    }
    if row["retention"] is not None:
        spec["retention"] = row["retention"]
    default = QualifiedName(name.schema, f"{name.name}_default")
    child = catalog.tables.get(default)
    if child is not None and child.partition_of is not None and child.partition_of.parent == name:
        spec["default"] = True
    key = table.column(row["key_column"])
    key_type = key.type if key is not None else None
    if partition_rule(spec) is None or range_rule(name, {"partition_by": spec}, key_type) != row:
        return None
    return spec


def _owned_by_maintenance(
    catalog: Catalog, function: Any, specs: dict[QualifiedName, dict[str, Any]]
) -> set[tuple[str, Any]] | None:
    """The maintenance function, its schema and its revoke, when the rules rebuild them exactly."""
    from schemagen.builder import build_catalog
    from schemagen.builder.macros import maintenance_document, range_rule

    rules = [range_rule(n, {"partition_by": s}, _key_type(catalog, n, s)) for n, s in specs.items()]
    document = maintenance_document([r for r in rules if r is not None])
    if document is None:
        return None
    built, _ = build_catalog([document])
    owned = {("functions", function.key)}
    if built.functions.get(function.key) != function:
        return None
    if catalog.schemas.get(MAINTENANCE.schema) == built.schemas.get(MAINTENANCE.schema):
        owned.add(("schemas", MAINTENANCE.schema))  # else (a comment, an owner) it is written
    if any(catalog.grants.get(key) != grant for key, grant in built.grants.items()):
        return None
    owned.update(("grants", key) for key in built.grants)  # grants to the scheduler's role stay
    return owned


def _key_type(catalog: Catalog, name: QualifiedName, spec: dict[str, Any]) -> str | None:
    column = catalog.tables[name].column(spec["range"][0])
    return column.type if column is not None else None


def _owned_children(
    catalog: Catalog, parent: Table, spec: dict[str, Any], busy: set[QualifiedName]
) -> list[QualifiedName] | None:
    """Every live child of ``parent``, when each is a period of its rule or its default, as built,
    and none is in ``busy`` (has objects of its own)."""
    from schemagen.builder.partitions import partition_rule

    rule = partition_rule(spec)
    assert rule is not None
    if parent.partition_by is None or parent.partition_by.keys != tuple(spec["range"]):
        return None
    key_types = {c.name: c.type for c in parent.columns}
    default = _built_children(parent, {**spec, "ahead": 0}, key_types)[-1] if spec.get("default") else None
    names = []
    for child in catalog.partitions_of(parent.name):
        lower = rule.period_of(parent.name.name, child.name.name)
        if default is not None and child.name == default.name:
            expected = default
        elif lower is not None and child.name.schema == parent.name.schema:
            period = {**spec, "start": lower.isoformat(), "ahead": 0, "default": False}
            expected = _built_children(parent, period, key_types)[0]
        else:
            return None
        if child != expected or child.name in busy:
            return None
        names.append(child.name)
    return names


def _built_children(parent: Table, spec: dict[str, Any], key_types: dict[str, str]) -> list[Table]:
    from schemagen.builder.context import BuildContext
    from schemagen.builder.partitions import build_children

    document = SourceDocument("<rule>", {"schema": parent.name.schema})
    ctx = BuildContext(ProjectSettings())
    return build_children(document, ("partition_by",), parent, spec, ctx, key_types)


def _tables_with_own_objects(catalog: Catalog) -> set[QualifiedName]:
    """Tables something is on: an index, trigger, policy, grant, statistics, rows or a partition."""
    return (
        _tables_with_attached(catalog)
        | {i.table for i in catalog.indexes.values()}
        | {g.target.name for g in catalog.grants.values()}
        | {t.partition_of.parent for t in catalog.tables.values() if t.partition_of is not None}
    )


def _tables_with_attached(catalog: Catalog) -> set[QualifiedName]:
    """Tables a trigger, policy, statistics object or reference rows are on.

    They are written inside the table's own entry, so a table left implicit would lose them.
    """
    return (
        {key[0] for key in (*catalog.triggers, *catalog.policies)}
        | {s.table for s in catalog.statistics.values()}
        | set(catalog.reference_rows)
    )


def _audit(
    catalog: Catalog, specs: dict[QualifiedName, dict[str, Any]], settings: ProjectSettings | None
) -> tuple[dict[QualifiedName, Any], set[tuple[str, Any]], dict[str, Any] | None] | None:
    """``audit:`` per table and the audit objects they account for; None when audit cannot fold."""
    from schemagen.builder import build_catalog
    from schemagen.builder.macros import AUDIT_FUNCTION

    if CHANGE_LOG not in specs:
        return {}, set(), None
    triggers = [t for t in catalog.triggers.values() if t.function == AUDIT_FUNCTION]
    values = {t.table: _audit_value(catalog, t) for t in triggers}
    if not triggers or any(v is None for v in values.values()) or len(values) != len(triggers):
        return None
    log = specs[CHANGE_LOG]
    start, retention = log["start"], log.get("retention")
    defaults = ProjectSettings()
    written = None
    if settings is not None:
        if (settings.audit_start, settings.audit_retention) != (start, retention):
            return None
    elif (start, retention) != (defaults.audit_start, defaults.audit_retention):
        written = {"start": start, "retention": retention}
    first = triggers[0]
    document = {"schema": first.table.schema, "tables": {first.table.name: {"columns": {}, "audit": True}}}
    built, _ = build_catalog(
        [SourceDocument("<audit>", document)],
        replace(defaults, audit_start=start, audit_retention=retention),
    )
    if not _same_change_log(built.tables.get(CHANGE_LOG), catalog.tables.get(CHANGE_LOG)):
        return None
    live_indexes = {k: i for k, i in catalog.indexes.items() if i.table == CHANGE_LOG}
    if live_indexes != {k: i for k, i in built.indexes.items() if i.table == CHANGE_LOG}:
        return None
    if CHANGE_LOG in _tables_with_attached(catalog):
        return None
    owned: set[tuple[str, Any]] = {("tables", CHANGE_LOG)}
    owned.update(("indexes", k) for k in live_indexes)
    for key, function in built.functions.items():
        if function.name.schema == CHANGE_LOG.schema:
            if catalog.functions.get(key) != function:
                return None
            owned.add(("functions", key))
    if catalog.schemas.get(CHANGE_LOG.schema) == built.schemas.get(CHANGE_LOG.schema):
        owned.add(("schemas", CHANGE_LOG.schema))  # else (a comment, an owner) it is written
    owned.update(("triggers", t.key) for t in triggers)
    return values, owned, written


def _audit_value(catalog: Catalog, trigger: Trigger) -> Any:
    """The ``audit:`` value that makes ``trigger`` exactly, or None."""
    from schemagen.builder.macros import macro_triggers

    table = catalog.tables.get(trigger.table)
    if table is None or table.partition_of is not None:
        return None
    value: Any = True
    if set(trigger.events) != set(_ALL_OPERATIONS) or trigger.arguments:
        value = {}
        if set(trigger.events) != set(_ALL_OPERATIONS):
            value["operations"] = [e.lower() for e in trigger.events]
        if trigger.arguments:
            value["exclude_columns"] = list(trigger.arguments)
    key = table.primary_key.columns if table.primary_key else ()
    made = macro_triggers(SourceDocument("<audit>", {}), (), table.name, {"audit": value}, key)
    if len(made) != 1 or made[0][0] != replace(trigger, span=made[0][0].span):
        return None
    return value


def _same_change_log(built: Table | None, live: Table | None) -> bool:
    """Whether the live change log is the built one; its CHECK as written or as PostgreSQL prints it."""
    from schemagen.builder.macros import AUDIT_CHECK_READ_BACK

    if built is None or live is None or len(built.checks) != 1 or len(live.checks) != 1:
        return False
    expression = parse_expression(live.checks[0].expression).node
    if expression is None or expression not in (
        parse_expression(built.checks[0].expression).node,
        parse_expression(AUDIT_CHECK_READ_BACK).node,
    ):
        return False
    return replace(live, checks=built.checks) == built


def _without(catalog: Catalog, owned: set[tuple[str, Any]]) -> Catalog:
    changes = {}
    for kind in {kind for kind, _ in owned}:
        keys = {key for k, key in owned if k == kind}
        changes[kind] = {k: v for k, v in getattr(catalog, kind).items() if k not in keys}
    return replace(catalog, **changes)


def _mentions_any(catalog: Catalog, schemas: set[str]) -> bool:
    """Whether any object left in ``catalog`` is in (or is) one of ``schemas``."""
    for f in fields(catalog):
        mapping = getattr(catalog, f.name)
        if f.name == "schemas" and schemas & set(mapping):
            return True
        if f.name != "schemas" and any(_names_schema(key, schemas) for key in mapping):
            return True
        if f.name == "default_privileges" and any(p.schema in schemas for p in mapping.values()):
            return True
    return False


def _names_schema(key: Any, schemas: set[str]) -> bool:
    if isinstance(key, QualifiedName):
        return (key.schema or key.name) in schemas
    if isinstance(key, tuple):
        return any(_names_schema(k, schemas) for k in key)
    if is_dataclass(key) and not isinstance(key, type):
        return any(_names_schema(getattr(key, f.name), schemas) for f in fields(key))
    return False
