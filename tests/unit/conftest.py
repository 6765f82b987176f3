"""Unit tests need no server: a test under tests/unit that asks for one is a collection error."""

from __future__ import annotations

import pytest

SERVER_FIXTURES = frozenset(
    {"pg_server", "pg18_server", "pg15_server", "fresh_db", "pg18_db", "pg15_db", "_server_workdir"}
)


def server_fixtures_of(item: pytest.Item) -> set[str]:
    """The server fixtures a collected test asks for, directly or through other fixtures."""
    return SERVER_FIXTURES & set(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    misplaced = [
        f"{item.nodeid} uses {', '.join(sorted(server_fixtures_of(item)))}"
        for item in items
        if "tests/unit/" in item.nodeid.replace("\\", "/") and server_fixtures_of(item)
    ]
    if misplaced:
        raise pytest.UsageError(
            "tests that need a PostgreSQL server belong in tests/integration/, not tests/unit/:\n  "
            + "\n  ".join(misplaced)
        )
