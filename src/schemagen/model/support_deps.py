"""What collations, operators, aggregates and text search objects provide and need in the plan graph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemagen.model import deps
from schemagen.model.deps import ObjectRef
from schemagen.model.names import QualifiedName
from schemagen.model.opclasses import FunctionMember, OperatorClass, OperatorFamily, OperatorMember
from schemagen.model.pg.sqlrefs import Text, references
from schemagen.model.ranges import RangeType
from schemagen.model.support import (
    Aggregate,
    Collation,
    Operator,
    Publication,
    Rule,
    Statistics,
    TextSearchConfiguration,
    TextSearchDictionary,
)

if TYPE_CHECKING:
    from schemagen.model.catalog import Catalog


def range_provides(range_type: RangeType) -> set[ObjectRef]:
    """The range and multirange types, and their constructor functions of the same names."""
    types = {deps.type_ref(n) for n in (range_type.name, range_type.multirange_name)}
    return types | {deps.function_ref(n) for n in range_type.constructors}


def range_needs(range_type: RangeType) -> set[ObjectRef]:
    """The schema, the subtype, its collation, operator class and difference function."""
    needs = {deps.schema_ref(range_type.name.schema)} | _types((range_type.subtype,))
    needs |= deps.collation_needs(range_type.collation) | _functions((range_type.subtype_diff,))
    if range_type.subtype_opclass is not None and range_type.subtype_opclass.schema != "pg_catalog":
        needs.add(opclass_ref(range_type.subtype_opclass))
    if range_type.multirange is not None and range_type.multirange.schema != range_type.name.schema:
        needs.add(deps.schema_ref(range_type.multirange.schema))
    return needs


def opclass_ref(name: QualifiedName) -> ObjectRef:
    """An operator class (of every index method)."""
    return ObjectRef("operator class", name.schema, name.name)


def opfamily_ref(name: QualifiedName) -> ObjectRef:
    """An operator family (of every index method)."""
    return ObjectRef("operator family", name.schema, name.name)


def _members_need(
    operators: tuple[OperatorMember, ...], functions: tuple[FunctionMember, ...]
) -> set[ObjectRef]:
    needs: set[ObjectRef] = set()
    for member in operators:
        if member.operator.schema != "pg_catalog":
            needs.add(operator_ref(member.operator))
        if member.order_by is not None and member.order_by.schema != "pg_catalog":
            needs.add(opfamily_ref(member.order_by))
        needs |= _types(member.types)
    for function in functions:
        needs |= _functions((function.function,)) | _types(function.types) | _types(function.arguments)
    return needs


def opclass_provides(opclass: OperatorClass) -> set[ObjectRef]:
    """The class, and the family of its own name PostgreSQL creates when it names none."""
    made = {opclass_ref(opclass.name)}
    return made | {opfamily_ref(opclass.name)} if opclass.family is None else made


def opfamily_needs(family: OperatorFamily) -> set[ObjectRef]:
    """The schema and what its loose members name."""
    return {deps.schema_ref(family.name.schema)} | _members_need(family.operators, family.functions)


def opclass_needs(opclass: OperatorClass) -> set[ObjectRef]:
    """The schema, its type, storage type, family and what its members name."""
    needs = {deps.schema_ref(opclass.name.schema)} | _types((opclass.type, opclass.storage))
    if opclass.family is not None and opclass.family.schema != "pg_catalog":
        needs.add(opfamily_ref(opclass.family))
    return needs | _members_need(opclass.operators, opclass.functions)


def operator_ref(name: QualifiedName) -> ObjectRef:
    """An operator (every overload of a name)."""
    return ObjectRef("operator", name.schema, name.name)


def text_search_ref(name: QualifiedName, what: str) -> ObjectRef:
    """A text search ``dictionary`` or ``configuration``."""
    return ObjectRef(f"text search {what}", name.schema, name.name)


def _functions(names: tuple[QualifiedName | None, ...]) -> set[ObjectRef]:
    return {deps.function_ref(n) for n in names if n is not None and n.schema != "pg_catalog"}


def _types(types: tuple[str | None, ...]) -> set[ObjectRef]:
    found = (deps.type_reference(t) for t in types if t)
    return {deps.type_ref(t) for t in found if t is not None}


def linked_before(catalog: Catalog, operator: Operator) -> tuple[QualifiedName, ...]:
    """Operators of ``catalog`` naming ``operator`` as commutator or negator that it does not name back.

    They are created first, so PostgreSQL links them one way only, as read.
    """
    own = {operator.commutator, operator.negator}
    found = {
        other.name
        for other in catalog.operators.values()
        if operator.name in (other.commutator, other.negator)
        and other.name != operator.name
        and other.name not in own
    }
    return tuple(sorted(found))


def collation_needs(collation: Collation) -> set[ObjectRef]:
    """Its schema."""
    return {deps.schema_ref(collation.name.schema)}


def operator_needs(operator: Operator) -> set[ObjectRef]:
    """Its schema, function, estimators and argument types."""
    needs = {deps.schema_ref(operator.name.schema)}
    needs |= _functions((operator.function, operator.restrict, operator.join))
    return needs | _types((operator.left, operator.right))


def aggregate_needs(aggregate: Aggregate) -> set[ObjectRef]:
    """Its schema, support functions, types and sort operator."""
    needs = {deps.schema_ref(aggregate.name.schema)}
    needs |= _functions(aggregate.functions)
    needs |= _types((*aggregate.identity_types, aggregate.stype))
    if aggregate.sortop is not None and aggregate.sortop.schema != "pg_catalog":
        needs.add(operator_ref(aggregate.sortop))
    return needs


def statistics_ref(name: QualifiedName) -> ObjectRef:
    """An extended statistics object."""
    return ObjectRef("statistics", name.schema, name.name)


def statistics_needs(statistics: Statistics) -> set[ObjectRef]:
    """Its schema, table, columns and what its expressions use."""
    table = statistics.table
    needs = {deps.schema_ref(statistics.name.schema), deps.table_ref(table)}
    needs |= {deps.column_ref(table, c) for c in statistics.columns}
    for expression in statistics.expressions:
        needs |= deps.expression_needs(expression, table)
    return needs


def event_trigger_ref(name: str) -> ObjectRef:
    """An event trigger (database-wide)."""
    return ObjectRef("event trigger", "", name)


def rule_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A rule of a table or view."""
    return ObjectRef("rule", table.schema, table.name, name)


