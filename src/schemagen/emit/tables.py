"""Tables as YAML documents: columns (shorthand where possible), constraints, indexes,
partitions, row-level security, policies and triggers."""

from __future__ import annotations

from typing import Any

from schemagen.emit.column_shorthand import column_shorthand
from schemagen.emit.lookup import Lookup
from schemagen.emit.rows import literal_rows_value, rows_value
from schemagen.emit.sql_values import is_plain_identifier, literal_to_data
from schemagen.emit.type_names import unqualified
from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model import (
    Catalog,
    Column,
    ExcludeConstraint,
    ForeignKey,
    Index,
    IndexElement,
    PartitionBound,
    QualifiedName,
    Table,
)
from schemagen.model.pg.colname import figure_index_colname
from schemagen.model.pg.naming import (
    default_constraint_name,
    default_sequence_name,
    index_column_names,
    make_object_name,
    name_addition,
)
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.serial import SERIAL_NAMES, serial_default
from schemagen.model.pg.sqlrefs import references
from schemagen.model.pg.types import short_type

MACRO_KEYS = ("audit", "notify", "updated_at")
"""The macro keys of a table, in the order they are written."""


def table_document(table: Table, lookup: Lookup) -> dict[str, Any]:
    """The YAML mapping of one (non-partition) table."""
    catalog = lookup.catalog
    doc: dict[str, Any] = {}
    if table.comment:
        doc["comment"] = table.comment
    column_checks = _column_checks(table)
    column_fks = _column_foreign_keys(table)
    if column_checks or column_fks:
        doc["columns"] = {
            c.name: column_value(c, table, catalog, column_checks.get(c.name), column_fks.get(c.name))
            for c in table.columns
            if not c.inherited  # from the INHERITS parents
        }
    else:
        doc["columns"] = {c.name: column_value(c, table, catalog) for c in table.columns if not c.inherited}
    if table.inherits:
        doc["inherits"] = FlowList(unqualified(str(p), table.name.schema) for p in table.inherits)
    doc.update(own_objects(table, lookup, column_checks, column_fks))
    macros = lookup.macros.get(table.name, {}) if lookup.macros else {}
    doc.update((key, _flow_lists(macros[key])) for key in MACRO_KEYS if key in macros)
    rows = catalog.reference_rows.get(table.name) if catalog.reference_rows else None
    if rows is not None:
        doc["rows"] = literal_rows_value(rows) if lookup.literal_rows else rows_value(rows)
    return doc


def _flow_lists(value: Any) -> Any:
    """A macro value with its lists written in flow style (``events: [insert, update]``)."""
    if isinstance(value, dict):
        return {key: _flow_lists(item) for key, item in value.items()}
    return FlowList(value) if isinstance(value, list) else value


