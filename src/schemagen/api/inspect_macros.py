"""Inspect gives back the macros people wrote: ``updated_at:`` and ``notify:``.

A table stamped or notifying through a macro holds, live, the trigger the macro
creates and its schema holds the macro's support function. Written back as
triggers and functions they would collide with the macro when the user adds it
again, so inspect folds them into the table's macro key — but only where the
builder, given that key, creates exactly the live objects: every trigger that
calls the schema's support function must fold, and the function must be the
macro's own, or nothing of that macro is folded in that schema.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from schemagen.model import Catalog, Function, QualifiedName, Table, Trigger
from schemagen.model.document import SourceDocument
from schemagen.model.pg.sqlparse import parse_expression

SUPPORT_FUNCTIONS = {"updated_at": "set_updated_at", "notify": "notify_change"}
"""Macro key → the trigger function it brings into the table's schema."""

ALL_EVENTS = ("INSERT", "UPDATE", "DELETE")
"""The events a ``notify:`` without ``events`` fires on."""


@dataclass(frozen=True)
class Folded:
    """A catalog with folded macro objects removed, and the macro keys to write per table."""

    catalog: Catalog
    table_keys: dict[QualifiedName, dict[str, Any]]


def fold_macros(catalog: Catalog) -> Folded:
    """Fold the triggers and functions of ``updated_at:`` and ``notify:`` back into those keys."""
    keys: dict[QualifiedName, dict[str, Any]] = defaultdict(dict)
    dropped_triggers: set[tuple[QualifiedName, str]] = set()
    dropped_functions = set()
    for macro, function_name in SUPPORT_FUNCTIONS.items():
        callers: dict[str, list[Trigger]] = defaultdict(list)
        for trigger in catalog.triggers.values():
            if trigger.function.name == function_name and trigger.function.schema == trigger.table.schema:
                callers[trigger.table.schema].append(trigger)
        for schema, triggers in sorted(callers.items()):
            function = _support_function(catalog, schema, function_name)
            if function is None or function != _macro_function(schema, macro):
                continue
            specs = [_spec(catalog, macro, trigger) for trigger in triggers]
            if any(spec is None for spec in specs):
                continue
            for trigger, spec in zip(triggers, specs, strict=True):
                keys[trigger.table][macro] = spec
                dropped_triggers.add(trigger.key)
            dropped_functions.add(function.key)
    if not dropped_triggers:
        return Folded(catalog, {})
    folded = replace(
        catalog,
        triggers={k: t for k, t in catalog.triggers.items() if k not in dropped_triggers},
        functions={k: f for k, f in catalog.functions.items() if k not in dropped_functions},
    )
    return Folded(folded, dict(keys))


def _support_function(catalog: Catalog, schema: str, name: str) -> Function | None:
    found = [f for f in catalog.functions.values() if f.name == QualifiedName(schema, name)]
    return found[0] if len(found) == 1 else None


@cache
def _macro_function(schema: str, macro: str) -> Function | None:
    """The support function the builder brings into ``schema`` for ``macro``."""
    spec: Any = "stamp" if macro == "updated_at" else {"channel": "c"}
    table = {"columns": {"stamp": "timestamptz"}, macro: spec}
    from schemagen.builder import build_catalog  # only for a schema with a macro's function

    built, _ = build_catalog([SourceDocument("<macro>", {"schema": schema, "tables": {"t": table}})])
    return _support_function(built, schema, SUPPORT_FUNCTIONS[macro])


def _spec(catalog: Catalog, macro: str, trigger: Trigger) -> Any:
    """The macro value that recreates ``trigger`` exactly, or None when none does."""
    table = catalog.tables.get(trigger.table)
    if table is None or table.partition_of is not None:
        return None
    if macro == "updated_at":
        if len(trigger.arguments) != 1 or table.column(trigger.arguments[0]) is None:
            return None
        spec: Any = trigger.arguments[0]
    else:
        if not trigger.arguments:
            return None
        spec = {"channel": trigger.arguments[0]}
        if set(trigger.events) != set(ALL_EVENTS):
            spec["events"] = [e.lower() for e in trigger.events]
        columns = list(trigger.arguments[1:])
        if columns != list(_key(table)):
            spec["payload_columns"] = columns
    return spec if _recreates(table, macro, spec, trigger) else None


def _key(table: Table) -> tuple[str, ...]:
    return table.primary_key.columns if table.primary_key else ()


def _recreates(table: Table, macro: str, spec: Any, trigger: Trigger) -> bool:
    from schemagen.builder.macros import macro_triggers

    document = SourceDocument("<macro>", {})
    [(expected, _)] = macro_triggers(document, (), table.name, {macro: spec}, _key(table))
    if macro == "updated_at" and _same_when(trigger.when):
        expected = replace(expected, when=trigger.when)
    return expected == replace(trigger, span=expected.span)


def _same_when(when: str | None) -> bool:
    """Whether ``when`` is the updated_at macro's WHEN, as written or as PostgreSQL prints it."""
    if when is None:
        return False
    from schemagen.builder.macros import UPDATED_AT_WHEN, UPDATED_AT_WHEN_READ_BACK

    node = parse_expression(when).node
    return node is not None and node in (
        parse_expression(UPDATED_AT_WHEN).node,
        parse_expression(UPDATED_AT_WHEN_READ_BACK).node,
    )
