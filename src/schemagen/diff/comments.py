"""Comment changes: one ``SetComment`` whenever a comment appears, changes or goes."""

from __future__ import annotations

from schemagen.model.changes import SetComment
from schemagen.model.names import QualifiedName


def comment_changes(
    kind: str,
    name: QualifiedName,
    old: str | None,
    new: str | None,
    *,
    member: str | None = None,
    arguments: tuple[str, ...] = (),
) -> list[SetComment]:
    """``[SetComment]`` when ``old`` and ``new`` differ, else ``[]``."""
    if old == new:
        return []
    return [SetComment(kind, name, new, old, member=member, arguments=arguments)]


def unqualified(name: str) -> QualifiedName:
    """The name of an object outside any schema (schema, extension, role)."""
    return QualifiedName("", name)
