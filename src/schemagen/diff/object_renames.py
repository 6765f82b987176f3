"""Declared renames of types, domains, sequences, views, foreign tables and routines (``renamed_from:``).

When the live catalog has an object under the previous name and none under the new
one, the old catalog is rewritten under the new name (so every comparator sees the
object as kept: no drop and create, dependents and grants stay) and a
``RenameObject`` says so. PostgreSQL refers to these objects by OID, so columns of
a renamed type, triggers of a renamed function and grants follow the rename; the
rewrite does the same to the old catalog. Texts that name the old object (a view
query, a default's ``nextval('old')``) are compared as usual.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change
from schemagen.model.identity import routine_id
from schemagen.model.names import QualifiedName
from schemagen.model.opclasses import RenameOperatorClass, RenameOperatorFamily
from schemagen.model.pg.types import parse_type_name
from schemagen.model.ranges import RangeType, RenameRangeType
from schemagen.model.rename_changes import RenameObject

_TYPES = (("enums", "TYPE"), ("composite_types", "TYPE"), ("range_types", "TYPE"), ("domains", "DOMAIN"))


def rename_objects(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    """``old`` with the declared renames of types, sequences, views and routines applied, and the changes."""
    changes: list[Change] = []
    for attribute, word in (
        *_TYPES,
        ("sequences", "SEQUENCE"),
        ("views", "VIEW"),
        ("foreign_tables", "FOREIGN TABLE"),
    ):
        for declared in getattr(new, attribute).values():
            previous = _previous(declared)
            current = getattr(old, attribute)
            if previous is None or previous not in current or declared.name in current:
                continue
            if attribute == "views":
                if current[previous].materialized != declared.materialized:
                    continue
                word = "MATERIALIZED VIEW" if declared.materialized else "VIEW"
            if attribute == "range_types":
                old, change = _range_renamed(old, current[previous], declared)
                changes.append(change)
                continue
            old = _moved(old, attribute, previous, declared.name)
            if (attribute, word) in _TYPES:
                old = _retyped(old, previous, declared.name)
            changes.append(RenameObject(word, previous, declared.name))
    for attribute in ("operator_families", "operator_classes"):
        old, found = _opclasses_renamed(old, new, attribute)
        changes += found
    for function in new.functions.values():
        previous = _previous(function)
        if previous is None:
            continue
        before = routine_id(previous, function.identity_types)
        if before not in old.functions or function.key in old.functions:
            continue
        old = _routine_moved(old, before, function.name)
        changes.append(RenameObject(function.kind.upper(), previous, function.name, function.identity_types))
    return old, changes


def _opclasses_renamed(old: Catalog, new: Catalog, attribute: str) -> tuple[Catalog, list[Change]]:
    """Families or classes renamed in place (per index method), and ``old`` under the new names."""
    changes: list[Change] = []
    for declared in getattr(new, attribute).values():
        previous = _previous(declared)
        current = getattr(old, attribute)
        before = None if previous is None else current.get((previous, declared.using))
        if before is None or declared.key in current:
            continue
        moved = replace(before, name=declared.name)
        objects = {k: v for k, v in current.items() if k != before.key}
        objects[moved.key] = moved
        old = replace(old, **{attribute: dict(sorted(objects.items()))})
        if attribute == "operator_families":
            changes.append(RenameOperatorFamily(previous, moved))
        else:
            changes.append(RenameOperatorClass(previous, moved))
    return old, changes


def _range_renamed(old: Catalog, before: RangeType, declared: RangeType) -> tuple[Catalog, Change]:
    """A range renamed with its constructors, and its multirange (and theirs) when declared so."""
    after = replace(before, name=declared.name, multirange=declared.multirange)
    old = _moved(old, "range_types", before.name, declared.name)
    old = replace(old, range_types={**old.range_types, declared.name: after})
    old = _retyped(_retyped(old, before.name, after.name), before.multirange_name, after.multirange_name)
    return old, RenameRangeType(before, after)


def _previous(declared: Any) -> QualifiedName | None:
    if not declared.renamed_from:
        return None
    return QualifiedName.parse(declared.renamed_from, declared.name.schema)


def _moved(catalog: Catalog, attribute: str, before: QualifiedName, after: QualifiedName) -> Catalog:
    objects = dict(getattr(catalog, attribute))
    objects[after] = replace(objects.pop(before), name=after)
    return _regranted(replace(catalog, **{attribute: dict(sorted(objects.items()))}), before, after, None)


def _routine_moved(catalog: Catalog, before: Any, after: QualifiedName) -> Catalog:
    functions = dict(catalog.functions)
    moved = replace(functions.pop(before), name=after)
    functions[moved.key] = moved
    only = sum(1 for f in catalog.functions.values() if f.name == before.name) == 1
    triggers = {}
    for trigger in catalog.triggers.values():
        if only and trigger.function == before.name:
            trigger = replace(trigger, function=after)
        triggers[trigger.key] = trigger
    catalog = replace(
        catalog,
        functions=dict(sorted(functions.items())),
        triggers=dict(sorted(triggers.items())),
    )
    return _regranted(catalog, before.name, after, before.signature)


def _regranted(
    catalog: Catalog, before: QualifiedName, after: QualifiedName, signature: tuple[str, ...] | None
) -> Catalog:
    """Grants on the renamed object, under its new name."""
    grants = {}
    for grant in catalog.grants.values():
        target = grant.target
        if target.name == before and (signature is None or target.signature == signature):
            grant = replace(grant, target=replace(target, name=after))
        grants[grant.key] = grant
    return replace(catalog, grants=dict(sorted(grants.items())))


def _retyped(catalog: Catalog, before: QualifiedName, after: QualifiedName) -> Catalog:
    """Every use of a renamed type (columns, attributes, domains, routine signatures) under its new name."""

    def typed(text: str | None) -> str | None:
        if not text:
            return text
        setof = text[:6].upper() == "SETOF "
        base = text[6:] if setof else text
        parsed = parse_type_name(base.strip())
        if parsed.schema != before.schema or parsed.name != before.name:
            return text
        prefix = str(before)
        if not base.startswith(prefix):
            return text
        return ("SETOF " if setof else "") + str(after) + base[len(prefix) :]

    tables = {
        key: replace(table, columns=tuple(replace(c, type=typed(c.type)) for c in table.columns))
        for key, table in catalog.tables.items()
    }
    composites = {
        key: replace(t, attributes=tuple(replace(a, type=typed(a.type)) for a in t.attributes))
        for key, t in catalog.composite_types.items()
    }
    domains = {key: replace(d, base_type=typed(d.base_type)) for key, d in catalog.domains.items()}
    ranges = {key: replace(r, subtype=typed(r.subtype)) for key, r in catalog.range_types.items()}
    functions = {}
    for function in catalog.functions.values():
        function = replace(
            function,
            arguments=tuple(replace(a, type=typed(a.type)) for a in function.arguments),
            returns=typed(function.returns),
            returns_table=tuple((n, typed(t)) for n, t in function.returns_table),
        )
        functions[function.key] = function
    return replace(
        catalog,
        tables=tables,
        composite_types=composites,
        domains=domains,
        range_types=ranges,
        functions=dict(sorted(functions.items())),
    )
