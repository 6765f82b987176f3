"""What the model holds but the YAML format cannot say: reported, never silently lost."""

from __future__ import annotations

from schemagen.model import Catalog

Gap = tuple[str, str, str]
"""(kind, name, why), as ``introspect.Omission`` fields."""


def format_gaps(catalog: Catalog) -> list[Gap]:
    """Every part of ``catalog`` that ``emit_project`` cannot write, sorted."""
    gaps: list[Gap] = []
    tables = catalog.tables
    for table in tables.values():
        for constraint in (
            *([table.primary_key] if table.primary_key else []),
            *table.uniques,
            *table.foreign_keys,
            *table.checks,
            *table.excludes,
        ):
            if getattr(constraint, "comment", None):
                gaps.append(
                    (
                        "constraint",
                        f"{table.name}.{constraint.name}",
                        "constraint comments are not in the format",
                    )
                )
        if table.partition_of is None:
            continue
        if table.unlogged:
            gaps.append(
                (
                    "partition",
                    str(table.name),
                    "a partition's own UNLOGGED setting is not in the format",
                )
            )
        parent = tables.get(table.partition_of.parent)
        for column in table.columns:
            above = parent.column(column.name) if parent is not None else None
            if above is not None and above.statistics != column.statistics:
                gaps.append(
                    (
                        "column",
                        f"{table.name}.{column.name}",
                        "a partition's own SET STATISTICS (other than its parent's) is not in the format",
                    )
                )
    for composite in catalog.composite_types.values():
        for attribute in composite.attributes:
            if attribute.collation:
                gaps.append(
                    (
                        "type",
                        f"{composite.name}.{attribute.name}",
                        "attribute collations are not in the format",
                    )
                )
    views = catalog.views
    for trigger in catalog.triggers.values():
        if trigger.table in views and views[trigger.table].materialized:
            gaps.append(("trigger", f"{trigger.table}.{trigger.name}", "not on a table or view"))
    for index in catalog.indexes.values():
        view = views.get(index.table)
        if view is not None and not view.materialized:
            gaps.append(("index", str(index.name), "not on a table or materialized view"))
    return sorted(set(gaps))
