"""Role names PostgreSQL understands without a ``CREATE ROLE``.

``PUBLIC`` and the ``CURRENT_USER``-like keywords are not roles but may stand where
a role is named (GRANT, policies, default privileges); ``pg_*`` roles are predefined.
"""

from __future__ import annotations

PSEUDO_ROLES = frozenset({"public", "current_user", "current_role", "session_user"})
"""Keywords accepted as a role specification (lowercase)."""


def is_pseudo_role(name: str) -> bool:
    """Whether ``name`` is ``PUBLIC`` or a ``CURRENT_USER``-like keyword (any case).

    >>> is_pseudo_role("PUBLIC"), is_pseudo_role("reader")
    (True, False)
    """
    return name.lower() in PSEUDO_ROLES


def is_predefined_role(name: str) -> bool:
    """Whether ``name`` exists in every cluster: a pseudo-role or a ``pg_*`` predefined role.

    >>> is_predefined_role("pg_read_all_data"), is_predefined_role("current_user"), is_predefined_role("app")
    (True, True, False)
    """
    return is_pseudo_role(name) or name.startswith("pg_")
