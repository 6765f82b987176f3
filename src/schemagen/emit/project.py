"""A Catalog as project files: ``schema/<schema>.yaml`` per schema, written as a person would."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from schemagen.emit.access import default_privilege_entries, grant_entries, grant_schema, role_value
from schemagen.emit.external import external_schemas
from schemagen.emit.foreign import foreign_keys, foreign_table_value
from schemagen.emit.lookup import Lookup
from schemagen.emit.objects import composite_value, domain_value, enum_value, extension_value, sequence_value
from schemagen.emit.opclasses import class_value, family_value
from schemagen.emit.owners import FileOwners
from schemagen.emit.ranges import range_value
from schemagen.emit.routines import function_value, view_value
from schemagen.emit.support import (
    aggregate_value,
    collation_value,
    configuration_value,
    dictionary_value,
    event_trigger_value,
    operator_value,
    publication_value,
    rules_value,
    statistics_value,
)
from schemagen.emit.tables import serial_sequence, table_document
from schemagen.emit.yaml_writer import FlowList, dump
from schemagen.model import Catalog, QualifiedName
from schemagen.model.pg.serial import SERIAL_NAMES


def emit_project(
    catalog: Catalog,
    *,
    literal_rows: bool = False,
    macros: dict[QualifiedName, dict[str, Any]] | None = None,
    owners: bool = False,
) -> dict[str, str]:
    """Map ``schema/<schema>.yaml`` to deterministic YAML text.

    A schema gets a file when it holds anything (``public`` only then; other
    schemas always). Roles, being cluster-wide, go to the first file. With
    ``literal_rows``, reference rows keep each value's SQL literal exactly.
    ``macros`` gives macro keys to write on tables (whose objects the catalog no
    longer holds). With ``owners`` each file states its most common owner
    (``owner:``) and objects owned by another role their own (``owners: managed``).
    """
    lookup = Lookup.of(catalog, literal_rows=literal_rows, macros=macros)
    by_schema = _by_schema(catalog)
    file_owners: dict[str, FileOwners] = {}
    documents = {
        schema: _schema_document(schema, lookup, by_schema[schema], owners, file_owners)
        for schema in _schemas(catalog)
    }
    documents = {s: d for s, d in documents.items() if s != "public" or len(d) > 1}
    if not documents:
        documents["public"] = {"schema": "public"}  # an empty database is still a buildable project
    _place_extensions(catalog, documents)
    external = external_schemas(catalog)
    if external:
        documents[sorted(documents)[0]]["external"] = {"schemas": FlowList(external)}
    if catalog.roles:
        home = documents.setdefault(sorted(documents)[0] if documents else "public", {"schema": "public"})
        declared = {r.name: role_value(r) for r in catalog.roles.values() if not r.external}
        if declared:
            home["roles"] = declared
        existing = [r.name for r in catalog.roles.values() if r.external]
        if existing:  # external: {roles}: never created or altered
            home.setdefault("external", {})["roles"] = FlowList(existing)
    if catalog.publications:
        home = documents.setdefault(sorted(documents)[0] if documents else "public", {"schema": "public"})
        own = file_owners.get(home["schema"], FileOwners())
        home["publications"] = {
            p.name: own.value(p, publication_value(p, home["schema"])) for p in catalog.publications.values()
        }
    foreign = foreign_keys(catalog)
    if foreign:
        home = documents.setdefault(sorted(documents)[0] if documents else "public", {"schema": "public"})
        home.update(_owned_foreign(foreign, catalog, file_owners.get(home["schema"], FileOwners())))
    if catalog.event_triggers:
        home = documents.setdefault(sorted(documents)[0] if documents else "public", {"schema": "public"})
        own, schema = file_owners.get(home["schema"], FileOwners()), home["schema"]
        triggers = catalog.event_triggers.values()
        home["event_triggers"] = {t.name: own.value(t, event_trigger_value(t, schema)) for t in triggers}
    return {f"schema/{schema}.yaml": dump(_ordered(doc)) for schema, doc in sorted(documents.items())}


KEY_ORDER = (  # the top-level keys of a file, in the order inspect writes them (fmt keeps it)
    "schema",
    "comment",
    "owner",
    "schema_owner",
    "extensions",
    "external",
    "roles",
    "collations",
    "enums",
    "domains",
    "composite_types",
    "range_types",
    "text_search_dictionaries",
    "text_search_configurations",
    "sequences",
    "tables",
    "foreign_tables",
    "functions",
    "procedures",
    "aggregates",
    "operators",
    "operator_families",
    "operator_classes",
    "views",
    "statistics",
    "rules",
    "materialized_views",
    "event_triggers",
    "publications",
    "foreign_data_wrappers",
    "foreign_servers",
    "user_mappings",
    "grants",
    "default_privileges",
)


def _ordered(document: dict[str, Any]) -> dict[str, Any]:
    return {key: document[key] for key in KEY_ORDER if key in document}


def _schemas(catalog: Catalog) -> list[str]:
    names = set(catalog.schemas)
    for mapping in (catalog.enums, catalog.domains, catalog.composite_types, catalog.tables, catalog.views):
        names.update(name.schema for name in mapping)
    for kind in _SUPPORT_KINDS:
        names.update(key.schema for key in getattr(catalog, kind))
    names.update(table.schema for table, _ in catalog.rules)
    for kind in _OPCLASS_KINDS:
        names.update(name.schema for name, _using in getattr(catalog, kind))
    return sorted(names)


def _place_extensions(catalog: Catalog, documents: dict[str, dict[str, Any]]) -> None:
    if not catalog.extensions:
        return
    by_file: dict[str, dict[str, Any]] = defaultdict(dict)
    fallback = sorted(documents)[0] if documents else "public"
    for extension in catalog.extensions.values():
        home = extension.schema if extension.schema in documents else fallback
        by_file[home][extension.name] = extension_value(extension)
    for schema, extensions in by_file.items():
        document = documents.setdefault(schema, {"schema": schema})
        plain = all(not value for value in extensions.values())
        document["extensions"] = FlowList(sorted(extensions)) if plain else dict(sorted(extensions.items()))


_SUPPORT_KINDS = (
    "collations",
    "range_types",
    "operators",
    "aggregates",
    "text_search_dictionaries",
    "text_search_configurations",
    "statistics",
    "foreign_tables",
)
_OPCLASS_KINDS = ("operator_families", "operator_classes")
_KINDS = (
    "enums",
    "domains",
    "composite_types",
    "sequences",
    "tables",
    "functions",
    "views",
    *_SUPPORT_KINDS,
    *_OPCLASS_KINDS,
)


def _by_schema(catalog: Catalog) -> dict[str, dict[str, list]]:
    """Objects of each kind grouped by schema, in key order (one pass per kind)."""
    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for kind in _KINDS:
        for value in getattr(catalog, kind).values():
            grouped[value.name.schema][kind].append(value)
    for rule in catalog.rules.values():
        grouped[rule.table.schema]["rules"].append(rule)
    for grant in catalog.grants.values():
        grouped[grant_schema(grant)]["grants"].append(grant)
    every_schema = [d for d in catalog.default_privileges.values() if d.schema is None]
    if every_schema:  # entries without IN SCHEMA go to the first schema's file
        first = min(_schemas(catalog), default="public")  # a schema that gets a file, objects or not
        grouped[first]["default_privileges"].extend(every_schema)
    for default in catalog.default_privileges.values():
        if default.schema is not None:
            grouped[default.schema]["default_privileges"].append(default)
    return grouped


def _schema_document(
    schema: str, lookup: Lookup, objects: dict[str, list], owners: bool, file_owners: dict[str, FileOwners]
) -> dict[str, Any]:
    catalog = lookup.catalog
    doc: dict[str, Any] = {"schema": schema}
    info = catalog.schemas.get(schema)
    if info is not None and info.comment:
        doc["comment"] = info.comment
    schema_owner = info.owner if info is not None else None
    own = FileOwners.of(_owned_in_file(objects), schema_owner) if owners else FileOwners()
    file_owners[schema] = own
    doc.update(own.header(schema_owner))
    enums = objects["enums"]
    if enums:
        doc["enums"] = {e.name.name: own.value(e, enum_value(e)) for e in enums}
    domains = objects["domains"]
    if domains:
        doc["domains"] = {d.name.name: own.value(d, domain_value(d)) for d in domains}
    composites = objects["composite_types"]
    if composites:
        doc["composite_types"] = {c.name.name: own.value(c, composite_value(c)) for c in composites}
    if objects["range_types"]:
        doc["range_types"] = {r.name.name: own.value(r, range_value(r)) for r in objects["range_types"]}
    serials = {
        seq
        for table in (objects["tables"] if objects["sequences"] else ())  # only to leave them out
        for column in table.columns
        if column.type in SERIAL_NAMES and (seq := serial_sequence(column, table, catalog)) is not None
    }
    sequences = [s for s in objects["sequences"] if s.name not in serials]
    if sequences:
        doc["sequences"] = {s.name.name: _sequence(own, s) for s in sequences}
    tables = [t for t in objects["tables"] if t.partition_of is None]
    if tables:
        doc["tables"] = {t.name.name: own.value(t, table_document(t, lookup)) for t in tables}
    for kind, key in (("function", "functions"), ("procedure", "procedures")):
        functions = [f for f in objects["functions"] if f.kind == kind]
        if functions:
            doc[key] = _overloads(functions, function_value, own)
    views = [v for v in objects["views"] if not v.materialized]
    if views:
        doc["views"] = {v.name.name: own.value(v, view_value(v, lookup)) for v in views}
    materialized = [v for v in objects["views"] if v.materialized]
    if materialized:
        doc["materialized_views"] = {v.name.name: own.value(v, view_value(v, lookup)) for v in materialized}
    _support_entries(doc, objects, own)
    grants = objects["grants"]
    if grants:
        doc["grants"] = grant_entries(grants, catalog)
    defaults = objects["default_privileges"]
    if defaults:
        doc["default_privileges"] = default_privilege_entries(defaults)
    return doc


def _owned_in_file(objects: dict[str, list]) -> list[Any]:
    """The objects a file writes with an owner of their own (not partitions, not table-owned sequences)."""
    found = [t for t in objects["tables"] if t.partition_of is None]
    found += [s for s in objects["sequences"] if s.owned_by is None]
    for kind in (
        "enums",
        "domains",
        "composite_types",
        "functions",
        "views",
        *_SUPPORT_KINDS,
        *_OPCLASS_KINDS,
    ):
        found += objects[kind]
    return found


def _owned_foreign(keys: dict[str, Any], catalog: Catalog, own: FileOwners) -> dict[str, Any]:
    """Wrappers and servers (written into the first file) with their owners where it is not the file's."""
    for key in ("foreign_data_wrappers", "foreign_servers"):
        if key in keys:
            objects = getattr(catalog, key)
            keys[key] = {name: own.value(objects[name], value) for name, value in keys[key].items()}
    return keys


