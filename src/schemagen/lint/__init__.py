"""SQL lint (Q4xx) over rendered scripts: the PostgreSQL grammar gate and statement splitting."""

from __future__ import annotations

from schemagen.lint.parse_gate import parse_gate
from schemagen.lint.statements import ScanError, Statement, split_statements, statements

__all__ = ["ScanError", "Statement", "parse_gate", "split_statements", "statements"]
