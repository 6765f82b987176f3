"""Table inheritance (``INHERITS``): a child has its parents' columns first, then its own.

As PostgreSQL's ``MergeAttributes``: the parents' columns in order (a name met twice is
one column), a column the child declares with a parent's name is merged into that
place (declared by the child too: not ``inherited``), the child's other columns follow.
An inherited column keeps the parent's type, collation, NOT NULL, default and generation
expression, storage and compression, not its identity, statistics target, attribute options
or comment.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from schemagen.model import Column, QualifiedName, Table

if TYPE_CHECKING:
    from schemagen.builder.context import BuildContext
    from schemagen.builder.tables import TableDraft


def resolve_inheritance(drafts: list[TableDraft], ctx: BuildContext) -> None:
    """Give every child table its inherited columns (in place, parents first); C390 for a
    parent that is not a declared table, or a cycle."""
    by_name = {d.table.name: d for d in drafts}
    done: set[QualifiedName] = set()

    def resolve(draft: TableDraft, seen: frozenset[QualifiedName]) -> Table:
        table = draft.table
        if table.name in done or not table.inherits:
            done.add(table.name)
            return table
        columns: list[Column] = []
        for parent_name in table.inherits:
            parent = by_name.get(parent_name)
            if parent is None or parent_name in seen or parent.table.partition_of is not None:
                ctx.error(
                    "C390",
                    f"table {table.name} inherits {parent_name}, which is not a declared table"
                    + (" (a cycle)" if parent_name in seen else ""),
                    table.span,
                    "name a table declared in this project (schema.table for another schema's)",
                )
                continue
            for column in resolve(parent, seen | {table.name}).columns:
                if all(c.name != column.name for c in columns):
                    columns.append(_inherited(column))
        own = []
        for column in table.columns:
            at = next((i for i, c in enumerate(columns) if c.name == column.name), None)
            if at is None:
                own.append(column)
            else:
                columns[at] = column
        draft.table = replace(table, columns=(*columns, *own))
        done.add(table.name)
        return draft.table

    for draft in drafts:
        resolve(draft, frozenset())


def _inherited(column: Column) -> Column:
    return replace(
        column,
        identity=None,
        statistics=None,
        options=(),
        comment=None,
        renamed_from=None,
        span=None,
        inherited=True,
    )


def parse_inherits(value: object, schema: str) -> tuple[QualifiedName, ...]:
    """``inherits: [table, other.table]`` → qualified names (``schema`` for unqualified ones).

    >>> parse_inherits(["base", "audit.stamped"], "app")
    (QualifiedName(schema='app', name='base'), QualifiedName(schema='audit', name='stamped'))
    """
    if not isinstance(value, list):
        return ()
    names = []
    for item in value:
        schema_part, _, name = str(item).rpartition(".")
        names.append(QualifiedName(schema_part or schema, name))
    return tuple(names)
