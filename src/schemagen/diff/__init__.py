"""Diff: the changes that take one catalog to another, by keyed set algebra."""

from schemagen.diff.catalog import diff_catalogs
from schemagen.diff.expressions import same_expression

__all__ = ["diff_catalogs", "same_expression"]
