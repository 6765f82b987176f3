"""C320-C323: identifier length, truncation collisions, names defined twice, enum labels."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from schemagen.checks.memo import last_catalog
from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog, QualifiedName, Table
from schemagen.model.kinds import Namespace, in_namespace
from schemagen.model.pg.naming import MAX_IDENTIFIER_BYTES, truncate_identifier


@dataclass(frozen=True)
class _Name:
    namespace: str
    name: str
    what: str
    span: Span | None


def _table_names(table: Table) -> Iterator[_Name]:
    schema, qualified = table.name.schema, str(table.name)
    relations, constraints = f"relations of schema {schema}", f"constraints of {qualified}"
    for column in table.columns:
        yield _Name(f"columns of {qualified}", column.name, f"column {qualified}.{column.name}", column.span)
    if table.primary_key:
        pk = table.primary_key
        yield _Name(constraints, pk.name, f"PRIMARY KEY {pk.name} on {qualified}", pk.span or table.span)
        yield _Name(
            relations, pk.name, f"index of PRIMARY KEY {pk.name} on {qualified}", pk.span or table.span
        )
    for key in (*table.uniques, *table.excludes):
        kind = "UNIQUE" if key in table.uniques else "EXCLUDE"
        yield _Name(constraints, key.name, f"{kind} {key.name} on {qualified}", key.span or table.span)
        yield _Name(relations, key.name, f"index of {kind} {key.name} on {qualified}", key.span or table.span)
    for fk in table.foreign_keys:
        yield _Name(constraints, fk.name, f"FOREIGN KEY {fk.name} on {qualified}", fk.span or table.span)
    for check in table.checks:
        yield _Name(constraints, check.name, f"CHECK {check.name} on {qualified}", check.span or table.span)


@last_catalog
def _names(catalog: Catalog) -> tuple[_Name, ...]:
    """Every name the identifier checks look at (collected once per catalog)."""
    return tuple(_walk_names(catalog))


def _walk_names(catalog: Catalog) -> Iterator[_Name]:
    for namespace in Namespace:
        for kind in in_namespace(namespace):
            for key, obj in getattr(catalog, kind.attribute).items():
                if isinstance(key, QualifiedName):
                    yield _Name(f"{namespace.value} {key.schema}", key.name, f"{kind.noun} {key}", obj.span)
                else:
                    yield _Name(namespace.value, key, f"{kind.noun} {key}", obj.span)
    for table in catalog.tables.values():
        yield from _table_names(table)
    for qn, domain in catalog.domains.items():
        for check in domain.checks:
            span = check.span or domain.span
            yield _Name(f"constraints of domain {qn}", check.name, f"CHECK {check.name} of domain {qn}", span)
    for qn, range_type in catalog.range_types.items():  # its multirange takes a type name too
        multirange = range_type.multirange_name
        what = f"multirange type {multirange} of range type {qn}"
        yield _Name(f"{Namespace.TYPE.value} {multirange.schema}", multirange.name, what, range_type.span)
    for qn, composite in catalog.composite_types.items():
        for attribute in composite.attributes:
            what = f"attribute {attribute.name} of {qn}"
            yield _Name(f"attributes of {qn}", attribute.name, what, composite.span)
    for (table, name), trigger in catalog.triggers.items():
        yield _Name(f"triggers of {table}", name, f"trigger {name} on {table}", trigger.span)
    for (table, name), policy in catalog.policies.items():
        yield _Name(f"policies of {table}", name, f"policy {name} on {table}", policy.span)
    for function in catalog.functions.values():
        namespace = (
            f"functions of schema {function.name.schema} taking ({', '.join(function.identity_types)})"
        )
        yield _Name(namespace, function.name.name, f"function {function.key}", function.span)


def check_identifier_length(catalog: Catalog) -> list[Diagnostic]:
    """C320: identifiers fit PostgreSQL's 63 bytes.

    Prevents: PostgreSQL silently truncating a longer name (only a NOTICE), after
    which the declared and the live name differ forever.
    """
    found = []
    seen: set[tuple[str, str]] = set()
    for entry in _names(catalog):
        size = len(entry.name.encode("utf-8"))
        if size <= MAX_IDENTIFIER_BYTES or (entry.what, entry.name) in seen:
            continue
        seen.add((entry.what, entry.name))
        found.append(
            error(
                "C320",
                f"name of {entry.what} is {size} bytes; PostgreSQL would truncate it to "
                f"{truncate_identifier(entry.name)!r}",
                entry.span,
                f"use a name of at most {MAX_IDENTIFIER_BYTES} bytes",
            )
        )
    return found


def check_name_collisions(catalog: Catalog) -> list[Diagnostic]:
    """C321-C322: no two objects share a name in one namespace, before or after truncation.

    Tables, views, sequences, indexes (including those of PRIMARY KEY / UNIQUE /
    EXCLUDE constraints) and composite types share a schema's relation namespace;
    tables, views, composite types, range types (and their multiranges), enums and domains
    its type namespace;
    constraints are named per table, columns per table.
    Prevents: ``relation "x" already exists``, ``type "x" already exists``,
    ``constraint "x" for relation "t" already exists``, ``column "c" specified more
    than once``.
    """
    groups: dict[tuple[str, str], list[_Name]] = defaultdict(list)
    for entry in _names(catalog):
        groups[(entry.namespace, truncate_identifier(entry.name))].append(entry)
    found = []
    for namespace, short in sorted(key for key, entries in groups.items() if len(entries) > 1):
        entries = groups[(namespace, short)]
        whats = sorted({e.what for e in entries})
        _first, *others = sorted(entries, key=lambda e: (e.span or Span("", 0, 0), e.what))
        if len({e.name for e in entries}) == 1:
            code, message = "C322", f"name {short!r} is used twice in the {namespace}: {', '.join(whats)}"
            hint = "rename one of them"
        else:
            code = "C321"
            message = f"names collide in the {namespace} after truncation to {short!r}: {', '.join(whats)}"
            hint = "shorten the names so they differ in their first 63 bytes"
        for entry in others:
            found.append(error(code, message, entry.span, hint))
    return found


def check_enum_labels(catalog: Catalog) -> list[Diagnostic]:
    """C323: enum labels are unique and at most 63 bytes.

    Prevents: ``invalid enum label "…"`` (PostgreSQL rejects, not truncates, a long
    label) and ``duplicate key value violates unique constraint
    "pg_enum_typid_label_index"`` (a repeated label).
    """
    found = []
    for name, enum_type in catalog.enums.items():
        seen: set[str] = set()
        for label in enum_type.labels:
            if len(label.encode("utf-8")) > MAX_IDENTIFIER_BYTES:
                found.append(
                    error(
                        "C323",
                        f"label {label!r} of enum {name} is longer than 63 bytes",
                        enum_type.span,
                        "PostgreSQL rejects enum labels over 63 bytes; shorten it",
                    )
                )
            if label in seen:
                found.append(
                    error(
                        "C323", f"label {label!r} appears twice in enum {name}", enum_type.span, "remove one"
                    )
                )
            seen.add(label)
    return found
