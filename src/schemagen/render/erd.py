"""``generated/erd.md``: one Mermaid ER diagram per schema, for reading in a pull request.

The diagram is derived from the declared catalog only. Everything user-provided
is made safe here, at the last moment, for the two languages it lands in:

* **Mermaid** (inside the ```` ```mermaid ```` block): entity and attribute
  names become ``[A-Za-z0-9_]`` words that are no keyword of the erDiagram
  lexer; an entity whose word differs from its name carries the real name as
  an alias (``id["real name"]``), an attribute as its comment. Quoted texts
  (aliases, relationship labels, comments) are one line; the few characters
  Mermaid cannot hold there or would read as HTML become look-alikes
  (``"`` becomes a double prime, ``<`` a single angle quotation mark, …):
  Mermaid's ER renderer does not decode entity codes such as ``#quot;``.
  Checked against the erDiagram grammars of Mermaid 10.9 and 11 and by rendering.
* **Markdown** (headings, notes and the tables under each diagram): text is
  backslash-escaped, names are code spans, ``|`` is escaped even inside code
  spans (GitHub splits table cells on it) and newlines become spaces.

Relationships use crow's-foot notation, the referenced (parent) table on the
left: ``||`` exactly one parent (NOT NULL key) or ``|o`` zero or one (a
nullable key); ``o{`` zero or more children, or ``o|`` zero or one when the
key columns are unique. A solid line (``--``) marks an identifying key (its
columns are part of the child's primary key), a dotted one (``..``) any other.

Partitions are not drawn: a partitioned table is one entity and a note under
the heading says how it is partitioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

import jinja2

from schemagen.model import Catalog, Domain, ForeignKey, QualifiedName, Table, View
from schemagen.model.pg.types import parse_type_name
from schemagen.model.unique_keys import plain_keys
from schemagen.render.environment import environment

TEMPLATE = "files/erd.md.j2"

_T = TypeVar("_T", Table, View)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NOT_WORD = re.compile(r"[^A-Za-z0-9_]+")
_SPACES = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")

# Words the erDiagram lexers of Mermaid 10 and 11 read as keywords (case-insensitive).
_MERMAID_KEYWORDS = frozenset(
    {
        "erdiagram", "acctitle", "accdescr", "direction", "style", "classdef", "class", "subgraph",
        "end", "one", "only", "zero", "many", "optionally", "to", "u", "pk", "fk", "uk",
    }
)  # fmt: skip
# format_type spellings of built-in types, shortened for a diagram.
_SHORT_TYPES = {
    "character varying": "varchar",
    "character": "char",
    "bit varying": "varbit",
    "double precision": "double",
    "timestamp with time zone": "timestamptz",
    "timestamp without time zone": "timestamp",
    "time with time zone": "timetz",
    "time without time zone": "time",
}
# Characters a quoted Mermaid string cannot hold or would read as HTML (labels are
# HTML) become look-alikes: Mermaid's ER renderer does not decode its own entity
# codes such as ``#quot;``. Aliases also refuse ``%`` and ``\\``. ``#`` and ``&``
# change only where they would start an entity (``#quot;``, ``&amp;``, ``&#38;``).
_MERMAID_LOOKALIKES = str.maketrans({'"': "\u2033", "<": "\u2039", ">": "\u203a"})
_ALIAS_LOOKALIKES = str.maketrans({"%": "\uff05", "\\": "\uff3c"})
_ENTITY_START = re.compile(r"[#&](?=\w+;)|&(?=#)")
# Mermaid 11 reads any top-level line containing ``direction TB`` (BT, RL, LR) as a
# direction statement, swallowing the line: a word joiner (U+2060) keeps them apart.
_DIRECTION = re.compile(r"(?<=direction)(?=\s+(?:tb|bt|rl|lr))", re.IGNORECASE)


@dataclass(frozen=True)
class Attribute:
    """One column line of an entity: ``type name [keys] ["comment"]``."""

    type: str
    name: str
    keys: str = ""
    comment: str = ""


@dataclass(frozen=True)
class Entity:
    """A table drawn in a diagram; ``alias`` is the displayed name when it differs."""

    id: str
    alias: str
    attributes: tuple[Attribute, ...]


@dataclass(frozen=True)
class Relationship:
    """One foreign key: ``parent <cardinality> child : "label"``."""

    parent: str
    child: str
    cardinality: str
    label: str


@dataclass(frozen=True)
class Row:
    """A line of a Markdown table under a diagram (already escaped)."""

    name: str
    text: str


@dataclass(frozen=True)
class SchemaDiagram:
    """Everything shown under one schema's heading, escaped for its destination."""

    heading: str
    comment: str
    partitioned: tuple[str, ...]
    entities: tuple[Entity, ...]
    relationships: tuple[Relationship, ...]
    tables: tuple[Row, ...]
    views: tuple[Row, ...]


