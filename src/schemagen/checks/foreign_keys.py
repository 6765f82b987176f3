"""C303-C308, C333: foreign keys point at a real key of a real table, with matching types."""

from __future__ import annotations

from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, Span, error, warning
from schemagen.model import Catalog, ForeignKey, Table
from schemagen.model.pg.types import INTEGER_TYPES, STRING_TYPES
from schemagen.model.unique_keys import UniqueKey, unique_keys

_GROUPS = (
    INTEGER_TYPES,
    frozenset({"real", "double precision"}),
    frozenset({"date", "timestamp without time zone", "timestamp with time zone"}),
)
_WIDENS_TO = {
    "numeric": frozenset({"smallint", "integer", "bigint"}),
    "double precision": frozenset({"smallint", "integer", "bigint", "real"}),
}


def check_foreign_keys(catalog: Catalog) -> list[Diagnostic]:
    """Every foreign key resolves to a PRIMARY KEY or UNIQUE key of its target.

    Prevents: ``relation "x" does not exist``; ``column "c" referenced in foreign
    key constraint does not exist``; ``number of referencing and referenced columns
    for foreign key disagree``; ``there is no unique constraint matching given keys
    for referenced table "x"`` (also when the target is partitioned and its keys
    include the partition key); ``cannot use a deferrable unique constraint (or
    primary key) for referenced table``; ``foreign key constraint … cannot be implemented: Key
    columns … are of incompatible types``.
    """
    found = []
    for table in catalog.tables.values():
        for fk in table.foreign_keys:
            found.extend(_check_one(catalog, table, fk))
    return found


def _check_one(catalog: Catalog, table: Table, fk: ForeignKey) -> list[Diagnostic]:
    span = fk.span or table.span
    what = f"foreign key {fk.name} on {table.name}"
    missing = [c for c in fk.columns if table.column(c) is None]
    if missing:
        return [error("C304", f"{what} names unknown column(s) {', '.join(missing)}", span, _known(table))]
    target = catalog.tables.get(fk.ref_table)
    if target is None:
        return [
            error(
                "C303",
                f"{what} references {fk.ref_table}, which is not declared",
                span,
                "check the table name; another schema's table is written schema.table",
            )
        ]
    chain = [target, *catalog.ancestors_of(target)]  # a partition has its parents' keys too
    primary_key = next((t.primary_key for t in chain if t.primary_key), None)
    ref_columns = fk.ref_columns or (primary_key.columns if primary_key else ())
    if not ref_columns:
        return [
            error(
                "C306",
                f"{what} references {fk.ref_table}, which has no primary key",
                span,
                "name the referenced columns of a UNIQUE key, or give the target a primary key",
            )
        ]
    missing = [c for c in ref_columns if target.column(c) is None]
    if missing:
        return [
            error("C304", f"{what} references unknown column(s) {', '.join(missing)}", span, _known(target))
        ]
    if len(ref_columns) != len(fk.columns):
        return [
            error(
                "C305",
                f"{what} has {len(fk.columns)} column(s) but references {len(ref_columns)}",
                span,
                "list as many referencing as referenced columns, in matching order",
            )
        ]
    keys = [key for owner in chain for key in unique_keys(catalog, owner) if key.plain]
    found = _check_target_key(target, keys, ref_columns, what, span)
    for local, remote in zip(fk.columns, ref_columns, strict=True):
        found.extend(_check_types(catalog, table, local, target, remote, what, span))
    return found


def _known(table: Table) -> str:
    return f"columns of {table.name}: {', '.join(c.name for c in table.columns)}"


def _check_target_key(
    target: Table, keys: list[UniqueKey], ref_columns: tuple[str, ...], what: str, span: Span | None
) -> list[Diagnostic]:
    wanted = frozenset(ref_columns)
    matching = [key for key in keys if frozenset(key.columns) == wanted]
    if any(not key.deferrable for key in matching):
        return []
    shown = ", ".join(ref_columns)
    if matching:
        kind = "PRIMARY KEY" if matching[0].kind == "PRIMARY KEY" else "UNIQUE key"
        return [
            error(
                "C306",
                f"{what} references ({shown}) of {target.name}, whose {kind} is DEFERRABLE",
                span,
                "PostgreSQL cannot use a deferrable unique constraint for a foreign key",
            )
        ]
    spec = target.partition_by
    if spec is not None and not set(spec.keys) <= wanted:
        return [
            error(
                "C333",
                f"{what} references ({shown}) of partitioned table {target.name}, but every unique key "
                f"of a table partitioned by ({', '.join(spec.keys)}) must include the partition key",
                span,
                "reference the full key (including the partition key) or point at a non-partitioned table",
            )
        ]
    return [
        error(
            "C306",
            f"{what} references ({shown}) of {target.name}, which is not its PRIMARY KEY or a UNIQUE key",
            span,
            "reference the primary key, or declare UNIQUE on exactly these columns",
        )
    ]


def _check_types(
    catalog: Catalog, table: Table, local: str, target: Table, remote: str, what: str, span: Span | None
) -> list[Diagnostic]:
    local_type = table.column(local).type  # type: ignore[union-attr]
    remote_type = target.column(remote).type  # type: ignore[union-attr]
    mine, theirs = resolve_base(catalog, local_type), resolve_base(catalog, remote_type)
    if mine == theirs or (
        not mine.array and not theirs.array and mine.name in STRING_TYPES and theirs.name in STRING_TYPES
    ):
        return []
    pair = f"{table.name.name}.{local} is {local_type} but {target.name.name}.{remote} is {remote_type}"
    compatible = not mine.array and not theirs.array and mine.schema is None and theirs.schema is None
    compatible = compatible and (
        any(mine.name in g and theirs.name in g for g in _GROUPS)
        or mine.name in _WIDENS_TO.get(theirs.name, frozenset())
    )
    if compatible:
        return [
            warning(
                "C308",
                f"{what}: {pair}",
                span,
                "PostgreSQL accepts it, but give both columns the same type (joins and values can drift)",
            )
        ]
    return [
        error(
            "C307",
            f"{what}: incompatible key column types, {pair}",
            span,
            "declare the referencing column with the referenced column's type",
        )
    ]
