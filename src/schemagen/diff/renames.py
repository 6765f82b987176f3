"""Declared renames: rewrite the old catalog under the new names, and say so with rename changes.

Tables, columns, indexes, constraints and enum values are renamed in place; types,
domains, sequences, views and routines too (``object_renames.py``).

After the rewrite every other comparator sees the renamed table or column as
kept, so its data survives; the rename changes run before anything else.
Expressions (CHECKs, defaults, view queries) are not rewritten: PostgreSQL
follows renames inside them itself, and a textual difference is compared as usual.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.foreign import rename_servers
from schemagen.diff.object_renames import rename_objects
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.objects import ExcludeElement, Index, IndexElement, Table
from schemagen.model.rename_changes import (
    RenameColumn,
    RenameConstraint,
    RenameEnumValue,
    RenameIndex,
    RenameTable,
)


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
    old, more = _rename_indexes(old, new)
    changes += more
    old, more = _rename_constraints(old, new)
    changes += more
    old, more = _rename_enum_values(old, new)
    changes += more
    old, more = rename_objects(old, new)
    changes += more
    old, more = rename_servers(old, new)
    return old, changes + more


def _rename_indexes(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    changes: list[Change] = []
    indexes = dict(old.indexes)
    for index in new.indexes.values():
        previous = QualifiedName(index.name.schema, index.renamed_from) if index.renamed_from else None
        if previous in indexes and index.name not in indexes:
            indexes[index.name] = replace(indexes.pop(previous), name=index.name)
            changes.append(RenameIndex(previous, index.name))
    return (replace(old, indexes=dict(sorted(indexes.items()))), changes) if changes else (old, [])


def _rename_constraints(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    changes: list[Change] = []
    tables = dict(old.tables)
    for name, table in new.tables.items():
        current = tables.get(name)
        if current is None:
            continue
        for constraint in _constraints(table):
            taken = {c.name for c in _constraints(current)}
            if constraint.renamed_from in taken and constraint.name not in taken:
                current = _constraint_renamed(current, constraint.renamed_from, constraint.name)
                changes.append(RenameConstraint(name, constraint.renamed_from, constraint.name))
        tables[name] = current
    return (replace(old, tables=tables), changes) if changes else (old, [])


def _constraints(table: Table) -> list:
    key = [table.primary_key] if table.primary_key else []
    return [*key, *table.uniques, *table.foreign_keys, *table.checks, *table.excludes]


def _constraint_renamed(table: Table, before: str, after: str) -> Table:
    def renamed(items: tuple) -> tuple:
        return tuple(replace(c, name=after) if c.name == before else c for c in items)

    key = table.primary_key
    return replace(
        table,
        primary_key=replace(key, name=after) if key is not None and key.name == before else key,
        uniques=renamed(table.uniques),
        foreign_keys=renamed(table.foreign_keys),
        checks=renamed(table.checks),
        excludes=renamed(table.excludes),
    )


def _rename_enum_values(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    changes: list[Change] = []
    enums = dict(old.enums)
    for name, enum in new.enums.items():
        current = enums.get(name)
        for new_label, old_label in enum.values_renamed_from:
            if current is not None and old_label in current.labels and new_label not in current.labels:
                labels = tuple(new_label if label == old_label else label for label in current.labels)
                current = replace(current, labels=labels)
                changes.append(RenameEnumValue(name, old_label, new_label))
        if current is not None:
            enums[name] = current
    return (replace(old, enums=enums), changes) if changes else (old, [])


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