def render_erd(catalog: Catalog, files: jinja2.Environment | None = None) -> str:
    """The Markdown text of ``generated/erd.md`` for ``catalog``.

    ``files`` is the environment of file-level templates (default: the package's), which
    a project's override of ``files/erd.md.j2`` is part of.
    """
    tables = _by_schema(t for t in catalog.tables.values() if t.partition_of is None)
    views = _by_schema(catalog.views.values())
    diagrams = [
        _diagram(catalog, schema, tables.get(schema, []), views.get(schema, []))
        for schema in diagram_schemas(catalog)
    ]
    return (files or environment()).get_template(TEMPLATE).render(schemas=diagrams)


def diagram_schemas(catalog: Catalog) -> list[str]:
    """Every schema that is declared or holds a table or view, sorted."""
    names = set(catalog.schemas)
    names.update(name.schema for name in catalog.tables)
    names.update(name.schema for name in catalog.views)
    return sorted(names)


def schema_diagram(catalog: Catalog, schema: str) -> SchemaDiagram:
    """The diagram, notes and tables of one schema."""
    tables = [t for t in catalog.tables.values() if t.name.schema == schema and t.partition_of is None]
    views = [v for v in catalog.views.values() if v.name.schema == schema]
    return _diagram(catalog, schema, tables, views)


def _by_schema(objects: Iterable[_T]) -> dict[str, list[_T]]:
    """Tables or views grouped by schema, each group in the input order."""
    groups: dict[str, list[_T]] = {}
    for o in objects:
        groups.setdefault(o.name.schema, []).append(o)
    return groups


def _diagram(catalog: Catalog, schema: str, tables: list[Table], views: list[View]) -> SchemaDiagram:
    """:func:`schema_diagram` given the schema's top-level tables and its views."""
    tables = sorted(tables, key=lambda t: t.name)
    domains = {str(name): domain for name, domain in catalog.domains.items()}
    keys = [(fk, table) for table in tables for fk in _foreign_keys(catalog, table)]
    external = sorted(
        {_root(catalog, fk.ref_table) for fk, _ in keys} - {t.name for t in tables},
    )
    ids = entity_ids([t.name for t in tables] + external, schema)
    entities = [_entity(catalog, t, ids[t.name], t.name.name) for t in tables]
    entities += [_external_entity(catalog, name, ids[name], keys) for name in external]
    relationships = sorted(
        (_relationship(catalog, fk, table, ids, domains) for fk, table in keys),
        key=lambda r: (r.child, r.parent, r.label),
    )
    comment = catalog.schemas[schema].comment if schema in catalog.schemas else None
    return SchemaDiagram(
        heading=markdown_text(schema),
        comment=markdown_text(comment or ""),
        partitioned=tuple(_partition_note(catalog, t) for t in tables if t.partition_by is not None),
        entities=tuple(entities),
        relationships=tuple(relationships),
        tables=tuple(Row(markdown_code(t.name.name), markdown_text(t.comment or "")) for t in tables),
        views=tuple(
            Row(
                markdown_code(v.name.name),
                markdown_text(("Materialized view. " if v.materialized else "") + (v.comment or "")),
            )
            for v in sorted(views, key=lambda v: v.name)
        ),
    )


