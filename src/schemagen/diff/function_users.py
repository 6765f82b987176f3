"""Column defaults, CHECKs and indexes that call a function the plan drops and creates again.

PostgreSQL records what these use (``pg_depend``), so ``DROP FUNCTION`` refuses while
they exist. Each is taken off before the drop and put back once the function exists
again: a default by two ``ALTER COLUMN`` changes (off, then on), a CHECK by DROP and
ADD CONSTRAINT, an index by DROP and CREATE INDEX; the planner orders them by what
they use. A type swap (``RebuildEnum``, ``RebuildRangeType``) runs between the drop and the
creation of the functions typed with the type, so what it would otherwise drop and put back
itself is taken out of it.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import indexes
from schemagen.model import deps
from schemagen.model.catalog import Catalog
from schemagen.model.changes import (
    AddConstraint,
    AlterColumn,
    Change,
    ColumnChange,
    CreateIndex,
    DropConstraint,
    DropIndex,
    DropTable,
    RebuildEnum,
)
from schemagen.model.names import QualifiedName
from schemagen.model.ranges import RebuildRangeType


def around_recreated_functions(
    old: Catalog, new: Catalog, changes: list[Change], functions: set[QualifiedName]
) -> tuple[list[Change], list[Change]]:
    """(``changes`` with type swaps narrowed, the changes that take users of ``functions`` off and on)."""
    if not functions:
        return changes, []
    names = {(f.schema, f.name) for f in functions}

    def calls(text: str | None, table: QualifiedName) -> bool:
        return bool(text) and bool(names & deps.expression_references(text, table, old).function_names())

    altered = {(c.table, c.old.name) for c in changes if isinstance(c, AlterColumn)}
    constraints = {
        (c.table, c.constraint.name) for c in changes if isinstance(c, AddConstraint | DropConstraint)
    }
    handled_indexes = {c.index.name for c in changes if isinstance(c, CreateIndex | DropIndex)}
    dropped = {c.table.name for c in changes if isinstance(c, DropTable)}
    extra: list[Change] = []
    defaults: set[tuple[QualifiedName, str]] = set()
    checks: set[tuple[QualifiedName, str]] = set()
    for name, table in new.tables.items():
        before = old.tables.get(name)
        if before is None or name in dropped:
            continue
        for column in table.columns:
            was = before.column(column.name)
            if was is None or (name, column.name) in altered or not calls(was.default, name):
                continue
            bare = replace(was, default=None)
            extra += [AlterColumn(name, was, bare, ColumnChange.DEFAULT)]
            if column.default is not None:
                extra.append(AlterColumn(name, replace(column, default=None), column, ColumnChange.DEFAULT))
            defaults.add((name, column.name))
        kept = {c.name: c for c in before.checks}
        for check in table.checks:
            was_check = kept.get(check.name)
            if was_check is None or (name, check.name) in constraints:
                continue
            if not calls(was_check.expression, name):
                continue
            extra += [DropConstraint(name, was_check), AddConstraint(name, check)]
            checks.add((name, check.name))
    rebuilt: set[QualifiedName] = set()
    for key, index in new.indexes.items():
        was_index = old.indexes.get(key)
        if was_index is None or key in handled_indexes or was_index.table in dropped:
            continue
        texts = [was_index.where, *(e.expression for e in was_index.elements)]
        if any(calls(t, was_index.table) for t in texts):
            extra += [DropIndex(was_index), *indexes.create_index(index)]
            rebuilt.add(key)
    narrowed = [
        _narrowed(c, defaults, checks, rebuilt) if isinstance(c, RebuildEnum | RebuildRangeType) else c
        for c in changes
    ]
    return narrowed, extra


def _narrowed(
    change: RebuildEnum | RebuildRangeType,
    defaults: set[tuple[QualifiedName, str]],
    checks: set[tuple[QualifiedName, str]],
    rebuilt: set[QualifiedName],
) -> RebuildEnum | RebuildRangeType:
    """The swap without the defaults, CHECKs and indexes put back around the recreated functions."""
    return replace(
        change,
        columns=tuple(
            (t, replace(c, default=None) if (t, c.name) in defaults else c) for t, c in change.columns
        ),
        checks=tuple((t, c) for t, c in change.checks if (t, c.name) not in checks),
        indexes=tuple(i for i in change.indexes if i.name not in rebuilt),
    )
