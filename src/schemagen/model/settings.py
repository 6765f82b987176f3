"""Project settings (``schemagen.yaml``), shared by every stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span

SUPPORTED_POSTGRES = (14, 15, 16, 17, 18)
DEFAULT_POSTGRES = 18


LINT_LEVELS = ("error", "warning", "info", "off", "on")
"""What ``lint: {rules: {RULE: level}}`` may say: a severity, ``off``, or ``on`` (default severity)."""

NAMING_KINDS = ("table", "column", "index", "view", "function", "constraint", "schema", "type", "sequence")
"""The kinds ``lint: {naming: {KIND: regex}}`` may constrain."""


@dataclass(frozen=True)
class LintSettings:
    """``lint:`` in schemagen.yaml: per-rule levels and naming patterns."""

    rules: tuple[tuple[str, str], ...] = ()
    """(rule name or code, level) pairs, as written."""
    naming: tuple[tuple[str, str], ...] = ()
    """(kind, regular expression) pairs; a name of that kind must match fully."""
    spans: dict[str, Span] = field(default_factory=dict, compare=False, hash=False)
    """Where each rule key and naming kind was written (for located findings)."""


@dataclass(frozen=True)
class SafetySettings:
    """How a plan against a live database avoids blocking populated tables (``safety:``).

    Each rewrite applies only to tables that exist before the plan runs (never to
    a table the same plan creates), so ``generated/schema.sql`` never changes.
    """

    concurrent_indexes: bool = True
    """``CREATE`` / ``DROP INDEX CONCURRENTLY`` outside a transaction."""
    validate_separately: bool = True
    """A new FOREIGN KEY or CHECK is added ``NOT VALID`` and validated by its own statement."""
    not_null_via_check: bool = True
    """``SET NOT NULL`` after a validated ``CHECK (c IS NOT NULL)``, which is dropped again."""
    keys_from_concurrent_index: bool = True
    """A new PRIMARY KEY / UNIQUE is built as a concurrent unique index, then attached (``USING INDEX``)."""
    enum_values_outside_transaction: bool = True
    """``ALTER TYPE … ADD VALUE`` runs on its own, so the value is usable by the next statement."""
    lock_timeout: str | None = "5s"
    """``SET lock_timeout`` before each statement (None: leave the server's setting)."""
    statement_timeout: str | None = "1min"
    """``SET statement_timeout`` before each statement that is not an index build or a validation."""
    long_statement_timeout: str | None = "0"
    """``statement_timeout`` for index builds and validations (``0``: no limit)."""


@dataclass(frozen=True)
class ProjectSettings:
    """What a project declares about itself; every field has a default."""

    postgres: int = DEFAULT_POSTGRES
    """Target PostgreSQL major version (14..18)."""
    audit_start: str = "2026-01-01"
    """First period of the audit change log's monthly partitions (``audit: {start}``)."""
    audit_retention: str | None = "12 months"
    """How long audit partitions are kept (``audit: {retention}``); None keeps them all."""
    safety: SafetySettings = SafetySettings()
    """How plans against a live database are written (``safety:``)."""
    lint: LintSettings = field(default_factory=LintSettings)
    """The ``lint:`` section (rule levels, naming patterns)."""
    owners_managed: bool = False
    """``owners: managed``: objects' owners are declared (``owner:``), rendered and compared."""
