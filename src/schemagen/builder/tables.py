"""Tables: columns, serial sequences, and PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK / EXCLUDE."""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import Any

from schemagen.builder.columns import ColumnSpec, build_column, placeholder_column
from schemagen.builder.context import BuildContext, Located, name_list
from schemagen.builder.indexes import figure_element_name, key_statistics
from schemagen.builder.inheritance import parse_inherits
from schemagen.builder.partitions import build_children, partition_rule, partition_spec
from schemagen.builder.types import named_checks
from schemagen.model import (
    CheckConstraint,
    Column,
    ExcludeConstraint,
    ExcludeElement,
    ForeignKey,
    PrimaryKey,
    QualifiedName,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.naming import default_constraint_name, default_sequence_name
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.scan import split_dotted
from schemagen.model.pg.serial import serial_default
from schemagen.model.pg.sqlrefs import references

_REFERENCE = re.compile(r"^(?P<table>[^()]+?)\s*(?:\((?P<columns>[^()]*)\))?\s*$")


@dataclass
class TableDraft:
    """A table being built; foreign keys without columns are completed once every table exists."""

    table: Table
    document: SourceDocument
    path: JsonPath
    sequences: list[Sequence] = field(default_factory=list)
    index_entries: list[Any] = field(default_factory=list)
    spec: dict[str, Any] = field(default_factory=dict)


def build_tables(document: SourceDocument, schema: str, ctx: BuildContext) -> list[TableDraft]:
    """Every table of one document (indexes are built separately)."""
    drafts = []
    for name, spec in (document.data.get("tables") or {}).items():
        path: JsonPath = ("tables", name)
        qualified = QualifiedName(schema, name)
        if not ctx.define("table", qualified, Located(document, path), str(qualified)):
            continue
        draft = ctx.guarded(
            None,
            document.key_span(path),
            f"table {qualified}",
            _build_table,
            document,
            path,
            qualified,
            spec or {},
            ctx,
        )
        if draft is None:
            continue
        draft.index_entries = list((spec or {}).get("indexes") or [])
        draft.spec = spec or {}
        drafts.append(draft)
        partitioning = (spec or {}).get("partition_by")
        if isinstance(partitioning, dict) and draft.table.partition_by is not None:
            key_types = {c.name: c.type for c in draft.table.columns}
            children = build_children(
                document, (*path, "partition_by"), draft.table, partitioning, ctx, key_types
            )
            declared = _declared_partitions((*path, "partition_by"), partitioning, schema)
            drafts += [_child_draft(document, path, child, declared, ctx) for child in children]
    return drafts


def _declared_partitions(
    path: JsonPath, partitioning: dict[str, Any], schema: str
) -> dict[QualifiedName, tuple[JsonPath, dict]]:
    """Child → (path, spec) of every declared child under ``partitioning`` (sub-partitions too).

    ``schema`` is the parent's; a child's ``schema:`` puts it (and its own children) elsewhere.
    """
    found: dict[QualifiedName, tuple[JsonPath, dict]] = {}
    partitions = partitioning.get("partitions")
    if not isinstance(partitions, dict):
        return found
    for name, spec in partitions.items():
        spec = spec or {}
        child_path = (*path, "partitions", name)
        child_schema = str(spec.get("schema") or schema)
        found[QualifiedName(child_schema, str(name))] = (child_path, spec)
        if isinstance(spec.get("partition_by"), dict):
            found.update(
                _declared_partitions((*child_path, "partition_by"), spec["partition_by"], child_schema)
            )
    return found


def _child_draft(
    document: SourceDocument,
    parent_path: JsonPath,
    child: Table,
    declared: dict[QualifiedName, tuple[JsonPath, dict]],
    ctx: BuildContext,
) -> TableDraft:
    """A partition's draft: a declared child also gets its own constraints, indexes, triggers, policies."""
    if child.name not in declared:
        return TableDraft(child, document, parent_path)
    path, spec = declared[child.name]
    name = child.name
    primary_key = _primary_key(document, path, name, spec, [], ctx)
    columns = _own_not_null(document, path, child, spec, ctx)
    if primary_key is not None:
        key_columns = set(primary_key.columns)
        columns = tuple(replace(c, not_null=True) if c.name in key_columns else c for c in columns)
    rls = spec.get("row_level_security")
    table = replace(
        child,
        columns=columns,
        primary_key=primary_key,
        uniques=tuple(sorted(_uniques(document, path, name, spec, [], ctx), key=lambda c: c.name)),
        foreign_keys=tuple(sorted(_foreign_keys(document, path, name, spec, [], ctx), key=lambda c: c.name)),
        checks=tuple(sorted(_checks(document, path, name, spec, [], ctx), key=lambda c: c.name)),
        excludes=tuple(sorted(_excludes(document, path, name, spec, ctx), key=lambda c: c.name)),
        rls_enabled=rls in ("enabled", "forced"),
        rls_forced=rls in ("forced", "forced_only"),
        storage_parameters=_storage_parameters(document, path, spec, ctx),
        cluster_on=spec.get("cluster_on"),
        **_replica_identity(spec),
        unlogged=bool(spec.get("unlogged", False)),
        rls_off_declared=rls in (False, "forced_only"),
    )
    return TableDraft(table, document, path, index_entries=list(spec.get("indexes") or []), spec=spec)


def _own_not_null(
    document: SourceDocument, path: JsonPath, child: Table, spec: dict[str, Any], ctx: BuildContext
) -> tuple[Column, ...]:
    """The partition's columns with its own ``not_null:`` ones NOT NULL (C309 for unknown names)."""
    own = {str(n) for n in spec.get("not_null") or ()}
    unknown = sorted(n for n in own if child.column(n) is None)
    if unknown:
        ctx.error(
            "C309",
            f"partition {child.name}'s not_null names unknown column(s) {', '.join(unknown)}",
            document.key_span((*path, "not_null")),
            "name columns of the partitioned table",
        )
    return tuple(replace(c, not_null=True) if c.name in own else c for c in child.columns)


def _build_table(
    document: SourceDocument, path: JsonPath, name: QualifiedName, spec: dict[str, Any], ctx: BuildContext
) -> TableDraft:
    schema = name.schema
    column_specs: list[ColumnSpec] = []
    for column_name, column_spec in (spec.get("columns") or {}).items():
        column_path = (*path, "columns", column_name)
        what = f"column {column_name} of {name}"
        where = document.key_span(column_path)
        built = ctx.guarded(
            None, where, what, build_column, document, column_path, column_name, column_spec, schema, ctx
        )
        if built is None:  # reported (C389): kept by name so its users are not reported again
            built = placeholder_column(column_path, str(column_name), where, "text", schema, ctx)
        column_specs.append(built)
    sequences = [_serial_sequence(name, c, ctx) for c in column_specs if c.serial_type]
    columns = [
        replace(c.column, default=serial_default(seq.name.schema, seq.name.name))
        if c.serial_type
        else c.column
        for c, seq in _pair_serials(column_specs, sequences)
    ]
    checks = _checks(document, path, name, spec, column_specs, ctx)
    primary_key = _primary_key(document, path, name, spec, column_specs, ctx)
    if primary_key is not None:
        key_columns = set(primary_key.columns)
        columns = [replace(c, not_null=True) if c.name in key_columns else c for c in columns]
    uniques = _uniques(document, path, name, spec, column_specs, ctx)
    excludes = _excludes(document, path, name, spec, ctx)
    foreign_keys = _foreign_keys(document, path, name, spec, column_specs, ctx)
    rls = spec.get("row_level_security")
    table = Table(
        name=name,
        columns=tuple(columns),
        primary_key=primary_key,
        uniques=tuple(sorted(uniques, key=lambda c: c.name)),
        foreign_keys=tuple(sorted(foreign_keys, key=lambda c: c.name)),
        checks=tuple(sorted(checks, key=lambda c: c.name)),
        excludes=tuple(sorted(excludes, key=lambda c: c.name)),
        partition_by=partition_spec(spec.get("partition_by")),
        partition_rule=partition_rule(spec.get("partition_by")),
        inherits=parse_inherits(spec.get("inherits"), schema),
        unlogged=bool(spec.get("unlogged", False)),
        rls_enabled=rls in ("enabled", "forced"),
        rls_forced=rls in ("forced", "forced_only"),
        storage_parameters=_storage_parameters(document, path, spec, ctx),
        cluster_on=spec.get("cluster_on"),
        **_replica_identity(spec),
        rls_off_declared=rls in (False, "forced_only"),
        comment=spec.get("comment"),
        renamed_from=spec.get("renamed_from"),
        owner=ctx.owner(document, path, spec),
        span=document.key_span(path),
    )
    return TableDraft(table, document, path, sequences)


def _pair_serials(specs: list[ColumnSpec], sequences: list[Sequence]):
    remaining = iter(sequences)
    for spec in specs:
        yield spec, next(remaining) if spec.serial_type else None


def _serial_sequence(table: QualifiedName, spec: ColumnSpec, ctx: BuildContext) -> Sequence:
    schema = table.schema
    name = default_sequence_name(table.name, spec.column.name, ctx.relation_names[schema])
    ctx.take_relation_name(schema, name)
    return Sequence(
        name=QualifiedName(schema, name),
        data_type=spec.serial_type or "integer",
        owned_by=(table, spec.column.name),
        span=spec.column.span,
    )


@dataclass(frozen=True)
class _TakenIn:
    """Names taken in either of two sets, looked up without copying them.

    A union of the schema's names for every constraint made a build quadratic in the
    tables of one schema (10,000 tables: 117 s, 2,000: 2 s).
    """

    first: AbstractSet[str]
    second: AbstractSet[str]

    def __contains__(self, name: object) -> bool:
        return name in self.first or name in self.second

    def __iter__(self) -> Iterator[str]:
        return iter(self.first | self.second)

    def __len__(self) -> int:
        return len(self.first | self.second)


def _constraint_name(
    ctx: BuildContext, table: QualifiedName, columns: list[str | None] | None, kind: str, index_backed: bool
) -> str:
    schema = table.schema
    taken = _TakenIn(
        ctx.constraint_names[schema], ctx.relation_names[schema] if index_backed else frozenset()
    )
    name = default_constraint_name(table.name, columns, kind, taken)
    ctx.take_constraint_name(schema, name)
    if index_backed:
        ctx.take_relation_name(schema, name)
    return name


def _checks(document, path, table: QualifiedName, spec, column_specs: list[ColumnSpec], ctx) -> list:
    checks = list(named_checks(document, (*path, "checks"), spec.get("checks") or {}))
    column_names = {c.column.name for c in column_specs}
    for column in column_specs:
        if not column.check:
            continue
        found = references(column.check, table=(table.schema, table.name)).columns
        mentioned = sorted({c for _, _, c in found} & column_names)
        name = _constraint_name(ctx, table, mentioned if len(mentioned) == 1 else None, "check", False)
        checks.append(CheckConstraint(name, column.check, span=document.key_span((*column.path, "check"))))
    return checks


def _primary_key(document, path, table: QualifiedName, spec, column_specs: list[ColumnSpec], ctx):
    inline = [c for c in column_specs if c.primary_key]
    declared = spec.get("primary_key")
    if len(inline) > 1 or (inline and declared is not None):
        where = document.key_span((*inline[-1].path, "primary_key"))
        ctx.error(
            "C381",
            f"table {table} declares more than one primary key",
            where,
            "list every key column once under the table's `primary_key:`",
        )
    if declared is not None:
        key_path = (*path, "primary_key")
        options = declared if isinstance(declared, dict) else {"columns": declared}
        columns = name_list(options.get("columns"))
        if columns is None:
            return None  # not a list of columns: validation reports it (V2xx), once
        name = options.get("name") or _constraint_name(ctx, table, None, "pkey", True)
        return PrimaryKey(
            name=name,
            columns=columns,
            include=name_list(options.get("include")) or (),
            deferrable=bool(options.get("deferrable", False)),
            initially_deferred=bool(options.get("initially_deferred", False)),
            storage_parameters=_storage_parameters(document, key_path, options, ctx),
            comment=options.get("comment"),
            renamed_from=options.get("renamed_from"),
            span=document.key_span(key_path),
        )
    if inline:
        column = inline[0]
        name = _constraint_name(ctx, table, None, "pkey", True)
        return PrimaryKey(name, (column.column.name,), span=document.key_span((*column.path, "primary_key")))
    return None


def _uniques(document, path, table: QualifiedName, spec, column_specs: list[ColumnSpec], ctx) -> list:
    uniques = []
    for column in column_specs:
        if column.unique:
            name = _constraint_name(ctx, table, [column.column.name], "key", True)
            span = document.key_span((*column.path, "unique"))
            uniques.append(UniqueConstraint(name, (column.column.name,), span=span))
    for index, entry in enumerate(spec.get("unique") or []):
        options = entry if isinstance(entry, dict) else {"columns": entry}
        columns = name_list(options.get("columns"))
        if columns is None:
            continue  # not a list of columns: validation reports it (V2xx), once
        include = name_list(options.get("include")) or ()
        name = options.get("name") or _constraint_name(ctx, table, [*columns, *include], "key", True)
        uniques.append(
            UniqueConstraint(
                name=name,
                columns=columns,
                include=include,
                nulls_not_distinct=bool(options.get("nulls_not_distinct", False)),
                deferrable=bool(options.get("deferrable", False)),
                initially_deferred=bool(options.get("initially_deferred", False)),
                storage_parameters=_storage_parameters(document, (*path, "unique", index), options, ctx),
                comment=options.get("comment"),
                renamed_from=options.get("renamed_from"),
                span=document.span((*path, "unique", index)),
            )
        )
    return uniques


def parse_reference(text: str, schema: str) -> tuple[QualifiedName, tuple[str, ...]] | None:
    """``table``, ``schema.table``, ``table(col, …)`` → (table, columns); None if malformed.

    >>> parse_reference("agents.registry(agent_id)", "tasks")
    (QualifiedName(schema='agents', name='registry'), ('agent_id',))
    """
    match = _REFERENCE.match(text)
    if match is None:
        return None
    parts = split_dotted(match.group("table").strip())
    if len(parts) > 2 or not all(parts):
        return None
    table = QualifiedName(parts[0], parts[1]) if len(parts) == 2 else QualifiedName(schema, parts[0])
    columns_text = match.group("columns")
    columns = tuple(c.strip().strip('"') for c in columns_text.split(",")) if columns_text else ()
    return table, columns


def _foreign_keys(document, path, table: QualifiedName, spec, column_specs: list[ColumnSpec], ctx) -> list:
    foreign_keys = []
    for column in column_specs:
        if column.references is None:
            continue
        ref_path = (*column.path, "references")
        options = column.references if isinstance(column.references, dict) else {"table": column.references}
        target = _reference(document, ref_path, options["table"], table.schema, ctx)
        if target is None:
            continue
        ref_table, ref_columns = target
        if options.get("column"):
            ref_columns = (options["column"],)
        columns = (column.column.name,)
        foreign_keys.append(
            _foreign_key(document, ref_path, table, columns, ref_table, ref_columns, options, ctx)
        )
    for index, entry in enumerate(spec.get("foreign_keys") or []):
        entry_path = (*path, "foreign_keys", index)
        references = entry["references"]
        ref_options = references if isinstance(references, dict) else {"table": references}
        target = _reference(document, (*entry_path, "references"), ref_options["table"], table.schema, ctx)
        if target is None:
            continue
        ref_table, ref_columns = target
        if ref_options.get("columns"):
            ref_columns = name_list(ref_options["columns"])
        columns = name_list(entry.get("columns"))
        if columns is None or ref_columns is None:
            continue  # not a list of columns: validation reports it (V2xx), once
        foreign_keys.append(
            _foreign_key(document, entry_path, table, columns, ref_table, ref_columns, entry, ctx)
        )
    return foreign_keys


def _reference(document, path, text: str, schema: str, ctx: BuildContext):
    parsed = parse_reference(str(text), schema)
    if parsed is None:
        ctx.error(
            "C383",
            f"cannot read the reference '{text}'",
            document.span(path),
            "write table, schema.table or table(column)",
        )
    return parsed


def _foreign_key(document, path, table, columns, ref_table, ref_columns, options, ctx) -> ForeignKey:
    name = options.get("name") or _constraint_name(ctx, table, list(columns), "fkey", False)
    return ForeignKey(
        name=name,
        columns=columns,
        ref_table=ref_table,
        ref_columns=tuple(ref_columns),
        on_delete=str(options.get("on_delete", "no action")).upper(),
        on_update=str(options.get("on_update", "no action")).upper(),
        match=str(options.get("match", "simple")).upper(),
        deferrable=bool(options.get("deferrable", False)),
        initially_deferred=bool(options.get("initially_deferred", False)),
        not_valid=bool(options.get("not_valid", False)),
        comment=options.get("comment"),
        renamed_from=options.get("renamed_from"),
        span=document.key_span(path) if isinstance(path[-1], str) else document.span(path),
    )


def _excludes(document, path, table: QualifiedName, spec, ctx) -> list:
    excludes = []
    for index, entry in enumerate(spec.get("exclude") or []):
        elements = []
        names: list[str | None] = []
        for element in entry["elements"]:
            if element.get("column"):
                expression = quote_ident(element["column"])
                names.append(element["column"])
            else:
                expression = element["expression"]
                names.append(figure_element_name(expression))
            elements.append(
                ExcludeElement(
                    expression,
                    element["with"],
                    element.get("opclass"),
                    key_statistics(element.get("statistics")) if not element.get("column") else None,
                )
            )
        include = tuple(entry.get("include") or ())
        name = entry.get("name") or _constraint_name(ctx, table, [*names, *include], "excl", True)
        excludes.append(
            ExcludeConstraint(
                name=name,
                using=entry.get("using", "gist"),
                elements=tuple(elements),
                include=include,
                where=entry.get("where"),
                deferrable=bool(entry.get("deferrable", False)),
                initially_deferred=bool(entry.get("initially_deferred", False)),
                storage_parameters=_storage_parameters(document, (*path, "exclude", index), entry, ctx),
                comment=entry.get("comment"),
                renamed_from=entry.get("renamed_from"),
                span=document.span((*path, "exclude", index)),
            )
        )
    return excludes


def complete_foreign_keys(tables: dict[QualifiedName, Table]) -> dict[QualifiedName, Table]:
    """Give every FOREIGN KEY without referenced columns the target's primary key columns."""
    result = {}
    for name, table in tables.items():
        fks = []
        for fk in table.foreign_keys:
            target = tables.get(fk.ref_table)
            while target is not None and target.primary_key is None and target.partition_of is not None:
                target = tables.get(target.partition_of.parent)  # a partition has its parent's key
            if not fk.ref_columns and target is not None and target.primary_key is not None:
                fk = replace(fk, ref_columns=target.primary_key.columns)
            fks.append(fk)
        result[name] = replace(table, foreign_keys=tuple(fks))
    return result


def _storage_parameters(
    document: SourceDocument, path: JsonPath, spec: dict[str, Any], ctx: BuildContext
) -> tuple[tuple[str, str], ...]:
    """``with:`` → sorted (name, SQL value) pairs, as the catalog reads them back."""
    parameters = spec.get("with") or {}
    return tuple(
        sorted((key, ctx.sql(document, (*path, "with", key), value)) for key, value in parameters.items())
    )


def _replica_identity(spec: dict[str, Any]) -> dict[str, Any]:
    """``replica_identity: full | nothing | default`` or ``{index: name}`` → the Table fields."""
    value = spec.get("replica_identity")
    if isinstance(value, dict) and isinstance(value.get("index"), str):
        return {"replica_identity": "index", "replica_identity_index": value["index"]}
    if value in ("full", "nothing"):
        return {"replica_identity": value}
    return {}
