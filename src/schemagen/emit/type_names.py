"""Names as a person writes them: same-schema names unqualified (types: model/pg/types.short_type)."""

from __future__ import annotations


def unqualified(name: str, schema: str) -> str:
    """``schema.name`` → ``name`` when in ``schema``; otherwise unchanged.

    >>> unqualified("demo.touch", "demo"), unqualified("audit.log", "demo")
    ('touch', 'audit.log')
    """
    prefix = f"{schema}."
    return name[len(prefix) :] if name.startswith(prefix) else name