def _sequence(own: FileOwners, sequence: Any) -> Any:
    """A sequence owned by a table has the table's owner: never written on it."""
    value = sequence_value(sequence)
    return value if sequence.owned_by is not None else own.value(sequence, value)


def _support_entries(doc: dict[str, Any], objects: dict[str, list], own: FileOwners) -> None:
    """Collations, operators, aggregates and text search objects (emit/support.py)."""
    for key, value_of in (
        ("collations", collation_value),
        ("text_search_dictionaries", dictionary_value),
        ("text_search_configurations", configuration_value),
        ("statistics", statistics_value),
        ("foreign_tables", foreign_table_value),
    ):
        if objects[key]:
            doc[key] = {o.name.name: own.value(o, value_of(o)) for o in objects[key]}
    if objects["rules"]:
        doc["rules"] = rules_value(objects["rules"], doc["schema"])
    for key, value_of in (("aggregates", aggregate_value), ("operators", operator_value)):
        if objects[key]:
            doc[key] = _overloads(objects[key], value_of, own)
    for key, value_of in (("operator_families", family_value), ("operator_classes", class_value)):
        if objects[key]:
            doc[key] = _overloads(objects[key], value_of, own)


def _overloads(objects: list, value_of, own: FileOwners) -> dict[str, Any]:
    """Name → one definition, or a list of them for overloads, by name."""
    by_name: dict[str, list] = defaultdict(list)
    for o in objects:
        by_name[o.name.name].append(o)
    values = {name: [own.value(o, value_of(o)) for o in same] for name, same in sorted(by_name.items())}
    return {name: entries[0] if len(entries) == 1 else entries for name, entries in values.items()}