def own_objects(
    table: Table,
    lookup: Lookup,
    column_checks: dict[str, tuple[str, str]] | None = None,
    column_fks: dict[str, ForeignKey] | None = None,
) -> dict[str, Any]:
    """Keys, constraints, indexes, partitioning, RLS, policies and triggers of ``table``.

    ``column_checks`` and ``column_fks`` are the ones written on their column (left out here).
    """
    catalog = lookup.catalog
    schema = table.name.schema
    column_checks = column_checks or {}
    column_fks = column_fks or {}
    doc: dict[str, Any] = {}
    if table.primary_key is not None:
        pk = table.primary_key
        default = default_constraint_name(table.name.name, None, "pkey")
        if pk.name == default and not (pk.include or pk.deferrable or pk.storage_parameters or pk.comment):
            doc["primary_key"] = FlowList(pk.columns)
        else:
            doc["primary_key"] = _drop_empty(
                {
                    "name": pk.name if pk.name != default else None,
                    "columns": FlowList(pk.columns),
                    "include": FlowList(pk.include),
                    "deferrable": pk.deferrable,
                    "initially_deferred": pk.initially_deferred,
                    "with": _with(pk.storage_parameters),
                    "comment": pk.comment,
                }
            )
    if table.uniques:
        doc["unique"] = [_unique(table, u) for u in table.uniques]
    written = {f.name for f in column_fks.values()}
    other_fks = [fk for fk in table.foreign_keys if fk.name not in written]
    if other_fks:
        doc["foreign_keys"] = [_foreign_key(table, fk, catalog) for fk in other_fks]
    written = {n for n, _ in column_checks.values()}
    table_checks = [c for c in table.checks if c.name not in written]
    if table_checks:
        doc["checks"] = {
            c.name: c.expression
            if not (c.no_inherit or c.not_valid or c.comment)
            else _drop_empty(
                {
                    "expression": c.expression,
                    "no_inherit": c.no_inherit,
                    "not_valid": c.not_valid,
                    "comment": c.comment,
                }
            )
            for c in table_checks
        }
    if table.excludes:
        doc["exclude"] = [_exclude(table, x) for x in table.excludes]
    indexes = lookup.indexes.get(table.name, []) if lookup.indexes else []
    if indexes:
        doc["indexes"] = [index_value(i) for i in indexes]
    if table.partition_by is not None:
        doc["partition_by"] = partition_by_value(table, lookup)
    if table.unlogged:
        doc["unlogged"] = True
    if table.storage_parameters:
        doc["with"] = FlowMap({k: _option_value(v) for k, v in table.storage_parameters})
    if table.cluster_on:
        doc["cluster_on"] = table.cluster_on
    if table.replica_identity == "index" and table.replica_identity_index:
        doc["replica_identity"] = FlowMap({"index": table.replica_identity_index})
    elif table.replica_identity not in ("default", "index"):
        doc["replica_identity"] = table.replica_identity
    if table.rls_enabled:
        doc["row_level_security"] = "forced" if table.rls_forced else "enabled"
    elif table.rls_forced:
        doc["row_level_security"] = "forced_only"
    policies = lookup.policies.get(table.name, []) if lookup.policies else []
    if policies and "row_level_security" not in doc:
        doc["row_level_security"] = False  # policies kept while RLS is off: said so (else C316)
    if policies:
        doc["policies"] = {p.name: _policy(p) for p in policies}
    triggers = lookup.triggers.get(table.name, []) if lookup.triggers else []
    if triggers:
        doc["triggers"] = {t.name: trigger_value(t, schema) for t in triggers}
    return doc


def serial_sequence(column: Column, table: Table, catalog: Catalog) -> QualifiedName | None:
    """The sequence when ``column`` is exactly what ``serial`` expands to, else None."""
    if column.type not in SERIAL_NAMES or not column.not_null or not column.default:
        return None
    name = QualifiedName(table.name.schema, default_sequence_name(table.name.name, column.name))
    sequence = catalog.sequences.get(name)
    if sequence is None or sequence.owned_by != (table.name, column.name):
        return None
    if column.default != serial_default(name.schema, name.name):
        return None
    if sequence.data_type != column.type or sequence.comment:
        return None
    plain = (sequence.start, sequence.increment, sequence.min_value, sequence.max_value, sequence.cache)
    if plain != (None, 1, None, None, 1) or sequence.cycle:
        return None
    return name


def column_value(
    column: Column,
    table: Table,
    catalog: Catalog,
    check: tuple[str, str] | None = None,
    fk: ForeignKey | None = None,
) -> Any:
    """The shorthand when it says everything (emit/column_shorthand.py); else a mapping."""
    schema = table.name.schema
    type_text = short_type(column.type, schema)
    default = column.default
    not_null = column.not_null
    if column.type in SERIAL_NAMES and serial_sequence(column, table, catalog) is not None:
        type_text, default, not_null = SERIAL_NAMES[column.type], None, False
    if column.identity is not None:
        not_null = False  # implied by IDENTITY
    simple = not (
        column.identity
        or column.generated
        or column.collation
        or column.comment
        or column.statistics is not None
        or column.storage
        or column.compression
        or column.options
        or check
        or fk
    )
    if simple and (default is None or "\n" not in default):
        text = type_text + (" not null" if not_null else "") + (f" default {default}" if default else "")
        return text
    if fk is not None:
        return _referencing_value(column, type_text, default, not_null, check, table, fk, catalog)
    # the same in many tables (an id, a CHECK: its text, not its name, which has the table's)
    key = (column, type_text, default, not_null, None if check is None else (check[1],))
    try:
        value = _COLUMN_VALUES.get(key, _MISSING)
    except TypeError:  # a field that cannot be a key: not remembered
        return _column_mapping(column, type_text, default, not_null, check, None)
    if value is _MISSING:
        value = _remember(
            _COLUMN_VALUES, key, _column_mapping(column, type_text, default, not_null, check, None)
        )
    return value


