"""Golden-test options: ``--update-goldens`` rewrites expected files instead of comparing."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected files of golden cases (review the diff like code)",
    )
