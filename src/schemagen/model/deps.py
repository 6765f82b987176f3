"""What model objects depend on: the edges of the ordering graph, read from the model.

An ``ObjectRef`` names one thing that can exist in a database (a schema, a
type, a table, a column, a constraint, a unique key, …). Changes create, drop
and need refs; ``plan`` turns those into edges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, CompositeType, Domain, ForeignKey, Index, Sequence, Table

_ARRAY_SUFFIX = re.compile(r"(\[\d*\])+$")
_MODIFIERS = re.compile(r"\([^()]*\)$")
_NEXTVAL = re.compile(r"nextval\(\s*'((?:[^']|'')+)'", re.IGNORECASE)
_STRING = re.compile(r"'(?:[^']|'')*'")
_PART = r'(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)'
_DOTTED = re.compile(rf"(?<![\w$.\"])({_PART})\s*\.\s*({_PART})")
_BARE = re.compile(rf"(?<![\w$.\"])({_PART})(?![\w$\"]|\s*\.)")


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
    base = _MODIFIERS.sub("", _ARRAY_SUFFIX.sub("", type_text.strip())).strip()
    parts = _split_dotted(base)
    if len(parts) != 2:
        return None
    return QualifiedName(parts[0], parts[1])


def nextval_references(expression: str | None, default_schema: str) -> list[QualifiedName]:
    """Sequences named in ``nextval('…')`` calls of an expression, sorted.

    >>> nextval_references("nextval('tasks.task_seq'::regclass)", "public")
    [QualifiedName(schema='tasks', name='task_seq')]
    """
    if not expression:
        return []
    found = set()
    for match in _NEXTVAL.finditer(expression):
        parts = _split_dotted(match.group(1).replace("''", "'"))
        if len(parts) == 1:
            found.add(QualifiedName(default_schema, parts[0]))
        elif len(parts) == 2:
            found.add(QualifiedName(parts[0], parts[1]))
    return sorted(found)


def function_ref(name: QualifiedName) -> ObjectRef:
    """A function or procedure (all overloads of a name: dependencies are read from text)."""
    return ObjectRef("function", name.schema, name.name)


def role_ref(name: str) -> ObjectRef:
    """A cluster-wide role."""
    return ObjectRef("role", "", name)


def trigger_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A trigger of a table."""
    return ObjectRef("trigger", table.schema, table.name, name)


def policy_ref(table: QualifiedName, name: str) -> ObjectRef:
    """A policy of a table."""
    return ObjectRef("policy", table.schema, table.name, name)


def dotted_references(sql: str | None) -> list[QualifiedName]:
    """Every ``schema.name`` written in SQL text outside string literals, sorted.

    Over-approximates (``alias.column`` is found too); a name only becomes an
    edge when the plan creates or drops an object of that name.

    >>> dotted_references("SELECT r.id FROM agents.registry r WHERE x = 'a.b'")
    [QualifiedName(schema='agents', name='registry'), QualifiedName(schema='r', name='id')]
    """
    if not sql:
        return []
    text = _STRING.sub("''", sql)
    found = set()
    for match in _DOTTED.finditer(text):
        schema, name = (_split_dotted(part)[0] for part in match.groups())
        found.add(QualifiedName(schema, name))
    return sorted(found)


def bare_references(sql: str | None, schemas: tuple[str, ...]) -> list[QualifiedName]:
    """Every unqualified name in SQL text outside string literals, placed in each of ``schemas``.

    For bodies PostgreSQL resolves through a search path when it creates them
    (``LANGUAGE sql``). Over-approximates (keywords and columns are found too);
    a name only becomes an edge when the plan creates an object of that name.

    >>> bare_references("SELECT Users.id FROM Users WHERE x = 'a'", ("public",))
    [QualifiedName(schema='public', name='from'), QualifiedName(schema='public', name='select'), \
QualifiedName(schema='public', name='users'), QualifiedName(schema='public', name='where'), \
QualifiedName(schema='public', name='x')]
    """
    if not sql:
        return []
    text = _STRING.sub("''", sql)
    found = set()
    for match in _BARE.finditer(text):
        word = match.group(1)
        name = word[1:-1].replace('""', '"') if word.startswith('"') else word.lower()
        found.update(QualifiedName(schema, name) for schema in schemas)
    return sorted(found)


def expression_needs(sql: str | None) -> set[ObjectRef]:
    """Functions, types and sequences an expression may use (by qualified name)."""
    needs = set()
    for name in dotted_references(sql):
        needs |= {function_ref(name), type_ref(name), sequence_ref(name)}
    return needs


def query_needs(sql: str | None) -> set[ObjectRef]:
    """Relations, functions, types and sequences a query may use (by qualified name)."""
    needs = set()
    for name in dotted_references(sql):
        needs |= {table_ref(name), function_ref(name), type_ref(name), sequence_ref(name)}
    return needs


def column_needs(table: QualifiedName, column: Column) -> set[ObjectRef]:
    """The type and sequences a column uses."""
    needs = set()
    referenced = type_reference(column.type)
    if referenced is not None:
        needs.add(type_ref(referenced))
    for sequence in nextval_references(column.default, table.schema):
        needs.add(sequence_ref(sequence))
    return needs | expression_needs(column.default) | expression_needs(column.generated)


def table_needs(table: Table) -> set[ObjectRef]:
    """Schema, column types, sequences and partition parent of a table (FKs are separate)."""
    needs = {schema_ref(table.name.schema)}
    for column in table.columns:
        needs |= column_needs(table.name, column)
    if table.partition_of is not None:
        needs.add(table_ref(table.partition_of.parent))
    for check in table.checks:
        needs |= expression_needs(check.expression)
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
        needs |= expression_needs(element.expression)
    return needs | expression_needs(index.where)


def domain_needs(domain: Domain) -> set[ObjectRef]:
    """The schema and the base type (domains over domains)."""
    needs = {schema_ref(domain.name.schema)}
    referenced = type_reference(domain.base_type)
    if referenced is not None:
        needs.add(type_ref(referenced))
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
    return needs


def sequence_needs(sequence: Sequence) -> set[ObjectRef]:
    """The schema of a sequence (ownership is a separate change)."""
    return {schema_ref(sequence.name.schema)}


def _split_dotted(text: str) -> list[str]:
    """Split ``a.b`` or ``"a.x"."b"`` into unquoted parts."""
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    i = 0
    while i < len(text):
        char = text[i]
        if char == '"':
            if quoted and i + 1 < len(text) and text[i + 1] == '"':
                current.append('"')
                i += 1
            else:
                quoted = not quoted
        elif char == "." and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts
