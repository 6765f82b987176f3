"""Rules on statements about other objects: drops, renames, types, domains, policies, options."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import DropBehavior, ObjectType

from schemagen.lint.sql.hit import Hit
from schemagen.lint.sql.state import FileState, names_key, range_key

OT = ObjectType
_DROPS = {
    OT.OBJECT_TABLE: ("S711", "DROP TABLE deletes the table and its data"),
    OT.OBJECT_VIEW: ("S738", "DROP VIEW breaks clients that query it"),
    OT.OBJECT_MATVIEW: ("S738", "DROP MATERIALIZED VIEW breaks clients that query it"),
    OT.OBJECT_FUNCTION: ("S739", "DROP FUNCTION breaks clients that call it"),
    OT.OBJECT_PROCEDURE: ("S739", "DROP PROCEDURE breaks clients that call it"),
    OT.OBJECT_ROUTINE: ("S739", "DROP ROUTINE breaks clients that call it"),
    OT.OBJECT_AGGREGATE: ("S739", "DROP AGGREGATE breaks clients that call it"),
    OT.OBJECT_TYPE: ("S740", "DROP TYPE breaks clients that use it"),
    OT.OBJECT_SCHEMA: ("S741", "DROP SCHEMA breaks clients that use its objects"),
    OT.OBJECT_SEQUENCE: ("S742", "DROP SEQUENCE breaks clients that call nextval on it"),
    OT.OBJECT_DOMAIN: ("S743", "DROP DOMAIN breaks clients that use it"),
    OT.OBJECT_EXTENSION: ("S749", "DROP EXTENSION removes its functions and types too"),
    OT.OBJECT_POLICY: ("S755", "DROP POLICY changes which rows clients see"),
    OT.OBJECT_INDEX: ("S751", "DROP INDEX can make queries slow"),
}
_RENAMES = {OT.OBJECT_COLUMN: "S721", OT.OBJECT_TABLE: "S722"}
_SEQUENCE_VALUES = {"restart", "start", "minvalue", "maxvalue", "increment", "cycle", "as"}


def drop(node: ast.DropStmt, state: FileState) -> Iterator[Hit]:
    code, message = _DROPS.get(node.removeType, (None, None))
    if code:
        yield Hit(code, message)
    if node.removeType == OT.OBJECT_INDEX:
        if node.concurrent and state.in_transaction:
            yield Hit(
                "S707",
                "DROP INDEX CONCURRENTLY cannot run inside a transaction block",
                "run it in a migration of its own",
            )
        names = [names_key(o) for o in node.objects or () if isinstance(o, tuple | list)]
        if not node.concurrent and not all(state.is_new(n) for n in names):
            yield Hit(
                "S724",
                "DROP INDEX takes an ACCESS EXCLUSIVE lock on its table",
                "DROP INDEX CONCURRENTLY (outside a transaction)",
            )
    if not node.missing_ok and not state.in_transaction:
        yield Hit(
            "S718",
            "DROP without IF EXISTS, outside a transaction",
            "wrap the migration in a transaction, or write IF EXISTS",
        )


def statement(node: object, state: FileState) -> Iterator[Hit]:
    """Every rule that looks at one statement kind other than tables, indexes and drops."""
    if isinstance(node, ast.DropdbStmt):
        yield Hit("S709", f"DROP DATABASE {node.dbname}")
    elif isinstance(node, ast.RenameStmt):
        code = _RENAMES.get(node.renameType, "S746")
        yield Hit(code, f"renaming to {node.newname} breaks clients that use the old name", _RENAME_HINT)
        if not state.in_transaction:
            yield Hit("S718", "RENAME outside a transaction cannot be rerun safely", _RERUN)
    elif isinstance(node, ast.AlterObjectSchemaStmt):
        yield Hit("S747", f"SET SCHEMA {node.newschema} breaks clients that use the old name")
        if not state.in_transaction:
            yield Hit("S718", "SET SCHEMA outside a transaction cannot be rerun safely", _RERUN)
    elif isinstance(node, ast.TruncateStmt) and node.behavior == DropBehavior.DROP_CASCADE:
        yield Hit("S728", "TRUNCATE … CASCADE also empties every table that references these")
    elif isinstance(node, ast.AlterEnumStmt):
        if node.oldVal:
            yield Hit("S746", f"renaming enum value {node.oldVal!r} breaks clients that use it", _RENAME_HINT)
        else:
            yield Hit("S767", f"ADD VALUE {node.newVal!r} adds a value clients may not handle")
            if not node.newValNeighbor:
                yield Hit(
                    "S731",
                    f"ADD VALUE {node.newVal!r} without BEFORE or AFTER appends it last in the sort order",
                    "say where it goes: ADD VALUE … BEFORE/AFTER …",
                )
    elif isinstance(node, ast.CreateDomainStmt) and node.constraints:
        yield Hit(
            "S726",
            "CREATE DOMAIN with a constraint: changing it later scans every column of the domain",
            "put NOT NULL and CHECK on the table columns instead",
        )
    elif isinstance(node, ast.AlterDomainStmt):
        yield from _alter_domain(node, state)
    elif isinstance(node, ast.ReindexStmt):
        concurrent = any(p.defname == "concurrently" for p in node.params or ())
        if concurrent and state.in_transaction:
            yield Hit("S707", "REINDEX CONCURRENTLY cannot run inside a transaction block")
        if not concurrent:
            yield Hit("S735", "REINDEX without CONCURRENTLY blocks writes (and reads of the index)", _REINDEX)
    elif isinstance(node, ast.VacuumStmt) and any(o.defname == "full" for o in node.options or ()):
        yield Hit("S775", "VACUUM FULL rewrites the table under an ACCESS EXCLUSIVE lock", _REPACK)
    elif isinstance(node, ast.ClusterStmt):
        yield Hit("S775", "CLUSTER rewrites the table under an ACCESS EXCLUSIVE lock", _REPACK)
    elif isinstance(node, ast.GrantStmt | ast.GrantRoleStmt) and not node.is_grant:
        yield Hit("S756", "REVOKE takes away access that clients may use")
    elif isinstance(node, ast.ViewStmt) and node.replace and state.is_new(range_key(node.view)) is False:
        yield Hit("S757", "CREATE OR REPLACE VIEW changes what clients read")
    elif isinstance(node, ast.CreateFunctionStmt) and node.replace:
        yield Hit("S757", "CREATE OR REPLACE FUNCTION changes what clients get")
    elif isinstance(node, ast.AlterPolicyStmt):
        if node.qual is not None or node.with_check is not None:
            yield Hit("S758", f"ALTER POLICY {node.policy_name} changes which rows clients see")
        if node.roles:
            yield Hit("S759", f"ALTER POLICY {node.policy_name} changes which roles it applies to")
    elif isinstance(node, ast.CreatePolicyStmt):
        yield Hit("S760", f"CREATE POLICY {node.policy_name} changes which rows clients see")
    elif isinstance(node, ast.AlterFunctionStmt):
        yield Hit("S761", "ALTER FUNCTION changes how clients' calls behave")
    elif isinstance(node, ast.AlterRoleStmt | ast.AlterRoleSetStmt):
        yield Hit("S763", "ALTER ROLE changes what clients may do")
    elif isinstance(node, ast.AlterDatabaseStmt | ast.AlterDatabaseSetStmt):
        yield Hit("S764", "ALTER DATABASE changes settings of every client")
    elif isinstance(node, ast.AlterSystemStmt):
        yield Hit("S772", "ALTER SYSTEM changes the server's configuration")
    elif isinstance(node, ast.AlterExtensionStmt | ast.AlterExtensionContentsStmt):
        yield Hit("S773", "ALTER EXTENSION changes functions and types clients use")
    elif isinstance(node, ast.AlterSeqStmt) and any(
        o.defname in _SEQUENCE_VALUES for o in node.options or ()
    ):
        yield Hit("S771", "changing a sequence's values can make it hand out used or out-of-range numbers")


_RERUN = "wrap the migration in a transaction, or make the statement rerunnable"
_RENAME_HINT = "add the new name beside the old one (a view, a column), move clients, drop the old later"
_REINDEX = "REINDEX … CONCURRENTLY (outside a transaction)"
_REPACK = "use pg_repack (or pg_squeeze), which rewrites the table without a long lock"


def _alter_domain(node: ast.AlterDomainStmt, state: FileState) -> Iterator[Hit]:
    """ALTER DOMAIN: C add constraint, X drop constraint, T set/drop default, N drop NOT NULL."""
    if node.subtype == "C":
        yield Hit(
            "S727",
            "ALTER DOMAIN … ADD CONSTRAINT scans every column of the domain while writes wait",
            "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT later",
        )
    elif node.subtype == "X":
        yield Hit("S744", f"DROP CONSTRAINT {node.name} on a domain removes a guarantee clients may assume")
    elif node.subtype == "T":
        if node.def_ is None:
            yield Hit("S774", "DROP DEFAULT on a domain: inserts that omit the column get NULL")
        else:
            yield Hit("S752", "SET DEFAULT on a domain changes what clients insert")
    elif node.subtype == "N":
        yield Hit("S710", "DROP NOT NULL on a domain: clients may rely on its columns being set")
    if not state.in_transaction:
        yield Hit("S718", "ALTER DOMAIN outside a transaction cannot be rerun safely", _RERUN)
