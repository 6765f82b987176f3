"""Versioned migration files: reading, normalising, checksumming and the sum file.

No database here: ``generated/migrations/`` is read into ordered ``Migration``
records and checked against ``schemagen.sum`` (codes ``M6xx``). The runner and
``migrate new`` (API layer) build on it.
"""

from schemagen.migrations.files import (
    MIGRATION_FILE,
    SUM_FILE,
    HeaderHazard,
    Migration,
    MigrationSet,
    Script,
    file_name,
    migration_id,
    ordered_scripts,
    read_migrations,
    slug,
)
from schemagen.migrations.sumfile import check_sum, render_sum, sum_total, verify_directory
from schemagen.migrations.text import chain, checksum, normalise

__all__ = [
    "MIGRATION_FILE",
    "SUM_FILE",
    "HeaderHazard",
    "Migration",
    "MigrationSet",
    "Script",
    "chain",
    "check_sum",
    "checksum",
    "file_name",
    "migration_id",
    "normalise",
    "ordered_scripts",
    "read_migrations",
    "render_sum",
    "slug",
    "sum_total",
    "verify_directory",
]
