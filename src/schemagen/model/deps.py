"""What model objects depend on: the edges of the ordering graph, read from the model.

An ``ObjectRef`` names one thing that can exist in a database (a schema, a
type, a table, a column, a constraint, a unique key, …). Changes create, drop
and need refs; ``plan`` turns those into edges.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from schemagen.model.bodies import signature_of
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, CompositeType, Domain, ForeignKey, Index, Sequence, Table
from schemagen.model.pg.scan import search_path_schemas, split_dotted
from schemagen.model.pg.sqlbodies import declared_types
from schemagen.model.pg.sqlrefs import DEFAULT_SEARCH_PATH, Declared, References, Text, references
from schemagen.model.pg.types import parse_type_name
from schemagen.model.routines import Function, View

if TYPE_CHECKING:
    from schemagen.model.catalog import Catalog


@dataclass(frozen=True, order=True)
class ObjectRef:
    """One database object: ``kind`` plus its schema, name and optional member."""

    kind: str
    schema: str
    name: str
    member: str = ""


def schema_ref(name: str) -> ObjectRef:
    """A schema."""
    return ObjectRef("schema", "", name)


def extension_ref(name: str) -> ObjectRef:
    """An extension."""
    return ObjectRef("extension", "", name)


def type_ref(name: QualifiedName) -> ObjectRef:
    """An enum, domain or composite type (one namespace)."""
    return ObjectRef("type", name.schema, name.name)


def sequence_ref(name: QualifiedName) -> ObjectRef:
    """A sequence."""
    return ObjectRef("sequence", name.schema, name.name)


def table_ref(name: QualifiedName) -> ObjectRef:
    """A table."""
    return ObjectRef("table", name.schema, name.name)


def column_ref(table: QualifiedName, column: str) -> ObjectRef:
    """A column of a table."""
    return ObjectRef("column", table.schema, table.name, column)


def constraint_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A named constraint of a table."""
    return ObjectRef("constraint", table.schema, table.name, name)


def key_ref(table: QualifiedName, columns: tuple[str, ...]) -> ObjectRef:
    """A unique key (PK, UNIQUE constraint or unique index) over ``columns``: what an FK needs."""
    return ObjectRef("key", table.schema, table.name, "\x1f".join(columns))


def index_ref(name: QualifiedName) -> ObjectRef:
    """An index."""
    return ObjectRef("index", name.schema, name.name)


def relation_name_ref(name: QualifiedName) -> ObjectRef:
    """A name in a schema's relation namespace (``pg_class``: tables, views, sequences, indexes,
    composite types), which two relations cannot hold at once."""
    return ObjectRef("relation name", name.schema, name.name)


def enum_value_ref(enum: QualifiedName, label: str) -> ObjectRef:
    """One label of an enum."""
    return ObjectRef("enum value", enum.schema, enum.name, label)


def type_reference(type_text: str) -> QualifiedName | None:
    """The user type a canonical type text refers to, or None for a built-in type.

    >>> type_reference("agents.agent_status[]")
    QualifiedName(schema='agents', name='agent_status')
    >>> type_reference("public.vector(1536)")
    QualifiedName(schema='public', name='vector')
    >>> type_reference("character varying(50)") is None
    True
    """
    parsed = parse_type_name(type_text.strip())
    return None if parsed.schema is None else QualifiedName(parsed.schema, parsed.name)


def function_ref(name: QualifiedName) -> ObjectRef:
    """A function or procedure (all overloads of a name: dependencies are read from text)."""
    return ObjectRef("function", name.schema, name.name)


def collation_ref(name: QualifiedName) -> ObjectRef:
    """A collation."""
    return ObjectRef("collation", name.schema, name.name)


def collation_needs(collation: str | None) -> set[ObjectRef]:
    """The collation a ``COLLATE`` text names, unless it is built in (a bare name is ``pg_catalog``'s).

    >>> collation_needs("app.german"), collation_needs("C"), collation_needs(None)
    ({ObjectRef(kind='collation', schema='app', name='german', member='')}, set(), set())
    """
    if not collation:
        return set()
    parts = split_dotted(collation)
    if len(parts) != 2 or parts[0] == "pg_catalog":
        return set()
    return {collation_ref(QualifiedName(parts[0], parts[1]))}


