"""What a live database has and the model cannot express: listed, never dropped."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Omission:
    """One object (or part of one) that ``introspect`` left out, and why.

    >>> Omission("rule", "tasks.scratch.no_delete", "rewrite rules are not supported").format()
    'rule tasks.scratch.no_delete: rewrite rules are not supported'
    """

    kind: str
    name: str
    why: str
    key: tuple[str, ...] = field(default=(), compare=False)
    """The object's catalog key when it exists but cannot be read (a user mapping): the diff
    treats it as present, never creating, dropping or altering it."""

    def format(self) -> str:
        """One line for a person: ``kind name: why``."""
        return f"{self.kind} {self.name}: {self.why}"
