"""Rules on CREATE TABLE, ALTER TABLE and CREATE INDEX: locks, rewrites, scans on existing tables."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, ObjectType

from schemagen.lint.sql.columns import constraints, is_serial, is_volatile, type_hits
from schemagen.lint.sql.hit import Hit
from schemagen.lint.sql.state import FileState, range_key

A = AlterTableType
C = ConstrType
_ROBUST_CMDS = {A.AT_AddColumn, A.AT_DropColumn, A.AT_DropConstraint}
_ROW_SECURITY = {
    A.AT_EnableRowSecurity,
    A.AT_DisableRowSecurity,
    A.AT_ForceRowSecurity,
    A.AT_NoForceRowSecurity,
}
_DISABLE_TRIGGER = {A.AT_DisableTrig, A.AT_DisableTrigAll, A.AT_DisableTrigUser}
_IDENTITY = {A.AT_AddIdentity, A.AT_SetIdentity, A.AT_DropIdentity}


def create_table(node: ast.CreateStmt, state: FileState) -> Iterator[Hit]:
    for element in node.tableElts or ():
        if isinstance(element, ast.ColumnDef):
            yield from type_hits(element)
    if not node.if_not_exists and not state.in_transaction:
        yield Hit("S718", "CREATE TABLE without IF NOT EXISTS, outside a transaction", _RERUN)


_RERUN = "wrap the migration in a transaction, or make the statement rerunnable (IF [NOT] EXISTS)"


def create_index(node: ast.IndexStmt, state: FileState) -> Iterator[Hit]:
    table = range_key(node.relation)
    if node.concurrent and state.in_transaction:
        yield Hit(
            "S707",
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
            "run it in a migration of its own, outside BEGIN … COMMIT",
        )
    if not node.concurrent and not state.is_new(table):
        yield Hit(
            "S723",
            f"CREATE INDEX on existing table {'.'.join(p for p in table if p)} blocks writes while it builds",
            "CREATE INDEX CONCURRENTLY (outside a transaction)",
        )
    if not node.if_not_exists and not state.in_transaction:
        yield Hit("S718", "CREATE INDEX without IF NOT EXISTS, outside a transaction", _RERUN)


def alter_table(node: ast.AlterTableStmt, state: FileState) -> Iterator[Hit]:
    table = range_key(node.relation)
    new = state.is_new(table)
    label = ".".join(p for p in table if p) if table else "?"
    for cmd in node.cmds or ():
        if not isinstance(cmd, ast.AlterTableCmd):
            continue
        yield from _command(cmd, node.objtype, label, new, state, table)
        if not state.in_transaction:
            robust = cmd.subtype in _ROBUST_CMDS and cmd.missing_ok
            concurrent = isinstance(cmd.def_, ast.PartitionCmd) and cmd.def_.concurrent
            if not robust and not concurrent:  # CONCURRENTLY must run outside a transaction
                yield Hit("S718", f"ALTER TABLE {label} outside a transaction cannot be rerun safely", _RERUN)


def _command(cmd, objtype, label, new, state, table) -> Iterator[Hit]:
    kind = cmd.subtype
    column = cmd.name
    if kind == A.AT_AddColumn:
        if objtype == ObjectType.OBJECT_TYPE:
            yield Hit("S768", f"ALTER TYPE {label} ADD ATTRIBUTE changes a type clients read")
            return
        yield from _add_column(cmd.def_, label, new, state)
    elif kind == A.AT_AddConstraint and isinstance(cmd.def_, ast.Constraint):
        yield from _add_constraint(cmd.def_, label, new, state, table)
    elif kind == A.AT_ValidateConstraint:
        column = state.not_null_checks.get((table, cmd.name))
        if column is not None:
            state.proven_not_null.add((table, column))
        if (table, cmd.name) not in state.not_valid_in_transaction:
            return
        yield Hit(
            "S713",
            f"constraint {cmd.name} is validated in the transaction that added it NOT VALID",
            "commit the NOT VALID constraint first; VALIDATE CONSTRAINT in a later transaction",
        )
    elif kind == A.AT_SetNotNull:
        proven = state.postgres >= 12 and (table, column) in state.proven_not_null
        if not new and not proven:
            yield Hit(
                "S703",
                f"SET NOT NULL on {label}.{column} scans the table under an ACCESS EXCLUSIVE lock",
                "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL 12+)",
            )
            yield Hit("S766", f"SET NOT NULL on {label}.{column} can reject writes of existing clients")
    elif kind == A.AT_DropNotNull:
        yield Hit("S710", f"DROP NOT NULL on {label}.{column}: clients may rely on the column being set")
    elif kind == A.AT_AlterColumnType:
        if isinstance(cmd.def_, ast.ColumnDef):
            yield from type_hits(cmd.def_, column)
        if new:
            return
        yield Hit(
            "S712",
            f"changing the type of {label}.{column} rewrites the table under an ACCESS EXCLUSIVE lock",
            "add a new column, backfill it in batches, and switch over",
        )
    elif kind == A.AT_DropColumn:
        yield Hit("S708", f"DROP COLUMN {label}.{column} breaks clients that still read it")
    elif kind == A.AT_DropConstraint:
        yield Hit("S744", f"DROP CONSTRAINT {cmd.name} on {label} removes a guarantee clients may assume")
    elif kind == A.AT_DropExpression:
        yield Hit("S745", f"DROP EXPRESSION on {label}.{column}: the column stops being computed")
    elif kind == A.AT_SetExpression:
        yield Hit("S750", f"SET EXPRESSION on {label}.{column} rewrites the table and changes values")
    elif kind in _IDENTITY:
        yield Hit("S748", f"changing the identity of {label}.{column} can break inserts of existing clients")
    elif kind == A.AT_ColumnDefault:
        if cmd.def_ is None:
            yield Hit("S774", f"DROP DEFAULT on {label}.{column}: inserts that omit it get NULL")
        else:
            yield Hit("S752", f"SET DEFAULT on {label}.{column} changes what clients insert")
    elif kind in _DISABLE_TRIGGER:
        yield Hit("S753", f"DISABLE TRIGGER on {label} turns off behaviour the data relies on")
    elif kind == A.AT_ReplicaIdentity:
        yield Hit("S754", f"REPLICA IDENTITY on {label} changes logical replication")
    elif kind in _ROW_SECURITY:
        yield Hit("S765", f"changing row level security on {label} changes what clients see")
    elif kind in (A.AT_SetRelOptions, A.AT_ResetRelOptions) and objtype == ObjectType.OBJECT_VIEW:
        yield Hit("S762", f"changing the options of view {label} changes its security")
    elif kind == A.AT_DropInherit:
        yield Hit("S770", f"NO INHERIT on {label} changes what queries of the parent see")
    elif kind == A.AT_DetachPartition:
        yield Hit("S770", f"DETACH PARTITION on {label} changes what queries of the parent see")
        concurrent = isinstance(cmd.def_, ast.PartitionCmd) and cmd.def_.concurrent
        if not concurrent and not new and state.postgres >= 14:
            yield Hit(
                "S734",
                f"DETACH PARTITION on {label} takes an ACCESS EXCLUSIVE lock on the parent",
                "DETACH PARTITION … CONCURRENTLY (PostgreSQL 14+, outside a transaction)",
            )


def _add_column(column: ast.ColumnDef, label: str, new: bool, state: FileState) -> Iterator[Hit]:
    yield from type_hits(column)
    yield Hit("S769", f"ADD COLUMN {column.colname} to {label}: clients with SELECT * see a new column")
    defaults = constraints(column, C.CONSTR_DEFAULT)
    generated = constraints(column, C.CONSTR_GENERATED)
    if generated:
        yield Hit("S750", f"generated column {label}.{column.colname} may break inserts of existing clients")
    if new:
        return
    if generated:
        yield Hit(
            "S701",
            f"adding generated column {label}.{column.colname} rewrites the table under ACCESS EXCLUSIVE",
            "add a plain column and fill it in batches (or a trigger)",
        )
    elif defaults and (state.postgres < 11 or is_volatile(defaults[0].raw_expr)):
        why = (
            "PostgreSQL before 11 rewrites the table for any default"
            if state.postgres < 11
            else ("a volatile default is evaluated for every row: the table is rewritten")
        )
        yield Hit(
            "S701",
            f"ADD COLUMN {label}.{column.colname} with this default: {why}",
            "add the column without a default (or a constant one), then backfill in batches",
        )
    if is_serial(column) or constraints(column, C.CONSTR_PRIMARY):
        yield Hit(
            "S705",
            f"ADD COLUMN {label}.{column.colname} as a primary key builds the index under ACCESS EXCLUSIVE",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX",
        )
    not_null = constraints(column, C.CONSTR_NOTNULL) or column.is_not_null
    if not_null and not defaults and not generated and not constraints(column, C.CONSTR_IDENTITY):
        yield Hit(
            "S704",
            f"ADD COLUMN {label}.{column.colname} NOT NULL without a default fails on a table with rows",
            "add it nullable (or with a default), backfill, then SET NOT NULL",
        )
    if constraints(column, C.CONSTR_UNIQUE):
        yield Hit(
            "S714", f"ADD COLUMN {label}.{column.colname} UNIQUE builds an index under ACCESS EXCLUSIVE"
        )
    if constraints(column, C.CONSTR_FOREIGN):
        yield Hit("S702", f"ADD COLUMN {label}.{column.colname} REFERENCES locks and scans both tables")
    if not_null or constraints(column, C.CONSTR_CHECK):
        yield Hit(
            "S766", f"ADD COLUMN {label}.{column.colname} with a constraint can reject existing clients"
        )


def _add_constraint(constraint: ast.Constraint, label, new, state, table) -> Iterator[Hit]:
    kind = constraint.contype
    name = constraint.conname or "(unnamed)"
    if kind in (C.CONSTR_CHECK, C.CONSTR_FOREIGN) and constraint.skip_validation:
        state.not_valid_in_transaction.add((table, constraint.conname))
    checked = _not_null_column(constraint) if kind == C.CONSTR_CHECK else None
    if checked is not None:
        state.not_null_checks[(table, constraint.conname)] = checked
        if not constraint.skip_validation:
            state.proven_not_null.add((table, checked))
    if new:
        return
    if kind in (C.CONSTR_CHECK, C.CONSTR_FOREIGN, C.CONSTR_UNIQUE, C.CONSTR_PRIMARY, C.CONSTR_EXCLUSION):
        yield Hit("S766", f"new constraint {name} on {label} can reject writes of existing clients")
    if kind in (C.CONSTR_CHECK, C.CONSTR_FOREIGN) and not constraint.skip_validation:
        yield Hit(
            "S713",
            f"constraint {name} on {label} is validated at once, scanning the table while writes wait",
            "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later transaction",
        )
    if kind == C.CONSTR_FOREIGN and not constraint.skip_validation:
        yield Hit(
            "S702",
            f"foreign key {name} on {label} takes SHARE ROW EXCLUSIVE on both tables while it scans",
            "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later transaction",
        )
    if kind == C.CONSTR_UNIQUE and not constraint.indexname:
        yield Hit(
            "S714",
            f"UNIQUE constraint {name} on {label} builds its index under an ACCESS EXCLUSIVE lock",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX",
        )
    if kind == C.CONSTR_PRIMARY and not constraint.indexname:
        yield Hit(
            "S705",
            f"PRIMARY KEY {name} on {label} builds its index under an ACCESS EXCLUSIVE lock",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX",
        )


def _not_null_column(constraint: ast.Constraint) -> str | None:
    """The column of ``CHECK (column IS NOT NULL)``, or None."""
    expr = constraint.raw_expr
    if not isinstance(expr, ast.NullTest) or expr.nulltesttype.name != "IS_NOT_NULL":
        return None
    if isinstance(expr.arg, ast.ColumnRef) and len(expr.arg.fields) == 1:
        field = expr.arg.fields[0]
        return field.sval if isinstance(field, ast.String) else None
    return None
