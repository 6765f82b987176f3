"""What the model holds but the YAML format cannot say: reported, never silently lost."""

from __future__ import annotations

from dataclasses import replace

from schemagen.model import Catalog

Gap = tuple[str, str, str]
"""(kind, name, why), as ``introspect.Omission`` fields."""


def format_gaps(catalog: Catalog) -> list[Gap]:
    """Every part of ``catalog`` that ``emit_project`` cannot write, sorted."""
    gaps: list[Gap] = []
    tables = catalog.tables
    for table in tables.values():
        gaps += _inherited_gaps(table, catalog)
        if table.partition_of is None:
            continue
        parent = tables.get(table.partition_of.parent)
        if parent is not None and table.owner is not None and table.owner != parent.owner:
            gaps.append(
                ("table", str(table.name), "a partition's owner other than its parent's is not in the format")
            )
        for column in table.columns:
            above = parent.column(column.name) if parent is not None else None
            if above is None:
                continue
            for what, mine, theirs in (
                ("SET STATISTICS (other than its parent's)", column.statistics, above.statistics),
                ("SET STORAGE (other than its parent's)", column.storage, above.storage),
                ("SET COMPRESSION (other than its parent's)", column.compression, above.compression),
                ("attribute options", column.options, ()),  # a partition never takes the parent's
            ):
                if mine != theirs:
                    gaps.append(
                        (
                            "column",
                            f"{table.name}.{column.name}",
                            f"a partition's own {what} is not in the format",
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


def _inherited_gaps(table, catalog: Catalog) -> list[Gap]:
    """An inherited column the child changed itself (its own default, NOT NULL, …) cannot be said."""
    gaps: list[Gap] = []
    parents = [catalog.tables.get(p) for p in table.inherits]
    order: list[str] = []  # what CREATE TABLE … INHERITS gives: the parents' columns, then its own
    for column in [c for p in parents if p for c in p.columns] + list(table.columns):
        if column.name not in order:
            order.append(column.name)
    if table.inherits and order != [c.name for c in table.columns]:
        gaps.append(
            ("table", str(table.name), "a column order INHERITS does not give (added to a parent later)")
        )
    for column in table.columns:
        if not column.inherited:
            continue
        above = next((p.column(column.name) for p in parents if p and p.column(column.name)), None)
        if above is None or column != replace(
            above, inherited=True, identity=None, statistics=None, options=(), comment=None
        ):
            gaps.append(
                (
                    "column",
                    f"{table.name}.{column.name}",
                    "an inherited column's own default, NOT NULL or settings are not in the format",
                )
            )
    return gaps