def opclass_needs(opclass: str | None) -> set[ObjectRef]:
    """The operator class an index key names, unless it is built in (a bare name is resolved later).

    >>> opclass_needs("app.int4_abs_ops"), opclass_needs("text_pattern_ops")
    ({ObjectRef(kind='operator class', schema='app', name='int4_abs_ops', member='')}, set())
    """
    if not opclass:
        return set()
    parts = split_dotted(opclass)
    if len(parts) != 2 or parts[0] == "pg_catalog":
        return set()
    return {ObjectRef("operator class", parts[0], parts[1])}


def role_ref(name: str) -> ObjectRef:
    """A cluster-wide role."""
    return ObjectRef("role", "", name)


def trigger_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A trigger of a table."""
    return ObjectRef("trigger", table.schema, table.name, name)


def policy_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A policy of a table."""
    return ObjectRef("policy", table.schema, table.name, name)


def catalog_names(catalog: Catalog) -> Declared:
    """The declared objects of ``catalog`` as the SQL-reference analyser resolves against them.

    Built once per catalog object (the last few are kept).
    """
    for seen, names in _DECLARED:
        if seen is catalog:
            return names
    relations: dict[tuple[str, str], tuple[str, ...] | None] = {
        (n.schema, n.name): tuple(c.name for c in t.columns) for n, t in catalog.tables.items()
    }
    relations.update({(n.schema, n.name): (v.columns or None) for n, v in catalog.views.items()})
    ranges = [n for r in catalog.range_types.values() for n in (r.name, r.multirange_name)]
    constructors = [n for r in catalog.range_types.values() for n in r.constructors]
    names = Declared(
        relations,
        frozenset((f.name.schema, f.name.name) for f in catalog.functions.values())
        | frozenset((n.schema, n.name) for n in constructors),
        frozenset(
            (n.schema, n.name) for n in (*catalog.enums, *catalog.domains, *catalog.composite_types, *ranges)
        ),
        frozenset((n.schema, n.name) for n in catalog.sequences),
    )
    _DECLARED.insert(0, (catalog, names))
    del _DECLARED[4:]
    return names


_DECLARED: list[tuple[Catalog, Declared]] = []


def function_search_path(function: Function) -> tuple[str, ...]:
    """Where bare names of a body resolve when it is created: its own search_path, else the default."""
    if function.search_path is None:
        return DEFAULT_SEARCH_PATH
    return tuple(search_path_schemas(function.search_path))


def expression_references(
    sql: str | None, table: QualifiedName | None = None, catalog: Catalog | None = None
) -> References:
    """What an expression uses; bare columns belong to ``table`` (CHECK, index, policy …)."""
    return references(
        sql,
        Text.EXPRESSION,
        search_path=_path_with(table),
        declared=None if catalog is None else catalog_names(catalog),
        table=None if table is None else (table.schema, table.name),
    )


def view_references(view: View, catalog: Catalog | None = None) -> References:
    """What a view's query uses."""
    declared = None if catalog is None else catalog_names(catalog)
    return references(view.query, Text.QUERY, search_path=DEFAULT_SEARCH_PATH, declared=declared)


def body_references(function: Function, catalog: Catalog | None = None) -> References:
    """What a function's body uses (SQL and PL/pgSQL; other languages are unknown)."""
    return references(
        function.body,
        Text.BODY,
        search_path=function_search_path(function),
        declared=None if catalog is None else catalog_names(catalog),
        language=function.language,
        signature=signature_of(function),
    )


def declared_type_needs(function: Function) -> set[ObjectRef]:
    """The types (or row types) a PL/pgSQL body declares variables of: resolved at CREATE FUNCTION."""
    if function.language.lower() != "plpgsql":
        return set()
    path = [s for s in function_search_path(function) if s != "pg_catalog"]
    needs: set[ObjectRef] = set()
    for schema, name in declared_types(function.body):
        for where in [schema] if schema else path:
            if where != "pg_catalog":
                needs |= {type_ref(QualifiedName(where, name)), table_ref(QualifiedName(where, name))}
    return needs


def _path_with(table: QualifiedName | None) -> tuple[str, ...]:
    """The default path, and the table's own schema (where a bare ``nextval('s')`` was meant)."""
    if table is None or table.schema in DEFAULT_SEARCH_PATH:
        return DEFAULT_SEARCH_PATH
    return (table.schema, *DEFAULT_SEARCH_PATH)


