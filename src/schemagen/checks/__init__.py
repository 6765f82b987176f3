"""Semantic checks (C3xx) over a built catalog: what PostgreSQL would reject, found early.

Each check is a pure function ``check_x(catalog) -> list[Diagnostic]`` registered in
``CHECKS``; :func:`run_checks` runs them all and returns the diagnostics sorted by
position. The codes and the PostgreSQL errors they prevent are listed in
``docs/checks.md``.
"""

from __future__ import annotations

from collections.abc import Callable

from schemagen.checks.body_checks import check_bodies_parse, check_body_references, check_body_statements
from schemagen.checks.calls import check_custom_settings, check_deprecated_functions
from schemagen.checks.column_storage import check_column_storage
from schemagen.checks.columns import (
    check_column_value_sources,
    check_extensions_available,
    check_integer_types,
    check_nullable_columns_of_non_null_domains,
)
from schemagen.checks.dependents import check_policies, check_reference_rows, check_rules, check_triggers
from schemagen.checks.enums import check_enum_comparisons, check_enum_defaults
from schemagen.checks.expressions import (
    check_column_references,
    check_expressions_parse,
    check_forbidden_constructs,
)
from schemagen.checks.foreign import check_foreign_references
from schemagen.checks.foreign_keys import check_foreign_keys
from schemagen.checks.identifiers import check_enum_labels, check_identifier_length, check_name_collisions
from schemagen.checks.immutability import check_immutability, check_unknown_functions
from schemagen.checks.index_design import check_redundant_indexes, check_wide_btree_columns
from schemagen.checks.literals import check_duplicate_row_keys, check_literals
from schemagen.checks.macro_columns import check_macro_columns
from schemagen.checks.partition_coverage import check_partition_coverage
from schemagen.checks.partition_overlap import check_partition_overlap
from schemagen.checks.partitions import (
    check_partition_bounds,
    check_partition_keys_exist,
    check_unique_keys_include_partition_key,
)
from schemagen.checks.query_names import check_query_columns, check_query_relations, check_view_column_lists
from schemagen.checks.references import (
    check_constraint_columns,
    check_index_tables,
    check_sequence_owners,
    check_type_references,
)
from schemagen.checks.replica_identity import check_replica_identity_index
from schemagen.checks.roles import check_roles_exist
from schemagen.checks.routine_options import check_rows_of_set_functions
from schemagen.checks.type_modifiers import check_type_modifiers
from schemagen.checks.unchecked import unchecked_bodies_warn
from schemagen.checks.versions import check_version_features
from schemagen.diagnostics import Diagnostic, sorted_diagnostics
from schemagen.model import Catalog

Check = Callable[[Catalog], list[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    check_type_references,
    check_constraint_columns,
    check_index_tables,
    check_sequence_owners,
    check_roles_exist,
    check_triggers,
    check_rules,
    check_policies,
    check_reference_rows,
    check_extensions_available,
    check_integer_types,
    check_column_value_sources,
    check_nullable_columns_of_non_null_domains,
    check_column_storage,
    check_rows_of_set_functions,
    check_replica_identity_index,
    check_foreign_keys,
    check_foreign_references,
    check_identifier_length,
    check_name_collisions,
    check_enum_labels,
    check_partition_keys_exist,
    check_unique_keys_include_partition_key,
    check_partition_bounds,
    check_partition_coverage,
    check_redundant_indexes,
    check_wide_btree_columns,
    check_enum_defaults,
    check_enum_comparisons,
    check_immutability,
    check_unknown_functions,
    check_expressions_parse,
    check_column_references,
    check_forbidden_constructs,
    check_deprecated_functions,
    check_custom_settings,
    check_bodies_parse,
    check_body_statements,
    check_body_references,
    check_literals,
    check_duplicate_row_keys,
    check_type_modifiers,
    check_partition_overlap,
    check_query_relations,
    check_query_columns,
    check_view_column_lists,
    check_macro_columns,
)
"""Every version-independent check, in the order they run (the output is sorted anyway)."""


def run_checks(catalog: Catalog, postgres_version: int = 18) -> list[Diagnostic]:
    """Run every check on ``catalog``; diagnostics sorted by position, duplicates dropped.

    Args:
        catalog: the built model.
        postgres_version: the target server's major version (14-18).

    Returns:
        All findings; errors mean the DDL would fail or be wrong on PostgreSQL.
    """
    found: list[Diagnostic] = []
    for check in CHECKS:
        found.extend(check(catalog))
    found.extend(check_version_features(catalog, postgres_version))
    return sorted_diagnostics(unchecked_bodies_warn(catalog, found))


__all__ = ["CHECKS", "Check", "run_checks"]
