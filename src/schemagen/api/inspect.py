"""Use case: read a live database and write it as a YAML project (``schemagen inspect``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict

from schemagen.api.memory import paused_gc
from schemagen.emit import emit_project, format_gaps
from schemagen.errors import DatabaseError, UsageError
from schemagen.introspect import Omission, introspect
from schemagen.model import Catalog


@dataclass(frozen=True)
class InspectResult:
    """What ``inspect`` read, wrote and could not express."""

    catalog: Catalog
    files: dict[str, str]
    omissions: list[Omission] = field(default_factory=list)


def mask_dsn(dsn: str) -> str:
    """The DSN with any password replaced by ``***`` (URL or key=value form).

    >>> mask_dsn("postgresql://app:s3cret@db/prod")
    'postgresql://app:***@db/prod'
    >>> mask_dsn("host=db password=s3cret dbname=prod")
    'host=db password=*** dbname=prod'
    """
    password = _password(dsn)
    return dsn.replace(password, "***") if password else dsn


def _password(dsn: str) -> str | None:
    try:
        return conninfo_to_dict(dsn).get("password") or None
    except psycopg.ProgrammingError:
        return None


def _scrub(message: str, dsn: str) -> str:
    password = _password(dsn)
    text = message.replace(password, "***") if password else message
    return text.replace(dsn, mask_dsn(dsn)) if dsn else text


def read_database(
    dsn: str | None, schemas: list[str] | None, progress: Callable[[str, int], None] | None = None
) -> tuple[Catalog, list[Omission]]:
    """Connect (``dsn`` None or empty: the libpq environment, PGHOST, PGDATABASE, …) and introspect."""
    conninfo = dsn or ""
    try:
        with psycopg.connect(conninfo, connect_timeout=10) as conn:
            return introspect(conn, schemas or None, progress)
    except psycopg.Error as exc:
        raise connection_error(exc, conninfo) from None


def connection_error(exc: psycopg.Error, conninfo: str) -> UsageError | DatabaseError:
    """The error to raise for a failed connection or read: a malformed DSN is a usage error.

    The password never appears in the message.
    """
    if isinstance(exc, psycopg.ProgrammingError):
        return UsageError(f"invalid --dsn: {_scrub(str(exc), conninfo)}")
    where = mask_dsn(conninfo) or "the libpq environment (PGHOST, PGDATABASE, …)"
    first_line = (
        _scrub(str(exc), conninfo).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    )
    return DatabaseError(f"cannot read {where}: {first_line}")


def scrub(message: str, dsn: str) -> str:
    """``message`` with the password of ``dsn`` (and ``dsn`` itself) masked."""
    return _scrub(message, dsn)


def inspect_database(
    dsn: str | None,
    schemas: list[str] | None,
    out: str | Path,
    progress: Callable[[str, int], None] | None = None,
) -> InspectResult:
    """Read the database and write ``out/schema/*.yaml``.

    Returns the catalog, the files written (relative path → text) and every
    omission: objects the model cannot hold, and parts the format cannot say.
    """
    with paused_gc():
        catalog, omissions = read_database(dsn, schemas, progress)
        files = emit_project(catalog)
        gaps = [Omission(kind, name, why) for kind, name, why in format_gaps(catalog)]
    root = Path(out)
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return InspectResult(catalog=catalog, files=files, omissions=sorted(set(omissions + gaps)))
