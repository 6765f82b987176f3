"""The base of every change (``model/changes.py`` and each kind's own changes).

Its own small module, so a kind that defines changes (operator classes, range
types) does not load the forty-odd table and column changes with it: ``inspect``
imports the kinds but never a change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """Base class of every change."""

    def reverse(self) -> Change:
        """The change that undoes this one exactly."""
        raise NotImplementedError(f"{type(self).__name__} has no exact reverse")

    @classmethod
    def template_name(cls) -> str:
        """``changes/<snake_case(class name)>.sql.j2``."""
        return f"changes/{snake_case(cls.__name__)}.sql.j2"


def snake_case(name: str) -> str:
    """``CreateTable`` → ``create_table``.

    >>> snake_case("AlterSequenceOwnedBy")
    'alter_sequence_owned_by'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