_COLUMN_VALUES: dict[tuple, Any] = {}
"""Column values but references' by all they depend on (never changed once made)."""
_MISSING = object()


def _referencing_value(
    column: Column,
    type_text: str,
    default: str | None,
    not_null: bool,
    check: tuple[str, str] | None,
    table: Table,
    fk: ForeignKey,
    catalog: Catalog,
) -> Any:
    """The value of a column with its FOREIGN KEY: a shorthand is made once per shape.

    A referenced table whose names need no quotes reads as any such name does
    (emit/column_shorthand.py), so the shorthand made with a stand-in name serves every
    table referenced that way: its text around the name is kept, the name put in.
    """
    target = _ref_table(table, fk)
    to_pk = _targets_primary_key(fk, catalog)
    parts = target.split(".")
    if len(parts) > 2 or any(quote_ident(p) != p for p in parts) or not (to_pk or _fk_options(fk)):
        reference = _reference_value(target, to_pk, fk, _fk_options(fk))
        return _column_mapping(column, type_text, default, not_null, check, reference)
    shape = (len(parts), None if to_pk else fk.ref_columns[0], *_fk_option_fields(fk))
    key = (column, type_text, default, not_null, None if check is None else (check[1],), shape)
    try:
        template = _TEMPLATES.get(key, _MISSING)
    except TypeError:  # a field that cannot be a key: not remembered
        template = None
    if template is _MISSING:
        stand_in = _STAND_IN_TARGETS[len(parts)]
        reference = _reference_value(stand_in, to_pk, fk, _fk_options(fk))
        found = _column_mapping(column, type_text, default, not_null, check, reference)
        template = _remember(_TEMPLATES, key, _template(found, stand_in))
    if template is None:  # a mapping: made for this column
        reference = _reference_value(target, to_pk, fk, _fk_options(fk))
        return _column_mapping(column, type_text, default, not_null, check, reference)
    head, tail = template
    return head + target + tail


_STAND_IN_TARGETS = {1: "sg_target", 2: "sg_schema.sg_target"}
_TEMPLATES: dict[tuple, tuple[str, str] | None] = {}
"""Shorthands of referencing columns around the referenced table (None: a mapping), by shape."""


def _template(value: Any, stand_in: str) -> tuple[str, str] | None:
    """The shorthand ``value`` before and after the referenced table ``stand_in``, or None."""
    if not isinstance(value, str):
        return None
    marker = " references " + stand_in
    at = value.rfind(marker)  # the reference clause comes last
    assert at >= 0
    return value[: at + len(" references ")], value[at + len(marker) :]


def _column_mapping(
    column: Column,
    type_text: str,
    default: str | None,
    not_null: bool,
    check: tuple[str, str] | None,
    reference: Any,
) -> Any:
    """The shorthand of a column that is not a bare type, when it says everything; else a mapping."""
    value: dict[str, Any] = {"type": type_text}
    if not_null:
        value["not_null"] = True
    if default is not None:
        value["default"] = default
    if column.identity is not None:
        value["identity"] = _identity(column)
    if column.generated is not None:
        value["generated"] = column.generated
        if column.virtual:
            value["virtual"] = True
    if column.collation:
        value["collation"] = column.collation
    if column.statistics is not None:
        value["statistics"] = column.statistics
    if column.storage:
        value["storage"] = column.storage
    if column.compression:
        value["compression"] = column.compression
    if column.options:
        value["options"] = FlowMap({k: _number(v) for k, v in column.options})
    if check is not None:
        value["check"] = check[1]
    if reference is not None:
        value["references"] = reference
    if not column.comment and (text := column_shorthand(value)) is not None:
        return text  # the shorthand says everything
    if column.comment:
        value["comment"] = column.comment
    return FlowMap(value) if len(value) <= 3 and all("\n" not in str(v) for v in value.values()) else value


