"""C335-C336: a partitioned table has somewhere to put every row (warnings)."""

from __future__ import annotations

from schemagen.checks.typenames import resolve_base
from schemagen.diagnostics import Diagnostic, warning
from schemagen.model import Catalog, Table

_TIME = frozenset({"date", "timestamp without time zone", "timestamp with time zone"})


def check_partition_coverage(catalog: Catalog) -> list[Diagnostic]:
    """C335-C336: every row finds a partition.

    C335: a partitioned table without any partition accepts no row. C336: a
    table partitioned by RANGE over a date/time column with fixed partitions and
    no DEFAULT runs out of partitions as time passes; a HASH-partitioned table
    whose partitions do not cover every remainder loses rows. Prevents: ``no
    partition of relation "x" found for row`` (the source design's ``tasks.queue``
    and ``audit.change_log``).
    """
    found = []
    for table in catalog.tables.values():
        spec = table.partition_by
        if spec is None:
            continue
        children: list = catalog.partitions_of(table.name)
        children += [
            f
            for f in catalog.foreign_tables.values()
            if f.partition_of and f.partition_of.parent == table.name
        ]
        if not children:
            found.append(
                warning(
                    "C335",
                    f"partitioned table {table.name} has no partitions: every INSERT fails "
                    "(no partition of relation found for row)",
                    table.span,
                    "declare partitions, a rule (interval, start, ahead) or a default partition",
                )
            )
            continue
        problem = _gap(catalog, table, children)
        if problem:
            found.append(warning("C336", f"partitioned table {table.name}: {problem}", table.span, _HINT))
    return found


_HINT = "add a default partition (default: true), or make sure partition maintenance stays ahead"


def _gap(catalog: Catalog, table: Table, children: list) -> str | None:
    spec = table.partition_by
    assert spec is not None
    bounds = [c.partition_of for c in children if c.partition_of is not None]
    if any(b.default for b in bounds):
        return None
    if spec.strategy == "range" and len(spec.keys) == 1:
        column = table.column(spec.keys[0])
        if column is not None and resolve_base(catalog, column.type).name in _TIME:
            return (
                f"fixed RANGE partitions over {column.name} and no default partition: rows after the "
                "last partition fail (no partition of relation found for row)"
            )
    if spec.strategy == "hash":
        moduli = {b.modulus for b in bounds}
        if len(moduli) == 1 and None not in moduli:
            modulus = moduli.pop()
            missing = sorted(set(range(modulus)) - {b.remainder for b in bounds})  # type: ignore[arg-type]
            if missing:
                shown = ", ".join(map(str, missing))
                return f"HASH partitions with modulus {modulus} lack remainder(s) {shown}: those rows fail"
    return None