def rule_needs(rule: Rule) -> set[ObjectRef]:
    """Its relation, and what its condition and actions use."""
    needs = {deps.table_ref(rule.table)} | deps.expression_needs(rule.where, rule.table)
    for action in rule.actions:
        needs |= deps.needs_of(references(action, Text.BODY, language="sql"))
    return needs


def publication_ref(name: str) -> ObjectRef:
    """A publication (database-wide)."""
    return ObjectRef("publication", "", name)


def publication_needs(publication: Publication) -> set[ObjectRef]:
    """Its tables and their listed columns, its schemas."""
    needs = {deps.schema_ref(s) for s in publication.schemas}
    for t in publication.tables:
        needs.add(deps.table_ref(t.table))
        needs |= {deps.column_ref(t.table, c) for c in t.columns or ()}
        needs |= deps.expression_needs(t.where, t.table)
    return needs


def dictionary_needs(dictionary: TextSearchDictionary) -> set[ObjectRef]:
    """Its schema (templates come with PostgreSQL or an extension)."""
    return {deps.schema_ref(dictionary.name.schema)}


def configuration_needs(configuration: TextSearchConfiguration) -> set[ObjectRef]:
    """Its schema and the dictionaries it maps to."""
    needs = {deps.schema_ref(configuration.name.schema)}
    for _, dictionaries in configuration.mappings:
        needs |= {text_search_ref(d, "dictionary") for d in dictionaries if d.schema != "pg_catalog"}
    return needs
