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
