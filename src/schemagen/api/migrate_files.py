"""A project's migration files, read and checked against ``schemagen.sum`` (``schemagen.migrations``)."""

from __future__ import annotations

from pathlib import Path

from schemagen.api.project import GENERATED_DIR, project_root
from schemagen.diagnostics import Diagnostic, Severity
from schemagen.errors import SchemagenError
from schemagen.migrations import MigrationSet, verify_directory

MIGRATIONS_DIR = "migrations"


class TamperedMigrations(SchemagenError):
    """The migration files do not match ``schemagen.sum`` (or are malformed); nothing was run."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(
            f"{len(diagnostics)} problem(s) in generated/migrations: nothing was run; restore the files "
            "(git) or rewrite them with `schemagen migrate new`"
        )


def migrations_dir(project: str | Path) -> Path:
    """``generated/migrations`` of the project (checked to hold ``schema/``)."""
    return project_root(project) / GENERATED_DIR / MIGRATIONS_DIR


def read_project_migrations(project: str | Path) -> MigrationSet:
    """The project's migrations and what is wrong with them (tampering: ``M6xx``)."""
    return verify_directory(migrations_dir(project))


def load_migrations(project: str | Path) -> MigrationSet:
    """The project's migrations; ``TamperedMigrations`` when any file or the sum is wrong."""
    found = read_project_migrations(project)
    errors = [d for d in found.diagnostics if d.severity is Severity.ERROR]
    if errors:
        raise TamperedMigrations(list(found.diagnostics))
    return found
