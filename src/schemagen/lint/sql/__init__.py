"""Migration-safety rules (S7xx) over SQL files, on pglast's parse of each statement.

:func:`lint_sql` walks a file statement by statement, keeping what the file has
done so far (:class:`~schemagen.lint.sql.state.FileState`): the transactions it
opened, the timeouts it set and the objects it created, so an index on a table
created earlier in the same file, or a constant default on PostgreSQL 11+, is
not flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from schemagen.diagnostics import Diagnostic
from schemagen.lint.severity import finding
from schemagen.lint.sql import objects, script, tables
from schemagen.lint.sql.hit import Hit
from schemagen.lint.sql.source import SqlSource, read_sql
from schemagen.lint.sql.state import FileState
from schemagen.lint.suppression import Suppression


def lint_sql(
    text: str, path: str, *, postgres: int = 18, assume_in_transaction: bool = False
) -> tuple[list[Diagnostic], list[Suppression]]:
    """The findings of every SQL rule on one file, and the suppressions written in it.

    Args:
        text: the file's SQL.
        path: how findings name the file.
        postgres: the target major version (a constant default is free from 11 on).
        assume_in_transaction: the runner wraps the file in one transaction.
    """
    source = read_sql(text, path)
    return lint_source(source, postgres, assume_in_transaction), source.suppressions


def lint_source(source: SqlSource, postgres: int, assume_in_transaction: bool) -> list[Diagnostic]:
    state = FileState(postgres, assume_in_transaction)
    reported: set[str] = set()
    found: list[Diagnostic] = []
    for statement in source.statements:
        node = statement.node
        if node is None:
            continue
        for hit in _hits(node, statement.text, state, reported):
            found.append(finding(hit.code, hit.message, statement.span, hit.hint))
        state.record(node, statement)
    if state.depth and not state.assume_in_transaction and state.open_begin is not None:
        found.append(
            finding(
                "S730",
                "this transaction is never committed or rolled back",
                state.open_begin.span,
                "end the file with COMMIT",
            )
        )
    return found


def _hits(node: object, text: str, state: FileState, reported: set[str]) -> Iterator[Hit]:
    yield from script.timeouts(node, state, reported)
    yield from script.identifiers(text)
    yield from script.unqualified(node)
    if isinstance(node, ast.TransactionStmt):
        yield from script.transaction(node, state)
    elif isinstance(node, ast.CreateStmt):
        yield from tables.create_table(node, state)
    elif isinstance(node, ast.IndexStmt):
        yield from tables.create_index(node, state)
    elif isinstance(node, ast.AlterTableStmt):
        yield from tables.alter_table(node, state)
    elif isinstance(node, ast.DropStmt):
        yield from objects.drop(node, state)
    else:
        yield from objects.statement(node, state)


__all__ = ["lint_sql"]
