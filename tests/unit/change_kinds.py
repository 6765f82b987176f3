"""Changes named by their class, so a test compares a list of changes with a list of words."""

from __future__ import annotations

from collections.abc import Iterable

from schemagen.model.changes import Change


def change_kinds(changes: Iterable[Change]) -> list[str]:
    """The class name of each change, in order: ``[CreateTable(…)]`` → ``["CreateTable"]``."""
    return [type(c).__name__ for c in changes]