def entity_ids(names: list[QualifiedName], schema: str) -> dict[QualifiedName, str]:
    """A distinct Mermaid entity word per table, stable for the same input.

    Tables of ``schema`` are named by their own name, others by ``schema__name``.
    Names that are already Mermaid words keep them; the others get a word
    derived from their name, numbered when it is taken.

    >>> ids = entity_ids([QualifiedName("a", "t x"), QualifiedName("a", "t_x"), QualifiedName("b", "t")], "a")
    >>> [ids[QualifiedName("a", "t_x")], ids[QualifiedName("a", "t x")], ids[QualifiedName("b", "t")]]
    ['t_x', 't_x_2', 'b__t']
    """
    raw = {name: name.name if name.schema == schema else f"{name.schema}__{name.name}" for name in names}
    ids: dict[QualifiedName, str] = {}
    taken: set[str] = set()
    for name in sorted(names, key=lambda n: (mermaid_word(raw[n]) != raw[n], n)):
        base = word = mermaid_word(raw[name])
        n = 1
        while word in taken:
            n += 1
            word = f"{base}_{n}"
        taken.add(word)
        ids[name] = word
    return ids


def mermaid_word(text: str) -> str:
    """``text`` as a word Mermaid reads as a name: letters, digits and ``_``, no keyword.

    >>> mermaid_word("registry"), mermaid_word("Mixed Case"), mermaid_word("1st"), mermaid_word("pk")
    ('registry', 'Mixed_Case', '_1st', 'pk_')
    """
    word = _NOT_WORD.sub("_", text) or "_"
    if not _WORD.fullmatch(word):
        word = "_" + word
    if word.lower() in _MERMAID_KEYWORDS:
        word += "_"
    return word


def mermaid_type(type_text: str) -> str:
    """A canonical column type as one Mermaid word, readable rather than exact.

    Modifiers are dropped, long built-in spellings shortened, user types lose
    their schema and arrays become ``_array``.

    >>> mermaid_type("character varying(255)"), mermaid_type("timestamp(3) with time zone")
    ('varchar', 'timestamptz')
    >>> mermaid_type("numeric(3,2)"), mermaid_type("text[]"), mermaid_type("agents.agent_status[]")
    ('numeric', 'text_array', 'agent_status_array')
    >>> mermaid_type("public.vector(1536)")
    'vector'
    """
    parsed = parse_type_name(type_text)
    text = parsed.name if parsed.schema is not None else _SHORT_TYPES.get(parsed.name, parsed.name)
    if parsed.schema is None and parsed.name == "interval":  # keep the fields: interval_year_to_month
        text = " ".join([text, *(m for m in parsed.modifiers if not m.isdigit())])
    return mermaid_word(text + ("_array" if parsed.array else ""))


def mermaid_string(text: str, *, alias: bool = False) -> str:
    """Text for a quoted Mermaid string (an ``alias`` when set): one line, look-alikes.

    >>> print(ascii(mermaid_string('say "hi" <b>100%</b> & #1')))
    'say \\u2033hi\\u2033 \\u2039b\\u203a100%\\u2039/b\\u203a & #1'
    >>> print(ascii(mermaid_string("#quot; &amp; 5% Direction lr", alias=True)))
    '\\uff03quot; \\uff06amp; 5\\uff05 Direction\\u2060 lr'
    """
    one_line = _SPACES.sub(" ", text).strip().translate(_MERMAID_LOOKALIKES)
    if alias:
        one_line = one_line.translate(_ALIAS_LOOKALIKES)
    one_line = _ENTITY_START.sub(lambda m: chr(ord(m.group()) + 0xFEE0), one_line)
    return _DIRECTION.sub("\u2060", one_line)


