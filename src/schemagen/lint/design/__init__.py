"""Design rules (D710-D723) over the declared catalog, located in the YAML."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic
from schemagen.lint.design.expressions import expression_rules
from schemagen.lint.design.tables import column_types, comments, foreign_key_indexes, naming, primary_keys
from schemagen.model import Catalog


def lint_catalog(
    catalog: Catalog, naming_patterns: tuple[tuple[str, str], ...] = (), *, comments_on: bool = True
) -> list[Diagnostic]:
    """Every design finding at its rule's default severity (configuration is applied by the caller).

    ``comments_on`` False skips D722 (off by default, and one finding per column).
    """
    found: list[Diagnostic] = []
    found += foreign_key_indexes(catalog)
    found += primary_keys(catalog)
    found += column_types(catalog)
    found += expression_rules(catalog)
    if comments_on:
        found += comments(catalog)
    found += naming(catalog, naming_patterns)
    return found


__all__ = ["lint_catalog"]