def _identity(column: Column) -> Any:
    identity = column.identity
    assert identity is not None
    options = {
        "start": identity.start,
        "increment": identity.increment,
        "min_value": identity.min_value,
        "max_value": identity.max_value,
        "cache": identity.cache,
        "cycle": identity.cycle or None,
    }
    options = {k: v for k, v in options.items() if v is not None}
    if not options:
        return "always" if identity.always else "by default"
    return FlowMap({"always": identity.always, **options})


def _column_checks(table: Table) -> dict[str, tuple[str, str]]:
    """CHECKs named as PostgreSQL names a one-column CHECK: written on the column.

    Only a CHECK that reads that one column: the build names a column's CHECK that
    reads several columns ``<table>_check``, as PostgreSQL does.
    """
    result: dict[str, tuple[str, str]] = {}
    if not table.checks:
        return result
    columns = {c.name for c in table.columns}
    for check in table.checks:
        if check.no_inherit or check.not_valid or check.comment:
            continue  # the column's ``check:`` cannot say these
        name = _check_column(table, check.name, columns, result)
        if name is not None and _read_columns(table.name.schema, check.expression) & columns == {name}:
            result[name] = (check.name, check.expression)
    return result


def _read_columns(schema: str, expression: str) -> frozenset[str]:
    """The names of the columns ``expression`` reads (the table's own name plays no part)."""
    key = (schema, expression)
    found = _READ_COLUMNS.get(key)
    if found is None:
        refs = references(expression, table=(schema, "")).columns
        found = _remember(_READ_COLUMNS, key, frozenset(c for _, _, c in refs))
    return found


_READ_COLUMNS: dict[tuple[str, str], frozenset[str]] = {}


_UNCLIPPED = 63 - 7
"""A CHECK name of at most this many bytes was not truncated (``makeObjectName`` fills a
clipped ``<table>_<column>_check`` to at least 57 of 63 bytes)."""


def _check_column(table: Table, check: str, columns: set[str], taken: dict) -> str | None:
    """The first column not in ``taken`` whose one-column CHECK PostgreSQL would name ``check``.

    A short name is cut apart (``<table>_<column>_check``, one column at most); a long
    one may be truncated, so every column's name is made and compared.
    """
    prefix, suffix = table.name.name + "_", "_check"
    if len(check.encode("utf-8")) <= _UNCLIPPED:
        if not (check.startswith(prefix) and check.endswith(suffix)):
            return None
        column = check[len(prefix) : -len(suffix)]
        return column if column in columns and column not in taken else None
    for column in table.columns:
        if column.name not in taken and check == default_constraint_name(
            table.name.name, [column.name], "check"
        ):
            return column.name
    return None


def _column_foreign_keys(table: Table) -> dict[str, ForeignKey]:
    """One-column FKs with PostgreSQL's name: written as the column's ``references``."""
    result: dict[str, ForeignKey] = {}
    if not table.foreign_keys:
        return result
    for fk in table.foreign_keys:
        if len(fk.columns) != 1 or fk.columns[0] in result or fk.comment:
            continue  # a comment: only the table's ``foreign_keys`` can say it
        addition = _FK_ADDITIONS.get(fk.columns[0])
        if addition is None:  # default_constraint_name's column part, once per column name
            addition = _remember(_FK_ADDITIONS, fk.columns[0], name_addition([fk.columns[0] or "expr"]))
        if fk.name == make_object_name(table.name.name, addition, "fkey"):
            result[fk.columns[0]] = fk
    return result


_FK_ADDITIONS: dict[str, str] = {}


def _ref_table(table: Table, fk: ForeignKey) -> str:
    return unqualified(str(fk.ref_table), table.name.schema)


def _targets_primary_key(fk: ForeignKey, catalog: Catalog) -> bool:
    target = catalog.tables.get(fk.ref_table)
    return (
        target is not None and target.primary_key is not None and target.primary_key.columns == fk.ref_columns
    )


def _fk_option_fields(fk: ForeignKey) -> tuple:
    """What :func:`_fk_options` reads."""
    return (fk.on_delete, fk.on_update, fk.match, fk.deferrable, fk.initially_deferred, fk.not_valid)


