"""C330-C334: partitioned tables: keys exist, unique keys include them, bounds fit."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog, Table
from schemagen.model.unique_keys import unique_keys


def check_partition_keys_exist(catalog: Catalog) -> list[Diagnostic]:
    """C331: partition-key columns are columns of the table.

    Prevents: ``column "x" named in partition key does not exist``.
    """
    found = []
    for table in catalog.tables.values():
        if table.partition_by is None:
            continue
        missing = [k for k in table.partition_by.column_keys if table.column(k) is None]
        if missing:
            found.append(
                error(
                    "C331",
                    f"partition key of {table.name} names unknown column(s) {', '.join(missing)}",
                    table.span,
                    f"columns of {table.name}: {', '.join(c.name for c in table.columns)}",
                )
            )
    return found


def check_unique_keys_include_partition_key(catalog: Catalog) -> list[Diagnostic]:
    """C330, C332: PRIMARY KEY / UNIQUE / unique indexes of a partitioned table cover its key.

    Also checks keys inherited from a parent when a partition is itself partitioned.
    Prevents: ``unique constraint on partitioned table must include all
    partitioning columns`` and ``unsupported PRIMARY KEY (or UNIQUE) constraint with partition key
    definition`` (a table partitioned by an expression cannot have unique keys).
    """
    if not any(t.partition_by for t in catalog.tables.values()):
        return []
    found = []
    for table in catalog.tables.values():
        if table.partition_by is None:
            continue
        for owner in (table, *catalog.ancestors_of(table)):
            for key in unique_keys(catalog, owner):
                found.extend(
                    _check_key(table, owner, key.kind, key.name, key.columns, key.span or owner.span)
                )
    return found


def _check_key(
    table: Table, owner: Table, kind: str, name: str, columns: tuple[str, ...], span: Span | None
) -> list[Diagnostic]:
    assert table.partition_by is not None
    inherited = "" if owner is table else f" (inherited from {owner.name})"
    expressions = table.partition_by.expression_keys
    if expressions:
        return [
            error(
                "C332",
                f"{kind} {name}{inherited} cannot exist on {table.name}, which is partitioned by "
                f"an expression {expressions[0]}",
                span,
                "partition by a column (a generated column works) to allow unique keys",
            )
        ]
    missing = [k for k in table.partition_by.column_keys if k not in columns]
    if not missing:
        return []
    return [
        error(
            "C330",
            f"{kind} {name}{inherited} on partitioned table {table.name} lacks partition-key column(s) "
            f"{', '.join(missing)}; PostgreSQL: unique constraint on partitioned table must include "
            "all partitioning columns",
            span,
            f"add {', '.join(missing)} to the key: ({', '.join((*columns, *missing))})",
        )
    ]


def check_partition_bounds(catalog: Catalog) -> list[Diagnostic]:
    """C334: a partition's parent exists, is partitioned, and the bound fits its strategy.

    Also: a partition in another schema than its parent's names a declared schema.
    Prevents: ``"x" is not partitioned``, ``invalid bound specification for a
    list/range/hash partition``, a range bound with the wrong number of values and
    ``schema "x" does not exist``.
    """
    found = []
    for table in catalog.tables.values():
        bound = table.partition_of
        if bound is None:
            continue
        parent = catalog.tables.get(bound.parent)
        problem = None
        schema = table.name.schema
        if schema != bound.parent.schema and schema != "public" and schema not in catalog.schemas:
            problem = f"its schema {schema} is not declared"
        elif parent is None:
            problem = f"its parent {bound.parent} is not declared"
        elif parent.partition_by is None:
            problem = f"its parent {bound.parent} is not partitioned"
        else:
            problem = _bound_problem(parent, table)
        if problem:
            found.append(
                error(
                    "C334",
                    f"partition {table.name}: {problem}",
                    table.span,
                    "declare the schema in its own file"
                    if problem.startswith("its schema")
                    else "RANGE takes from/to, LIST takes values (or default), HASH takes modulus/remainder",
                )
            )
    return found


def _bound_problem(parent: Table, table: Table) -> str | None:
    spec, bound = parent.partition_by, table.partition_of
    assert spec is not None and bound is not None
    if bound.default:
        return "a HASH-partitioned table cannot have a DEFAULT partition" if spec.strategy == "hash" else None
    if spec.strategy == "range":
        if not bound.from_values or not bound.to_values:
            return "a RANGE partition needs from and to values"
        if len(bound.from_values) != len(spec.keys) or len(bound.to_values) != len(spec.keys):
            return f"a RANGE bound needs {len(spec.keys)} value(s) per side, one per partition key"
    elif spec.strategy == "list":
        if not bound.values_in:
            return "a LIST partition needs values"
    elif spec.strategy == "hash":
        if bound.modulus is None or bound.remainder is None:
            return "a HASH partition needs modulus and remainder"
        if not 0 <= bound.remainder < bound.modulus:
            return "the remainder must be at least 0 and less than the modulus"
    return None
