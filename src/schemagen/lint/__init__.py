"""SQL lint: the PostgreSQL grammar gate (Q4xx), and ``schemagen lint``'s rules.

Design rules (D7xx) read the declared catalog; migration-safety rules (S7xx)
read SQL statements. :mod:`schemagen.lint.registry` lists every rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schemagen.lint.parse_gate import parse_gate
from schemagen.lint.severity import LintConfig, lint_config
from schemagen.lint.sql import lint_sql
from schemagen.model.pg.statements import ScanError, Statement, split_statements, statements

if TYPE_CHECKING:
    from schemagen.lint.design import lint_catalog


def __getattr__(name: str) -> Any:
    """``lint_catalog`` is imported on first use: the design rules load sqlglot, which
    ``diff``/``plan``/``apply`` (importing ``schemagen.lint.severity``) never call."""
    if name == "lint_catalog":
        from schemagen.lint.design import lint_catalog

        return lint_catalog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "LintConfig",
    "ScanError",
    "Statement",
    "lint_catalog",
    "lint_config",
    "lint_sql",
    "parse_gate",
    "split_statements",
    "statements",
]