def _fk_options(fk: ForeignKey) -> dict[str, Any]:
    return _drop_empty(
        {
            "on_delete": fk.on_delete.lower() if fk.on_delete != "NO ACTION" else None,
            "on_update": fk.on_update.lower() if fk.on_update != "NO ACTION" else None,
            "match": fk.match.lower() if fk.match != "SIMPLE" else None,
            "deferrable": fk.deferrable,
            "initially_deferred": fk.initially_deferred,
            "not_valid": fk.not_valid,
        }
    )


def _reference_value(target: str, to_pk: bool, fk: ForeignKey, options: dict[str, Any]) -> Any:
    """A column's ``references``: ``target``, ``target(column)`` or a mapping with the options."""
    if not options:
        return target if to_pk else f"{target}({fk.ref_columns[0]})"
    value: dict[str, Any] = {"table": target}
    if not to_pk:
        value["column"] = fk.ref_columns[0]
    return FlowMap({**value, **options})


def _foreign_key(table: Table, fk: ForeignKey, catalog: Catalog) -> dict[str, Any]:
    default = default_constraint_name(table.name.name, list(fk.columns), "fkey")
    references: Any = _ref_table(table, fk)
    if not _targets_primary_key(fk, catalog):
        references = FlowMap({"table": references, "columns": FlowList(fk.ref_columns)})
    value = {"name": fk.name} if fk.name != default else {}
    value = {**value, "columns": FlowList(fk.columns), "references": references, **_fk_options(fk)}
    if fk.comment:
        return {**value, "comment": fk.comment}
    return FlowMap(value)


def _unique(table: Table, unique) -> Any:
    default = default_constraint_name(table.name.name, [*unique.columns, *unique.include], "key")
    if unique.name == default and not (
        unique.include
        or unique.nulls_not_distinct
        or unique.deferrable
        or unique.storage_parameters
        or unique.comment
    ):
        return FlowList(unique.columns)
    value = _drop_empty(
        {
            "name": unique.name if unique.name != default else None,
            "columns": FlowList(unique.columns),
            "include": FlowList(unique.include),
            "nulls_not_distinct": unique.nulls_not_distinct,
            "deferrable": unique.deferrable,
            "initially_deferred": unique.initially_deferred,
            "with": _with(unique.storage_parameters),
            "comment": unique.comment,
        }
    )
    return FlowMap(value) if "comment" not in value else value


def _exclude(table: Table, exclude: ExcludeConstraint) -> dict[str, Any]:
    names = [
        e.expression if is_plain_identifier(e.expression) else figure_index_colname(e.expression)
        for e in exclude.elements
    ]
    default = default_constraint_name(table.name.name, [*names, *exclude.include], "excl")
    elements = []
    for element in exclude.elements:
        key = "column" if is_plain_identifier(element.expression) else "expression"
        item = {key: element.expression, "with": element.operator}
        if element.opclass:
            item["opclass"] = element.opclass
        if element.statistics is not None:
            item["statistics"] = element.statistics
        elements.append(FlowMap(item))
    return _drop_empty(
        {
            "name": exclude.name if exclude.name != default else None,
            "using": exclude.using,
            "elements": elements,
            "include": FlowList(exclude.include),
            "where": exclude.where,
            "deferrable": exclude.deferrable,
            "initially_deferred": exclude.initially_deferred,
            "with": _with(exclude.storage_parameters),
            "comment": exclude.comment,
        }
    )


def index_key(element: IndexElement, schema: str) -> Any:
    """``column``, ``column desc``, ``column opclass``, ``(expression)``, or a mapping."""
    if element.column is not None and not is_plain_identifier(element.column):
        head = None
    else:
        head = element.column if element.column is not None else f"({element.expression})"
    opclass = element.opclass  # as read: bare in pg_catalog and public, else qualified (what builds)
    if head is None or element.collation or element.opclass_params or element.statistics is not None:
        value: dict[str, Any] = {}
        if element.column is not None:
            value["column"] = element.column
        else:
            value["expression"] = element.expression
        if opclass:
            value["opclass"] = opclass
        if element.descending:
            value["order"] = "desc"
        if element.nulls_first is not None:
            value["nulls"] = "first" if element.nulls_first else "last"
        if element.collation:
            value["collation"] = element.collation
        if element.statistics is not None:
            value["statistics"] = element.statistics
        return FlowMap(value)
    parts = [head]
    if opclass:
        parts.append(opclass)
    if element.descending:
        parts.append("desc")
    if element.nulls_first is not None:
        parts.append("nulls first" if element.nulls_first else "nulls last")
    return " ".join(parts)