def markdown_text(text: str) -> str:
    """Plain text for Markdown, on one line, with its special characters escaped.

    >>> markdown_text("a | b *c* <d>")
    'a \\\\| b \\\\*c\\\\* \\\\<d\\\\>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())


def markdown_code(text: str) -> str:
    """A code span that survives a GitHub table cell (``|`` escaped, backticks fenced).

    >>> markdown_code("registry"), markdown_code("a|b"), markdown_code("x`y")
    ('`registry`', '`a\\\\|b`', '`` x`y ``')
    """
    one_line = _SPACES.sub(" ", text).replace("|", "\\|")
    if "`" not in one_line:
        return f"`{one_line}`"
    fence = "`" * (max(len(run) for run in re.findall(r"`+", one_line)) + 1)
    return f"{fence} {one_line} {fence}"


def _entity(
    catalog: Catalog, table: Table, entity_id: str, name: str, only: frozenset[str] | None = None
) -> Entity:
    """An entity with every column of ``table`` (or the columns in ``only``)."""
    pk = set(table.primary_key.columns) if table.primary_key else set()
    fk = {c for key in _foreign_keys(catalog, table) for c in key.columns}
    uk = {c for key in plain_keys(catalog, table) for c in key} - pk
    attributes = []
    for column in table.columns:
        if only is not None and column.name not in only:
            continue
        word = mermaid_word(column.name)
        markers = [m for m, cols in (("PK", pk), ("FK", fk), ("UK", uk)) if column.name in cols]
        attributes.append(
            Attribute(
                type=mermaid_type(column.type),
                name=word,
                keys=", ".join(markers),
                comment=mermaid_string(column.name) if word != column.name else "",
            )
        )
    alias = "" if entity_id == name else mermaid_string(name, alias=True)
    return Entity(entity_id, alias, tuple(attributes))


def _external_entity(
    catalog: Catalog, name: QualifiedName, entity_id: str, keys: list[tuple[ForeignKey, Table]]
) -> Entity:
    """A table of another schema, showing only the columns this schema's keys reference."""
    display = f"{name.schema}.{name.name}"
    table = catalog.tables.get(name)
    if table is None:
        return Entity(entity_id, mermaid_string(display, alias=True), ())
    pk = table.primary_key.columns if table.primary_key else ()
    referenced = frozenset(
        c for fk, _ in keys if _root(catalog, fk.ref_table) == name for c in fk.ref_columns or pk
    )
    return _entity(catalog, table, entity_id, display, only=referenced)


def _relationship(
    catalog: Catalog,
    fk: ForeignKey,
    table: Table,
    ids: dict[QualifiedName, str],
    domains: dict[str, Domain],
) -> Relationship:
    parent = "||" if all(_not_null(table, c, domains) for c in fk.columns) else "|o"
    child = "o|" if any(set(key) <= set(fk.columns) for key in plain_keys(catalog, table)) else "o{"
    pk = set(table.primary_key.columns) if table.primary_key else set()
    line = "--" if pk and set(fk.columns) <= pk else ".."
    return Relationship(
        parent=ids[_root(catalog, fk.ref_table)],
        child=ids[table.name],
        cardinality=f"{parent}{line}{child}",
        label=mermaid_string(fk.name),
    )


def _partition_note(catalog: Catalog, table: Table) -> str:
    spec = table.partition_by
    assert spec is not None
    count = len(catalog.partitions_of(table.name))
    keys = ", ".join(markdown_code(key) for key in spec.keys)
    plural = "partition" if count == 1 else "partitions"
    return f"{markdown_code(table.name.name)} by {spec.strategy} ({keys}), {count} {plural}"


def _foreign_keys(catalog: Catalog, table: Table) -> list[ForeignKey]:
    """The table's keys, plus those declared only on its partitions (by column signature)."""
    keys = list(table.foreign_keys)
    seen = {(k.columns, _root(catalog, k.ref_table), k.ref_columns) for k in keys}
    for child in _descendants(catalog, table.name):
        for key in child.foreign_keys:
            signature = (key.columns, _root(catalog, key.ref_table), key.ref_columns)
            if signature not in seen:
                seen.add(signature)
                keys.append(key)
    return sorted(keys, key=lambda k: k.name)


def _descendants(catalog: Catalog, name: QualifiedName) -> list[Table]:
    found = []
    for child in catalog.partitions_of(name):
        found += [child, *_descendants(catalog, child.name)]
    return found


def _not_null(table: Table, column_name: str, domains: dict[str, Domain]) -> bool:
    """NOT NULL by declaration, primary key, identity or a NOT NULL domain (through ``domains``, by name)."""
    if table.primary_key and column_name in table.primary_key.columns:
        return True
    column = table.column(column_name)
    if column is None:
        return False
    if column.not_null or column.identity is not None:
        return True
    type_name, seen = column.type, set()
    while type_name in domains and type_name not in seen:
        seen.add(type_name)
        if domains[type_name].not_null:
            return True
        type_name = domains[type_name].base_type
    return False


def _root(catalog: Catalog, name: QualifiedName) -> QualifiedName:
    """The topmost partitioned parent of ``name`` (``name`` itself if not a partition)."""
    seen = set()
    while name not in seen:
        seen.add(name)
        table = catalog.tables.get(name)
        if table is None or table.partition_of is None:
            return name
        name = table.partition_of.parent
    return name
