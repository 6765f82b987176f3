"""Declared renames: rewrite the old catalog under the new names, and say so with rename changes.

After the rewrite every other comparator sees the renamed table or column as
kept, so its data survives; the rename changes run before anything else.
Expressions (CHECKs, defaults, view queries) are not rewritten: PostgreSQL
follows renames inside them itself, and a textual difference is compared as usual.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ExcludeElement, Index, IndexElement
from schemagen.model.rename_changes import RenameColumn, RenameTable


def apply_renames(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    """``old`` with declared table and column renames applied, and the rename changes."""
    changes: list[Change] = []
    for table in new.tables.values():
        if table.renamed_from is None:
            continue
        previous = QualifiedName.parse(table.renamed_from, table.name.schema)
        if previous in old.tables and table.name not in old.tables:
            old = _rename_table(old, previous, table.name)
            changes.append(RenameTable(previous, old.tables[table.name]))
    for table in new.tables.values():
        current = old.tables.get(table.name)
        if current is None:
            continue
        for column in table.columns:
            if (
                column.renamed_from
                and current.column(column.renamed_from) is not None
                and current.column(column.name) is None
            ):
                old = _rename_column(old, table.name, column.renamed_from, column.name)
                changes.append(RenameColumn(table.name, column.renamed_from, column.name))
                current = old.tables[table.name]
    return old, changes


def _rename_table(catalog: Catalog, before: QualifiedName, after: QualifiedName) -> Catalog:
    def moved(name: QualifiedName) -> QualifiedName:
        return after if name == before else name

    tables = {}
    for table in catalog.tables.values():
        table = replace(
            table,
            name=moved(table.name),
            foreign_keys=tuple(replace(fk, ref_table=moved(fk.ref_table)) for fk in table.foreign_keys),
        )
        if table.partition_of is not None:
            table = replace(
                table, partition_of=replace(table.partition_of, parent=moved(table.partition_of.parent))
            )
        tables[table.name] = table
    grants = {}
    for grant in catalog.grants.values():
        if grant.target.on.is_relation and grant.target.name == before:
            grant = replace(grant, target=replace(grant.target, name=after))
        grants[grant.key] = grant
    triggers = {}
    for trigger in catalog.triggers.values():
        trigger = replace(trigger, table=moved(trigger.table))
        triggers[trigger.key] = trigger
    policies = {}
    for policy in catalog.policies.values():
        policy = replace(policy, table=moved(policy.table))
        policies[policy.key] = policy
    return replace(
        catalog,
        tables=dict(sorted(tables.items())),
        indexes={k: replace(i, table=moved(i.table)) for k, i in catalog.indexes.items()},
        sequences={
            k: replace(s, owned_by=(moved(s.owned_by[0]), s.owned_by[1]) if s.owned_by else None)
            for k, s in catalog.sequences.items()
        },
        triggers=dict(sorted(triggers.items())),
        policies=dict(sorted(policies.items())),
        grants=dict(sorted(grants.items())),
        reference_rows=dict(
            sorted((moved(k), replace(r, table=moved(r.table))) for k, r in catalog.reference_rows.items())
        ),
    )


def _rename_column(catalog: Catalog, table_name: QualifiedName, before: str, after: str) -> Catalog:
    def col(name: str) -> str:
        return after if name == before else name

    def cols(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(col(n) for n in names)

    table = catalog.tables[table_name]
    renamed = replace(
        table,
        columns=tuple(replace(c, name=col(c.name)) for c in table.columns),
        primary_key=replace(
            table.primary_key,
            columns=cols(table.primary_key.columns),
            include=cols(table.primary_key.include),
        )
        if table.primary_key
        else None,
        uniques=tuple(replace(u, columns=cols(u.columns), include=cols(u.include)) for u in table.uniques),
        foreign_keys=tuple(replace(fk, columns=cols(fk.columns)) for fk in table.foreign_keys),
        excludes=tuple(
            replace(
                x,
                elements=tuple(_exclude_element(e, before, after) for e in x.elements),
                include=cols(x.include),
            )
            for x in table.excludes
        ),
    )
    tables = {}
    for name, other in {**catalog.tables, table_name: renamed}.items():
        other = replace(
            other,
            foreign_keys=tuple(
                replace(fk, ref_columns=cols(fk.ref_columns)) if fk.ref_table == table_name else fk
                for fk in other.foreign_keys
            ),
        )
        tables[name] = other
    return replace(
        catalog,
        tables=tables,
        indexes={
            k: _index_renamed(i, before, after) if i.table == table_name else i
            for k, i in catalog.indexes.items()
        },
        sequences={
            k: replace(s, owned_by=(s.owned_by[0], col(s.owned_by[1])))
            if s.owned_by and s.owned_by[0] == table_name
            else s
            for k, s in catalog.sequences.items()
        },
    )


def _exclude_element(element: ExcludeElement, before: str, after: str) -> ExcludeElement:
    return replace(element, expression=after) if element.expression == before else element


def _index_renamed(index: Index, before: str, after: str) -> Index:
    def element(e: IndexElement) -> IndexElement:
        return replace(e, column=after) if e.column == before else e

    return replace(
        index,
        elements=tuple(element(e) for e in index.elements),
        include=tuple(after if c == before else c for c in index.include),
    )