def default_name_of(index: Index) -> str:
    """The name PostgreSQL would give ``index`` if it had none (``default_index_name``)."""
    key = (index.elements, index.include)
    try:
        addition = _ADDITIONS.get(key)
    except TypeError:  # a list: not remembered
        key, addition = None, None
    if addition is None:
        names = [
            e.column if e.column is not None else figure_index_colname(e.expression or "")
            for e in index.elements
        ]
        addition = name_addition(index_column_names([*names, *index.include]))
        if key is not None:
            _remember(_ADDITIONS, key, addition)
    return make_object_name(index.table.name, addition, "idx")


_ADDITIONS: dict[tuple, str] = {}
"""``default_index_name``'s column part by key columns and INCLUDE: one per shape of index."""
_INDEX_VALUES: dict[tuple, Any] = {}
"""Index entries by all they say (the same in many tables; never changed once made)."""
_MEMO_LIMIT = 1 << 14


def _remember(memo: dict, key: Any, value: Any) -> Any:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def index_value(index: Index) -> Any:
    """An index entry: a flow list of keys when nothing else is set, else a mapping."""
    name = index.name.name
    if name == default_name_of(index):
        name = None
    key = (
        index.table.schema,
        index.elements,
        name,
        index.using,
        index.unique,
        index.nulls_not_distinct,
        index.include,
        index.where,
        index.storage_parameters,
        index.comment,
    )
    try:
        value = _INDEX_VALUES.get(key)
    except TypeError:  # a field that cannot be a key (a list): not remembered
        return _index_value(index, name)
    if value is None:
        value = _remember(_INDEX_VALUES, key, _index_value(index, name))
    return value


def _index_value(index: Index, name: str | None) -> Any:
    keys = FlowList([index_key(e, index.table.schema) for e in index.elements])
    plain = not (
        name is not None
        or index.unique
        or index.using != "btree"
        or index.include
        or index.where
        or index.storage_parameters
        or index.nulls_not_distinct
        or index.comment
    )
    if plain:
        return keys
    value = _drop_empty(
        {
            "name": name,
            "columns": keys,
            "using": index.using if index.using != "btree" else None,
            "unique": index.unique,
            "nulls_not_distinct": index.nulls_not_distinct,
            "include": FlowList(index.include),
            "where": index.where,
            "with": FlowMap({k: _option_value(v) for k, v in index.storage_parameters}),
            "comment": index.comment,
        }
    )
    return FlowMap(value) if "comment" not in value else value


def _with(parameters: tuple[tuple[str, str], ...]) -> FlowMap | None:
    """A key constraint's ``with:`` (its index's storage parameters)."""
    return FlowMap({k: _option_value(v) for k, v in parameters}) if parameters else None


def _number(text: str) -> Any:
    """An attribute option's value (``n_distinct``: a number, negative for a fraction of rows)."""
    for kind in (int, float):
        try:
            value = kind(text)
        except ValueError:
            continue
        return value if str(value) == text else text
    return text


def _option_value(text: str) -> Any:
    return int(text) if text.isdigit() else text


def partition_by_value(table: Table, lookup: Lookup) -> dict[str, Any]:
    """``{range|list|hash: [keys], partitions: …}`` with the declared children.

    A range rule folded by inspect (``lookup.macros[table]["partition_by"]``: interval,
    start, ahead, retention, default) follows the keys; the children it owns are not in
    the catalog any more.
    """
    spec = table.partition_by
    assert spec is not None
    value: dict[str, Any] = {spec.strategy: FlowList(spec.keys)}
    value.update(lookup.macros.get(table.name, {}).get("partition_by", {}))
    children = lookup.partitions.get(table.name, [])
    if children:
        count = _hash_partition_count(table, children, lookup)
        if count is not None:
            value["partitions"] = count
        else:
            value["partitions"] = {c.name.name: _child(c, lookup) for c in children}
    return value


