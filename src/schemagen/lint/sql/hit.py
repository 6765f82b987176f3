"""A rule's finding on one statement, before it is located and given a severity."""

from __future__ import annotations

from typing import NamedTuple


class Hit(NamedTuple):
    """Rule ``code`` fired on the statement being linted."""

    code: str
    message: str
    hint: str | None = None
