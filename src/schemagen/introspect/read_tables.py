"""Readers for tables: columns, constraints, partitioning, RLS flags and comments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from operator import itemgetter
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.introspect.read_indexes import parse_options
from schemagen.introspect.sequence_options import non_default_options
from schemagen.model import (
    CheckConstraint,
    Column,
    ExcludeConstraint,
    ExcludeElement,
    ForeignKey,
    Identity,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Table,
    UniqueConstraint,
)
from schemagen.model.pg.array_casts import settle_array_casts
from schemagen.model.pg.naming import make_object_name
from schemagen.model.pg.scan import matching_paren, split_top_level, strip_outer_parens
from schemagen.model.pg.types import STORAGES

Row = Mapping[str, Any]

FK_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
FK_MATCH = {"s": "SIMPLE", "f": "FULL", "p": "PARTIAL"}
PARTITION_STRATEGIES = {"r": "range", "l": "list", "h": "hash"}
COMPRESSIONS = {"p": "pglz", "l": "lz4"}
REPLICA_IDENTITIES = {"d": "default", "f": "full", "n": "nothing", "i": "index"}


def read_tables(
    tables: Iterable[Row], columns: Iterable[Row], constraints: Iterable[Row]
) -> tuple[list[Table], list[Omission]]:
    """Assemble tables from the rows of ``tables.sql``, ``columns.sql`` and ``constraints.sql``."""
    # keyed by (schema, table) tuples: hashed in C, unlike a QualifiedName per row
    columns_by_table: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in columns:
        columns_by_table[row["schema"], row["table_name"]].append(row)
    constraints_by_table: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in constraints:
        constraints_by_table[row["schema"], row["table_name"]].append(row)

    result: list[Table] = []
    omissions: list[Omission] = []
    column_of = _column_reader()
    for row in tables:
        name = QualifiedName(row["schema"], row["name"])
        key = (row["schema"], row["name"])
        if row["typed"]:
            omissions.extend(_table_omissions(name, row))
        column_rows = columns_by_table.get(key, ())
        cols = []
        for column_row in sorted(column_rows, key=_POSITION):
            column, omission = column_of(column_row)
            cols.append(column)
            if omission is not None:
                omissions.append(Omission(omission[0], f"{name}.{column.name}", omission[1]))
        inherits = row.get("inherits")
        parents = tuple([QualifiedName(s, n) for s, n in inherits]) if inherits else ()
        if parents:  # a column only from the parents is not the table's own (attislocal)
            locals_ = {r["name"]: r.get("is_local", True) for r in column_rows}
            cols = [replace(c, inherited=not locals_[c.name]) for c in cols]
        result.append(_table(name, row, tuple(cols), constraints_by_table.get(key, []), parents))
    return _inherit_identities(result), omissions


_POSITION = itemgetter("position")


def default_not_null_name(constraint: str, table: str, column: str) -> bool:
    """Whether ``constraint`` is a name PostgreSQL 18 chooses for a NOT NULL constraint:
    ``<table>_<column>_not_null``, truncated to fit, with a number after ``not_null`` when taken.

    >>> default_not_null_name("t_a_not_null", "t", "a"), default_not_null_name("t_a_not_null2", "t", "a")
    (True, True)
    >>> default_not_null_name("a_required", "t", "a")
    False
    """
    stem = constraint.rstrip("0123456789")
    number = constraint[len(stem) :]
    return stem.endswith("not_null") and constraint == make_object_name(table, column, f"not_null{number}")


_NAME = itemgetter("name")
COLUMN_FIELDS = (
    "name",
    "type",
    "not_null",
    "expression",
    "identity",
    "generated",
    "collation",
    "comment",
    "statistics",
    "storage",
    "compression",
    "options",
    "seq_type",
    "seq_start",
    "seq_increment",
    "seq_min",
    "seq_max",
    "seq_cache",
    "seq_cycle",
    "not_null_name",
)
"""Every field ``read_column`` reads: rows equal in these give equal columns (a unit test pins it)."""
_column_key = itemgetter(*COLUMN_FIELDS)


def _column_reader() -> Callable[[Row], tuple[Column, tuple[str, str] | None]]:
    """``read_column`` that builds a column once for rows equal in every field it reads.

    Most tables repeat a few column definitions (``id``, ``created_at``, …); a frozen
    column is shared between them instead of being built again.
    """
    cache: dict[tuple, tuple[Column, tuple[str, str] | None]] = {}

    def read(row: Row) -> tuple[Column, tuple[str, str] | None]:
        try:
            key = _column_key(row)
            found = cache.get(key)
        except (KeyError, TypeError):  # a field absent from an older recording; options as a list
            return read_column(row)
        if found is None:
            found = cache[key] = read_column(row)
        return found

    return read


def _inherit_identities(tables: list[Table]) -> list[Table]:
    """Give partitions' identity columns the options of the parent's identity sequence."""
    if not any(t.partition_of is not None and any(c.identity for c in t.columns) for t in tables):
        return tables  # no partition has an identity column
    by_name = {t.name: t for t in tables}

    def root(table: Table) -> Table:
        while table.partition_of is not None and table.partition_of.parent in by_name:
            table = by_name[table.partition_of.parent]
        return table

    result = []
    for table in tables:
        top = root(table)
        if top is table or not any(c.identity for c in table.columns):
            result.append(table)
            continue
        columns = tuple(
            replace(c, identity=top.column(c.name).identity)
            if c.identity is not None and top.column(c.name) is not None
            else c
            for c in table.columns
        )
        result.append(replace(table, columns=columns))
    return result


def _table(
    name: QualifiedName,
    row: Row,
    columns: tuple[Column, ...],
    constraints: list[Row],
    inherits: tuple[QualifiedName, ...] = (),
) -> Table:
    primary_key = None
    uniques: list[UniqueConstraint] = []
    foreign_keys: list[ForeignKey] = []
    checks: list[CheckConstraint] = []
    excludes: list[ExcludeConstraint] = []
    for constraint in sorted(constraints, key=_NAME) if len(constraints) > 1 else constraints:
        kind = constraint["type"]
        if kind == "f":
            foreign_keys.append(read_foreign_key(constraint))
        elif kind == "c":
            checks.append(read_check(constraint))
        elif kind == "p" and primary_key is None:
            primary_key = read_primary_key(constraint)
        elif kind == "u":
            uniques.append(read_unique(constraint))
        elif kind == "x":
            excludes.append(read_exclude(constraint))
    identity, identity_index = _replica_identity(row)
    attached = [(r["name"], r["attached_to"]) for r in constraints if r.get("attached_to")]
    return Table(
        name=name,
        columns=columns,
        primary_key=primary_key,
        uniques=tuple(uniques),
        foreign_keys=tuple(foreign_keys),
        checks=tuple(checks),
        excludes=tuple(excludes),
        partition_by=read_partition_spec(row) if row["partition_strategy"] else None,
        partition_of=read_partition_bound(row) if row["parent_name"] is not None else None,
        unlogged=row["unlogged"],
        rls_enabled=row["rls_enabled"],
        rls_forced=row["rls_forced"],
        storage_parameters=parse_options(row["options"]),
        cluster_on=row.get("cluster_on"),  # absent from rows recorded before it was read
        replica_identity=identity,
        replica_identity_index=identity_index,
        comment=row["comment"],
        owner=row.get("owner"),
        attached_keys=tuple(attached),
        inherits=inherits,
    )


def _replica_identity(row: Row) -> tuple[str, str | None]:
    """``relreplident`` and the index flagged ``indisreplident``; USING INDEX of a dropped index
    behaves as NOTHING (PostgreSQL keeps the mark) and is read so."""
    identity = REPLICA_IDENTITIES[row.get("replica_identity") or "d"]  # absent from older recordings
    if identity != "index":
        return identity, None
    index = row.get("replica_identity_index")
    return ("nothing", None) if index is None else (identity, index)


def _table_omissions(name: QualifiedName, row: Row) -> list[Omission]:
    omissions = []
    if row["typed"]:
        omissions.append(Omission("table", str(name), "typed tables (OF type) are read as plain tables"))
    return omissions


def read_column(row: Row) -> tuple[Column, tuple[str, str] | None]:
    """One column; returns an (kind, why) omission for what the model cannot hold."""
    identity = None
    default = row["expression"]
    generated = None
    omission = None
    if row["identity"] in ("a", "d") and row["seq_start"] is None:
        identity = Identity(always=row["identity"] == "a")  # a partition: the parent owns the sequence
    elif row["identity"] in ("a", "d"):
        options = non_default_options(
            row["seq_type"] or row["type"],
            row["seq_start"],
            row["seq_increment"],
            row["seq_min"],
            row["seq_max"],
            row["seq_cache"],
            row["seq_cycle"],
        )
        identity = Identity(
            always=row["identity"] == "a",
            start=options.start,
            increment=options.increment,
            min_value=options.min_value,
            max_value=options.max_value,
            cache=options.cache,
            cycle=options.cycle,
        )
    if row["generated"]:
        generated, default = default, None
    return (
        Column(
            name=row["name"],
            type=row["type"],
            not_null=row["not_null"],
            default=default,
            identity=identity,
            generated=generated,
            virtual=row["generated"] == "v",
            collation=row["collation"],
            comment=row["comment"],
            statistics=row.get("statistics"),  # absent from rows recorded before it was read
            storage=STORAGES.get(row.get("storage") or ""),
            compression=COMPRESSIONS.get(row.get("compression") or ""),
            options=parse_options(row.get("options")),
            not_null_name=row.get("not_null_name"),  # PostgreSQL 18 (absent from older recordings)
        ),
        omission,
    )


def read_primary_key(row: Row) -> PrimaryKey:
    """PRIMARY KEY with INCLUDE columns and deferrability."""
    return PrimaryKey(
        name=row["name"],
        columns=tuple(row["columns"]),
        include=tuple(row["include"] or ()),
        deferrable=row["deferrable"],
        initially_deferred=row["initially_deferred"],
        storage_parameters=parse_options(row.get("index_options")),
        comment=row["comment"],
    )


def read_unique(row: Row) -> UniqueConstraint:
    """UNIQUE constraint (NULLS NOT DISTINCT on PostgreSQL 15+)."""
    return UniqueConstraint(
        name=row["name"],
        columns=tuple(row["columns"]),
        include=tuple(row["include"] or ()),
        nulls_not_distinct=row["nulls_not_distinct"],
        deferrable=row["deferrable"],
        initially_deferred=row["initially_deferred"],
        storage_parameters=parse_options(row.get("index_options")),
        comment=row["comment"],
    )


def read_foreign_key(row: Row) -> ForeignKey:
    """FOREIGN KEY with actions, MATCH and deferrability as SQL keywords."""
    return ForeignKey(
        name=row["name"],
        columns=tuple(row["columns"]),
        ref_table=QualifiedName(row["ref_schema"], row["ref_table"]),
        ref_columns=tuple(row["ref_columns"]),
        on_delete=FK_ACTIONS[row["on_delete"]],
        on_update=FK_ACTIONS[row["on_update"]],
        match=FK_MATCH[row["match"]],
        deferrable=row["deferrable"],
        initially_deferred=row["initially_deferred"],
        not_valid=not row["validated"],
        comment=row["comment"],
    )


def read_check(row: Row) -> CheckConstraint:
    """CHECK constraint: the expression as ``pg_get_expr`` prints it, array casts settled."""
    return CheckConstraint(
        name=row["name"],
        expression=settle_array_casts(row["expression"]),
        no_inherit=row["no_inherit"],
        not_valid=not row["validated"],
        comment=row["comment"],
    )


def read_exclude(row: Row) -> ExcludeConstraint:
    """EXCLUDE constraint: elements with operators, non-default opclasses, INCLUDE and WHERE."""
    return ExcludeConstraint(
        name=row["name"],
        using=row["using"],
        elements=tuple(
            ExcludeElement(
                expression=e["expression"],
                operator=e["operator"],
                opclass=e["opclass"],
                statistics=e.get("statistics"),  # absent from rows recorded before it was read
            )
            for e in row["elements"] or ()
        ),
        include=tuple(row["include"] or ()),
        where=settle_array_casts(row["where"]) if row["where"] else None,
        deferrable=row["deferrable"],
        initially_deferred=row["initially_deferred"],
        storage_parameters=parse_options(row.get("index_options")),
        comment=row["comment"],
    )


def read_partition_spec(row: Row) -> PartitionSpec | None:
    """``PARTITION BY``: column keys by name, expression keys as ``(expression)``.

    >>> read_partition_spec({"partition_strategy": "r", "partition_columns": ["a", None],
    ...                      "partition_key": "RANGE (a, lower(b))"})
    PartitionSpec(strategy='range', keys=('a', '(lower(b))'))
    """
    strategy = row["partition_strategy"]
    if not strategy:
        return None
    text = row["partition_key"]
    open_paren = text.index("(")
    parts = split_top_level(text[open_paren + 1 : matching_paren(text, open_paren)])
    keys = []
    for index, column in enumerate(row["partition_columns"]):
        if column is not None:
            keys.append(column)
        else:
            keys.append(f"({strip_outer_parens(parts[index])})")
    return PartitionSpec(strategy=PARTITION_STRATEGIES[strategy], keys=tuple(keys))


def read_partition_bound(row: Row) -> PartitionBound | None:
    """Parse ``pg_get_expr(relpartbound)``: DEFAULT, IN (…), FROM (…) TO (…), WITH (…).

    >>> bound = "FOR VALUES FROM ('a', MINVALUE) TO ('b', MAXVALUE)"
    >>> read_partition_bound({"parent_schema": "s", "parent_name": "t", "partition_bound": bound}).to_values
    ("'b'", 'MAXVALUE')
    """
    if row["parent_name"] is None:
        return None
    parent = QualifiedName(row["parent_schema"], row["parent_name"])
    text = row["partition_bound"].strip()
    if text == "DEFAULT":
        return PartitionBound(parent=parent, default=True)
    groups = _parenthesised_groups(text)
    if text.startswith("FOR VALUES IN"):
        return PartitionBound(parent=parent, values_in=tuple(groups[0]))
    if text.startswith("FOR VALUES FROM"):
        return PartitionBound(parent=parent, from_values=tuple(groups[0]), to_values=tuple(groups[1]))
    if text.startswith("FOR VALUES WITH"):
        options = dict(part.split() for part in groups[0])
        return PartitionBound(
            parent=parent, modulus=int(options["modulus"]), remainder=int(options["remainder"])
        )
    raise ValueError(f"unrecognised partition bound: {text}")


def _parenthesised_groups(text: str) -> list[list[str]]:
    groups = []
    index = text.find("(")
    while index >= 0:
        end = matching_paren(text, index)
        groups.append(split_top_level(text[index + 1 : end]))
        index = text.find("(", end + 1)
    return groups
