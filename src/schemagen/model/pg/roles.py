"""Role names PostgreSQL understands without a ``CREATE ROLE``.

``PUBLIC`` and the ``CURRENT_USER``-like keywords are not roles but may stand where
a role is named (GRANT, policies, default privileges); ``pg_*`` roles are predefined.
"""

from __future__ import annotations

from datetime import UTC, datetime

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


def canonical_valid_until(value: object) -> str | None:
    """A role's ``VALID UNTIL`` as schemagen keeps it: UTC, ``YYYY-MM-DD HH:MM:SS[.ffffff]+00``;
    None for none or ``infinity`` (the same: a password that never expires). A time without
    an offset is UTC; text that is no timestamp is kept as written.

    >>> canonical_valid_until("2100-01-01"), canonical_valid_until("2030-06-01T12:30:00+02:00")
    ('2100-01-01 00:00:00+00', '2030-06-01 10:30:00+00')
    >>> canonical_valid_until("infinity") is None, canonical_valid_until("2030-01-01 00:00:00.5Z")
    (True, '2030-01-01 00:00:00.500000+00')
    """
    if value is None:
        return None
    text = str(value).strip()
    if text.lower() == "infinity":
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    fraction = f".{moment.microsecond:06d}" if moment.microsecond else ""
    return moment.strftime("%Y-%m-%d %H:%M:%S") + fraction + "+00"
