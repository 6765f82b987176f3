"""Project settings (``schemagen.yaml``), shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_POSTGRES = (14, 15, 16, 17, 18)
DEFAULT_POSTGRES = 18


@dataclass(frozen=True)
class ProjectSettings:
    """What a project declares about itself; every field has a default."""

    postgres: int = DEFAULT_POSTGRES
    """Target PostgreSQL major version (14..18)."""
    audit_start: str = "2026-01-01"
    """First period of the audit change log's monthly partitions (``audit: {start}``)."""
    audit_retention: str | None = "12 months"
    """How long audit partitions are kept (``audit: {retention}``); None keeps them all."""
