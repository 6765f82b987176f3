"""SQL lint: the PostgreSQL grammar gate (Q4xx), and ``schemagen lint``'s rules.

Design rules (D7xx) read the declared catalog; migration-safety rules (S7xx)
read SQL statements. :mod:`schemagen.lint.registry` lists every rule.
"""

from __future__ import annotations

from schemagen.lint.design import lint_catalog
from schemagen.lint.parse_gate import parse_gate
from schemagen.lint.severity import LintConfig, lint_config
from schemagen.lint.sql import lint_sql
from schemagen.lint.statements import ScanError, Statement, split_statements, statements

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
