"""Running one migration file: in its own transaction, or statement by statement in autocommit.

A file whose header says ``-- transaction: none`` (``CREATE INDEX CONCURRENTLY``,
``ALTER TYPE … ADD VALUE``) is split into statements with PostgreSQL's own scanner
(``model/pg/statements.py``, pglast) and each runs on its own; any other file runs as
one transaction, which also writes its history row. A failing file is recorded as
failed after its transaction rolled back, so the record survives. After each file
the session's settings are reset (``RESET ALL``): a ``SET search_path`` or
``SET lock_timeout`` of one file does not reach the next.
"""

from __future__ import annotations

import time

import psycopg

from schemagen.api.apply import error_text, remove_invalid_index
from schemagen.api.inspect import scrub
from schemagen.api.migrate_history import record, sql
from schemagen.errors import DatabaseError, UsageError
from schemagen.migrations import Migration, Script
from schemagen.model.pg.statements import ScanError, statements


class MigrationFailed(DatabaseError):
    """A statement of a migration file failed; the file is recorded as failed, the run stopped."""

    def __init__(
        self,
        migration: Migration,
        script: Script,
        statement: str,
        error: str,
        committed: int,
        done: list[str],
        recorded: bool = True,
    ):
        self.migration, self.script, self.statement, self.error = migration, script, statement, error
        self.committed, self.done = committed, done
        lines = [f"migration {script.file} failed at statement:"]
        lines += [f"    {line}" for line in statement.splitlines()]
        lines += [f"PostgreSQL said: {error}"]
        if not script.transactional:
            lines += [
                f"the file runs outside a transaction (-- transaction: none): its first {committed} "
                "statement(s) stay committed; fix the file so it can run again from the start"
            ]
        else:
            lines += [f"rolled back: the database is as it was before {script.file}"]
        if done:
            lines += [f"applied before it in this run: {', '.join(done)}"]
        if recorded:
            lines += ["recorded as failed in schemagen.migration_history; fix it and run again"]
        super().__init__("\n".join(lines))


def script_statements(script: Script) -> list[str]:
    """The statements of ``script``'s text; ``UsageError`` when it cannot be tokenized."""
    try:
        return [s.text for s in statements(script.text)]
    except ScanError as exc:
        raise UsageError(f"{script.file}: cannot split into statements: {exc}") from None


def run_script(
    conn: psycopg.Connection,
    migration: Migration,
    direction: str,
    conninfo: str,
    *,
    recorded: bool,
    done: list[str] | None = None,
) -> int:
    """Run the ``direction`` file of ``migration`` on an autocommit connection; the milliseconds it took
    (its statements: what the history records).

    ``recorded``: write its history row (success in the file's transaction, failure
    after the rollback). Raises ``MigrationFailed`` on the first failing statement.
    """
    script = migration.up if direction == "up" else migration.down
    parts = script_statements(script)
    started = time.perf_counter()
    statement, committed, ms = "", 0, 0
    try:
        if not script.transactional:
            for executed, statement in enumerate(parts, start=1):
                conn.execute(statement)
                if conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
                    committed = executed  # not inside a BEGIN … COMMIT block of the file
            ms = _elapsed(started)
            if recorded:
                _record(conn, migration, script, ms)
        else:
            with conn.transaction():
                for statement in parts:
                    conn.execute(statement)
                ms = _elapsed(started)
                if recorded:
                    _record(conn, migration, script, ms)
    except psycopg.Error as exc:
        error = error_text(exc, conninfo)
        detail = getattr(getattr(exc, "diag", None), "message_detail", None)
        if detail:
            error = f"{error}\nDETAIL: {scrub(detail, conninfo)}"
        if not conn.closed:
            conn.rollback()  # a BEGIN … COMMIT block of a `transaction: none` file left open by the failure
            conn.execute(sql("reset_session"))
            if not script.transactional:  # a failed CREATE INDEX CONCURRENTLY leaves an INVALID index
                error = "\n".join([error, *remove_invalid_index(conn, statement, conninfo)])
            if recorded:
                _record(conn, migration, script, _elapsed(started), f"{error}\nstatement: {statement}")
        raise MigrationFailed(
            migration, script, statement, error, committed, list(done or []), recorded
        ) from None
    conn.execute(sql("reset_session"))
    return ms


def _elapsed(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _record(
    conn: psycopg.Connection, migration: Migration, script: Script, ms: int, error: str | None = None
) -> None:
    record(conn, migration.version, migration.name, script.direction, script.checksum, ms, error)