def _hash_partition_count(table: Table, children: list[Table], lookup: Lookup) -> int | None:
    """N when the children are exactly ``<table>_p0`` … ``<table>_p<N-1>`` of MODULUS N, with nothing else."""
    count = len(children)
    expected = {f"{table.name.name}_p{i}": i for i in range(count)}
    for child in children:
        bound = child.partition_of
        if (
            bound is None
            or bound.modulus != count
            or expected.get(child.name.name) != bound.remainder
            or len(_child(child, lookup)) > 1
        ):
            return None
    return count


def _child(child: Table, lookup: Lookup) -> Any:
    value: dict[str, Any] = {"values": bound_values(child.partition_of)}
    parent = child.partition_of
    if parent is not None and parent.parent.schema != child.name.schema:
        value["schema"] = child.name.schema
    own = _own_not_null(child, lookup)
    if own:
        value["not_null"] = FlowList(own)
    value.update(own_objects(child, lookup))
    if child.comment:
        value["comment"] = child.comment
    return FlowMap(value) if len(value) == 1 else value


def _own_not_null(child: Table, lookup: Lookup) -> list[str]:
    """Columns NOT NULL in the partition only (not in its parent, not by its own primary key)."""
    bound = child.partition_of
    parent = lookup.catalog.tables.get(bound.parent) if bound is not None else None
    if parent is None:
        return []
    keyed = set(child.primary_key.columns) if child.primary_key else set()
    return [
        c.name
        for c in child.columns
        if c.not_null and c.name not in keyed and (p := parent.column(c.name)) is not None and not p.not_null
    ]


def bound_values(bound: PartitionBound | None) -> Any:
    """``values:`` of a child: a list (LIST), ``{from, to}``, ``{modulus, remainder}`` or ``default``."""
    assert bound is not None
    if bound.default:
        return "default"
    if bound.modulus is not None:
        return FlowMap({"modulus": bound.modulus, "remainder": bound.remainder})
    if bound.values_in:
        return FlowList(literal_to_data(v) for v in bound.values_in)

    def side(values: tuple[str, ...]) -> Any:
        data = [literal_to_data(v) for v in values]
        return data[0] if len(data) == 1 else FlowList(data)

    return FlowMap({"from": side(bound.from_values), "to": side(bound.to_values)})


def _policy(policy) -> Any:
    value = _drop_empty(
        {
            "as": "restrictive" if not policy.permissive else None,
            "for": policy.command.lower() if policy.command != "ALL" else None,
            "to": None
            if policy.roles == ("public",)
            else (policy.roles[0] if len(policy.roles) == 1 else FlowList(policy.roles)),
            "using": policy.using,
            "with_check": policy.with_check,
            "comment": policy.comment,
        }
    )
    return value or FlowMap()


def trigger_value(trigger, schema: str) -> dict[str, Any]:
    """A trigger entry (under its table's ``triggers``)."""
    referencing = _drop_empty({"old_table": trigger.referencing_old, "new_table": trigger.referencing_new})
    return _drop_empty(
        {
            "function": unqualified(str(trigger.function), schema),
            "timing": trigger.timing.lower(),
            "events": FlowList(e.lower() for e in trigger.events),
            "update_of": FlowList(trigger.update_columns),
            "for_each": "row" if trigger.for_each_row else None,
            "when": trigger.when,
            "arguments": FlowList(trigger.arguments),
            "referencing": FlowMap(referencing) if referencing else None,
            "constraint": trigger.constraint,
            "deferrable": trigger.deferrable,
            "initially_deferred": trigger.initially_deferred,
            "enabled": None if trigger.enabled == "origin" else trigger.enabled,
            "comment": trigger.comment,
        }
    )


def _drop_empty(value: dict[str, Any]) -> dict[str, Any]:
    """Leave out None, False and empty collections: the format's defaults."""
    return {k: v for k, v in value.items() if v is not None and v is not False and v != [] and v != {}}
