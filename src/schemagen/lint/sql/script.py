"""Rules over the file as a whole: transactions, timeouts, identifiers, schema-qualified names."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType, TransactionStmtKind
from pglast.parser import ParseError, scan

from schemagen.lint.sql.hit import Hit
from schemagen.lint.sql.state import FileState, names_key, range_key
from schemagen.model.pg.naming import MAX_IDENTIFIER_BYTES

_NAME_FIELDS = (
    "relname",
    "colname",
    "idxname",
    "conname",
    "newname",
    "schemaname",
    "policy_name",
    "trigname",
)
_BEGIN = {TransactionStmtKind.TRANS_STMT_BEGIN, TransactionStmtKind.TRANS_STMT_START}
_QUALIFIED = (ast.CreateStmt, ast.AlterTableStmt, ast.IndexStmt)


def transaction(node: ast.TransactionStmt, state: FileState) -> Iterator[Hit]:
    if node.kind in _BEGIN and state.in_transaction:
        yield Hit(
            "S725",
            "BEGIN inside a transaction: PostgreSQL warns and ignores it, and the first COMMIT ends both",
            "remove the inner BEGIN (the migration runner already opens a transaction)",
        )


def locks_existing(node: object, state: FileState) -> bool:
    """Whether the statement locks an object that existed before this file (a slow lock can queue)."""
    if isinstance(node, ast.AlterTableStmt | ast.RenameStmt | ast.AlterObjectSchemaStmt):
        relation = getattr(node, "relation", None)
        return relation is None or not state.is_new(range_key(relation))
    if isinstance(node, ast.IndexStmt):
        return not node.concurrent and not state.is_new(range_key(node.relation))
    if isinstance(node, ast.CreateTrigStmt | ast.CreatePolicyStmt | ast.AlterPolicyStmt):
        relation = getattr(node, "relation", None) or getattr(node, "table", None)
        return not state.is_new(range_key(relation))
    if isinstance(node, ast.DropStmt):
        if node.concurrent or node.removeType in (ObjectType.OBJECT_SCHEMA, ObjectType.OBJECT_EXTENSION):
            return False
        names = [names_key(o) for o in node.objects or () if isinstance(o, tuple | list)]
        return not names or not all(state.is_new(n) for n in names)
    if isinstance(node, ast.AlterEnumStmt | ast.AlterDomainStmt):
        return not state.is_new(names_key(node.typeName))
    if isinstance(node, ast.ReindexStmt):
        return not any(p.defname == "concurrently" for p in node.params or ())
    return isinstance(node, ast.TruncateStmt | ast.ClusterStmt) or (
        isinstance(node, ast.VacuumStmt) and any(o.defname == "full" for o in node.options or ())
    )


def timeouts(node: object, state: FileState, reported: set[str]) -> Iterator[Hit]:
    """S736/S737/S729, once per file, at the first statement that locks an existing object unguarded."""
    if not locks_existing(node, state):
        return
    if not state.lock_timeout and "S736" not in reported:
        reported.add("S736")
        yield Hit(
            "S736",
            "no SET lock_timeout before this lock on an existing object: "
            "while it waits, every query on the table queues behind it",
            "SET lock_timeout = '2s' at the top of the migration (and retry on timeout)",
        )
    if not state.statement_timeout and "S737" not in reported:
        reported.add("S737")
        yield Hit(
            "S737",
            "no SET statement_timeout before this slow operation on an existing object",
            "SET statement_timeout = '5min' (or what the migration may take) at the top",
        )
    if not (state.lock_timeout and state.statement_timeout) and "S729" not in reported:
        reported.add("S729")
        yield Hit("S729", "lock_timeout and statement_timeout are not both set before this statement")


def identifiers(text: str) -> Iterator[Hit]:
    """S733: names over 63 bytes, which PostgreSQL truncates with only a NOTICE.

    Read from the scanner's tokens: the parser has already truncated them.
    """
    seen = set()
    try:
        tokens = scan(text)
    except ParseError:
        return
    for token in tokens:
        if token.name != "IDENT":
            continue
        name = text[token.start : token.end + 1]
        name = name[1:-1].replace('""', '"') if name.startswith('"') else name
        size = len(name.encode("utf-8"))
        if size > MAX_IDENTIFIER_BYTES and name not in seen:
            seen.add(name)
            yield Hit(
                "S733",
                f"identifier {name[:24]}… is {size} bytes: PostgreSQL truncates it to 63",
                "use a name of at most 63 bytes",
            )


def unqualified(node: object) -> Iterator[Hit]:
    """S732: a table named without its schema resolves through search_path."""
    if isinstance(node, _QUALIFIED) and node.relation is not None and not node.relation.schemaname:
        yield Hit(
            "S732",
            f"table {node.relation.relname} is named without its schema",
            "qualify it: schema.table",
        )
