"""What a migration file has done so far: transactions, timeouts, objects it created."""

from __future__ import annotations

from dataclasses import dataclass, field

from pglast import ast
from pglast.enums import ObjectType, TransactionStmtKind

_BEGIN = {TransactionStmtKind.TRANS_STMT_BEGIN, TransactionStmtKind.TRANS_STMT_START}
_END = {
    TransactionStmtKind.TRANS_STMT_COMMIT,
    TransactionStmtKind.TRANS_STMT_ROLLBACK,
    TransactionStmtKind.TRANS_STMT_PREPARE,
}


def key(schema: str | None, name: str) -> tuple[str, str]:
    """How a created object is remembered: (schema or "", name), both as PostgreSQL folded them."""
    return (schema or "", name)


def range_key(rv: ast.RangeVar | None) -> tuple[str, str] | None:
    return key(rv.schemaname, rv.relname) if rv is not None and rv.relname else None


def names_key(names) -> tuple[str, str] | None:
    """A ``(schema.)name`` given as pglast String nodes (types, domains, functions)."""
    parts = [n.sval for n in names or () if isinstance(n, ast.String)]
    if not parts:
        return None
    return key(parts[-2] if len(parts) > 1 else None, parts[-1])


@dataclass
class FileState:
    """The running state of one file, updated after each statement."""

    postgres: int
    assume_in_transaction: bool = False
    depth: int = 0
    created: set[tuple[str, str]] = field(default_factory=set)
    lock_timeout: bool = False
    statement_timeout: bool = False
    not_valid_in_transaction: set[tuple[tuple[str, str], str]] = field(default_factory=set)
    not_null_checks: dict[tuple[tuple[str, str], str], str] = field(default_factory=dict)
    """(table, constraint) → column of a ``CHECK (column IS NOT NULL)`` added in this file."""
    proven_not_null: set[tuple[tuple[str, str], str]] = field(default_factory=set)
    """(table, column) a validated ``CHECK (column IS NOT NULL)`` covers: SET NOT NULL skips its scan."""
    open_begin: object | None = None

    @property
    def in_transaction(self) -> bool:
        return self.assume_in_transaction or self.depth > 0

    def is_new(self, name: tuple[str, str] | None) -> bool:
        """Whether the object was created earlier in this file (so it is empty and unknown to clients)."""
        if name is None:
            return False
        if name in self.created:
            return True
        schema, bare = name
        return any(n == bare and (not schema or not s) for s, n in self.created)

    def record(self, node: object, statement: object) -> None:
        """Update the state with what ``node`` does."""
        if isinstance(node, ast.TransactionStmt):
            if node.kind in _BEGIN:
                if not self.depth:  # PostgreSQL ignores a BEGIN inside a transaction (S725)
                    self.open_begin = statement
                self.depth = 1
            elif node.kind in _END and self.depth:
                self.depth = 0
                self.not_valid_in_transaction.clear()
                self.open_begin = None
            return
        if isinstance(node, ast.VariableSetStmt) and node.name:
            if node.name == "lock_timeout":
                self.lock_timeout = True
            elif node.name == "statement_timeout":
                self.statement_timeout = True
            return
        self.created.update(name for name in created_by(node) if name is not None)


def created_by(node: object) -> list[tuple[str, str] | None]:
    """The objects a statement creates (None where a name cannot be read)."""
    if isinstance(node, ast.CreateStmt | ast.CreateForeignTableStmt):
        return [range_key(node.relation)]
    if isinstance(node, ast.CreateTableAsStmt):
        return [range_key(node.into.rel)] if node.into else []
    if isinstance(node, ast.ViewStmt):
        return [range_key(node.view)]
    if isinstance(node, ast.CreateSeqStmt):
        return [range_key(node.sequence)]
    if isinstance(node, ast.IndexStmt) and node.idxname:
        schema = node.relation.schemaname if node.relation else None
        return [key(schema, node.idxname)]
    if isinstance(node, ast.CreateEnumStmt | ast.CreateRangeStmt):
        return [names_key(node.typeName)]
    if isinstance(node, ast.CompositeTypeStmt):
        return [range_key(node.typevar)]
    if isinstance(node, ast.CreateDomainStmt):
        return [names_key(node.domainname)]
    if isinstance(node, ast.CreateFunctionStmt):
        return [names_key(node.funcname)]
    if isinstance(node, ast.CreateSchemaStmt) and node.schemaname:
        return [key(None, node.schemaname)]
    if isinstance(node, ast.DefineStmt) and node.kind == ObjectType.OBJECT_TYPE:
        return [names_key(node.defnames)]
    return []
