"""``schemagen build --verify``: the generated SQL applied to a real server, then rolled back.

The static checks are the first line; this is the proof. The script of
``generated/schema.sql`` (``search_path`` pinned, every change, the partition
maintenance run) is executed change by change in one transaction that is always
rolled back, on a scratch server of the target's major version (or the server
``--dev-dsn`` names). The first statement PostgreSQL refuses becomes a Q410
diagnostic at the YAML of the object whose change produced it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg

from schemagen.api.outputs import catalog_script
from schemagen.api.scratch import scratch_server
from schemagen.diagnostics import Diagnostic, Span
from schemagen.errors import DatabaseError
from schemagen.lint.server_errors import other_server, rejected_statement
from schemagen.model import Catalog, QualifiedName, Table
from schemagen.model.change import snake_case
from schemagen.model.changes import Change, CreateTable
from schemagen.render.plan import Part, ScriptPart

_RUN = (Part.SEARCH_PATH, Part.CHANGE, Part.MAINTENANCE)
_COLUMN_IN_MESSAGE = re.compile(r'column "([^"]+)"')


def change_span(change: Change | None) -> Span | None:
    """Where the object a change creates was declared (its most specific part with a span)."""
    if change is None:
        return None
    for field in reversed(dataclasses.fields(change)):  # type: ignore[arg-type]
        span = getattr(getattr(change, field.name), "span", None)
        if isinstance(span, Span):
            return span
    return None


def describe(change: Change) -> str:
    """How a message names a change: what it does and the name of what it creates.

    >>> from schemagen.model import Table
    >>> describe(CreateTable(Table(QualifiedName("app", "t"), ())))
    'create table app.t'
    """
    action = snake_case(type(change).__name__).replace("_", " ")
    for field in dataclasses.fields(change):  # type: ignore[arg-type]
        value = getattr(change, field.name)
        name = getattr(value, "name", None)
        if name is not None:
            table = getattr(value, "table", None)
            on = f" on {table}" if isinstance(table, QualifiedName) else ""
            return f"{action} {name}{on}"
    return action


def _part_span(change: Change, statement: str, where: str | None, message: str) -> Span | None:
    """The column or constraint of a CREATE TABLE whose line holds the error ``position``
    (1-based, in characters, as PostgreSQL reports it) or that the message names as
    ``column "x"``; else the change's own span."""
    table = getattr(change, "table", None)
    position = int(where) if where and where.isdigit() else 0
    if not isinstance(change, CreateTable) or not isinstance(table, Table):
        return change_span(change)
    named = _COLUMN_IN_MESSAGE.search(message)
    if not position:
        column = table.column(named.group(1)) if named else None
        return column.span if column is not None and column.span else change_span(change)
    line = statement[: position - 1].rsplit("\n", 1)[-1] + statement[position - 1 :].split("\n", 1)[0]
    words = line.strip().split()
    if len(words) >= 2 and words[0] == "CONSTRAINT":
        named = words[1].strip('"')
        parts = [table.primary_key, *table.uniques, *table.foreign_keys, *table.checks, *table.excludes]
        for part in parts:
            if part is not None and part.name == named and part.span is not None:
                return part.span
    elif words:
        column = table.column(words[0].strip('"'))
        if column is not None and column.span is not None:
            return column.span
    return change_span(change)


def _maintenance_span(catalog: Catalog) -> Span | None:
    """The first range-partitioned table: where a range rule is declared (macro tables have none)."""
    for table in catalog.tables.values():
        spec, span = table.partition_by, table.span
        if spec is not None and spec.strategy == "range" and span and not span.file.startswith("<"):
            return span
    return None


@contextmanager
def verify_connection(target: int, dev_dsn: str | None) -> Iterator[str]:
    """A DSN to verify on: ``dev_dsn``, or a scratch server of the ``target`` major version."""
    if dev_dsn is not None:
        yield dev_dsn
        return
    with scratch_server(target) as dsn:
        yield dsn


def verify_catalog(catalog: Catalog, target: int, dsn: str) -> list[Diagnostic]:
    """Run the catalog's script on ``dsn`` in one transaction, roll it back, report what failed.

    Raises:
        DatabaseError: the server cannot be reached.
    """
    parts = catalog_script(catalog)
    try:
        conn = psycopg.connect(dsn, autocommit=False)
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot connect to verify: {str(exc).strip().splitlines()[0]}") from exc
    found: list[Diagnostic] = []
    with conn:
        major = conn.info.server_version // 10000
        if major != target:
            found.append(other_server(major, target))
        try:
            for part in parts:
                if part.kind not in _RUN:
                    continue
                try:
                    conn.execute(part.sql)
                except psycopg.Error as exc:
                    found.append(_rejected(catalog, part, exc))
                    break
        finally:
            conn.rollback()
    return found


def _rejected(catalog: Catalog, part: ScriptPart, exc: psycopg.Error) -> Diagnostic:
    diag = exc.diag
    if part.change is not None:
        what = describe(part.change)
        span = _part_span(part.change, part.sql, diag.statement_position, diag.message_primary or "")
    else:
        what, span = "the partition maintenance run", _maintenance_span(catalog)
    message = diag.message_primary or str(exc).strip().splitlines()[0]
    return rejected_statement(
        what, part.sql, message, exc.sqlstate, diag.message_hint, diag.message_detail, span
    )