def needs_of(found: References) -> set[ObjectRef]:
    """The refs of what a text uses: relations, columns, functions, types and sequences.

    A type may be a relation's row type and a ``regclass`` string may name a table:
    both kinds are needed. When the text could not be analysed every name found in
    it is needed as every kind.
    """
    needs = {table_ref(QualifiedName(*r)) for r in found.relations}
    needs |= {ObjectRef("column", s, t, c) for s, t, c in found.columns if c != "*"}
    needs |= {function_ref(QualifiedName(*f)) for f in found.function_names()}
    for name in found.types | found.sequences:
        qualified = QualifiedName(*name)
        needs |= {type_ref(qualified), table_ref(qualified), sequence_ref(qualified)}
    return needs


@lru_cache(maxsize=65536)
def expression_needs(sql: str | None, table: QualifiedName | None = None) -> frozenset[ObjectRef]:
    """Relations, columns, functions, types and sequences an expression may use."""
    return frozenset(needs_of(expression_references(sql, table)))


def column_needs(table: QualifiedName, column: Column) -> set[ObjectRef]:
    """The type and sequences a column uses."""
    needs = set()
    referenced = type_reference(column.type)
    if referenced is not None:
        needs.add(type_ref(referenced))
    needs |= collation_needs(column.collation)
    return needs | expression_needs(column.default, table) | expression_needs(column.generated, table)


def table_needs(table: Table) -> set[ObjectRef]:
    """Schema, column types, sequences and partition parent of a table (FKs are separate)."""
    needs = {schema_ref(table.name.schema)}
    for column in table.columns:
        needs |= column_needs(table.name, column)
    if table.partition_of is not None:
        needs.add(table_ref(table.partition_of.parent))
    needs |= {table_ref(parent) for parent in table.inherits}
    for check in table.checks:
        needs |= expression_needs(check.expression, table.name)
    return needs


def table_provides(table: Table) -> set[ObjectRef]:
    """The table, its columns, its inline constraints and unique keys."""
    name = table.name
    provided = {table_ref(name)}
    provided |= {column_ref(name, c.name) for c in table.columns}
    constraints = [*([table.primary_key] if table.primary_key else []), *table.uniques]
    provided |= {constraint_ref(name, c.name) for c in constraints}
    provided |= {key_ref(name, c.columns) for c in constraints}
    provided |= {constraint_ref(name, c.name) for c in (*table.checks, *table.excludes)}
    return provided


def foreign_key_needs(table: QualifiedName, fk: ForeignKey) -> set[ObjectRef]:
    """Both tables, the columns on both sides and the referenced unique key."""
    needs = {table_ref(table), table_ref(fk.ref_table), key_ref(fk.ref_table, fk.ref_columns)}
    needs |= {column_ref(table, c) for c in fk.columns}
    needs |= {column_ref(fk.ref_table, c) for c in fk.ref_columns}
    return needs


def index_needs(index: Index) -> set[ObjectRef]:
    """The table and the plain columns of an index."""
    needs = {table_ref(index.table)}
    needs |= {column_ref(index.table, e.column) for e in index.elements if e.column}
    needs |= {column_ref(index.table, c) for c in index.include}
    for element in index.elements:
        needs |= expression_needs(element.expression, index.table) | collation_needs(element.collation)
        needs |= opclass_needs(element.opclass)
    return needs | expression_needs(index.where, index.table)


def domain_needs(domain: Domain) -> set[ObjectRef]:
    """The schema and the base type (domains over domains)."""
    needs = {schema_ref(domain.name.schema)}
    referenced = type_reference(domain.base_type)
    if referenced is not None:
        needs.add(type_ref(referenced))
    needs |= collation_needs(domain.collation)
    for check in domain.checks:
        needs |= expression_needs(check.expression)
    return needs | expression_needs(domain.default)


def composite_needs(composite: CompositeType) -> set[ObjectRef]:
    """The schema and the attribute types."""
    needs = {schema_ref(composite.name.schema)}
    for attribute in composite.attributes:
        referenced = type_reference(attribute.type)
        if referenced is not None:
            needs.add(type_ref(referenced))
        needs |= collation_needs(attribute.collation)
    return needs


def sequence_needs(sequence: Sequence) -> set[ObjectRef]:
    """The schema of a sequence (ownership is a separate change)."""
    return {schema_ref(sequence.name.schema)}
