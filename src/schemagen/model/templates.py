"""Which of schemagen's templates a project may override, and what an override is."""

from __future__ import annotations

from dataclasses import dataclass

TEMPLATE_PACKAGE = "schemagen.templates"
"""The package holding the default templates (the repository's top-level ``templates/``)."""

PROJECT_TEMPLATES_DIR = "templates"
"""A project's directory of template overrides, beside ``schema/``."""

OVERRIDABLE_TEMPLATES: dict[str, str] = {
    "files/header.sql.j2": "the header comment of generated/schema.sql",
    "files/erd.md.j2": "generated/erd.md",
}
"""The file-level templates a project may override (name → what it produces). The
templates under ``changes/`` and ``macros/`` write the DDL: a project's own version would
break the round trip (inspect → YAML → the same SQL) and the diffs migrations are planned
from, so none of them is here."""


@dataclass(frozen=True)
class TemplateOverride:
    """A project's own version of an overridable template."""

    name: str
    """The template's name, as in ``OVERRIDABLE_TEMPLATES`` (``files/erd.md.j2``)."""
    path: str
    """Where it was read, relative to the project (``templates/files/erd.md.j2``)."""
    text: str
    """The template's source."""
