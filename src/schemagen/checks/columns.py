"""C312-C313, C342, C367: extensions, identity and sequence types, NULL and domains, column defaults."""

from __future__ import annotations

from pglast import ast
from pglast.enums import NullTestType

from schemagen.checks.typenames import parse_type, resolve_base
from schemagen.diagnostics import Diagnostic, error, warning
from schemagen.model import Catalog, Domain, QualifiedName
from schemagen.model.pg.builtins import known_extensions
from schemagen.model.pg.sqlparse import parse_expression
from schemagen.model.pg.types import INTEGER_TYPES


def check_extensions_available(catalog: Catalog) -> list[Diagnostic]:
    """C312: a declared extension ships with PostgreSQL (contrib) or pgvector.

    A warning: another server may have it. Prevents: ``extension "x" is not
    available``. The list comes from the generated catalog data (every extension
    PostgreSQL 18's full contrib ships, pgcrypto and uuid-ossp included, plus pgvector).
    """
    return [
        warning(
            "C312",
            f"extension {name!r} is not among PostgreSQL 18's contrib modules and pgvector",
            extension.span,
            "make sure the target server has it installed, or check the name",
        )
        for name, extension in catalog.extensions.items()
        if name not in known_extensions()
    ]


def check_integer_types(catalog: Catalog) -> list[Diagnostic]:
    """C313: identity columns and sequences are smallint, integer or bigint.

    Prevents: ``identity column type must be smallint, integer, or bigint`` and
    ``sequence type must be smallint, integer, or bigint``.
    """
    found = []
    for table in catalog.tables.values():
        for column in table.columns:
            ref = resolve_base(catalog, column.type)
            if column.identity is not None and (
                ref.schema is not None or ref.name not in INTEGER_TYPES or ref.array
            ):
                found.append(
                    error(
                        "C313",
                        f"identity column {table.name}.{column.name} has type {column.type}",
                        column.span or table.span,
                        "identity columns are smallint, integer or bigint",
                    )
                )
    for name, sequence in catalog.sequences.items():
        if parse_type(sequence.data_type).name not in INTEGER_TYPES:
            found.append(
                error(
                    "C313",
                    f"sequence {name} has type {sequence.data_type}",
                    sequence.span,
                    "sequences are smallint, integer or bigint",
                )
            )
    return found


def check_column_value_sources(catalog: Catalog) -> list[Diagnostic]:
    """C367: a column has at most one of DEFAULT, identity and generation expression.

    Prevents: ``both default and identity specified for column``, ``both default
    and generation expression specified for column``, ``both identity and
    generation expression specified for column``.
    """
    found = []
    for table in catalog.tables.values():
        for column in table.columns:
            sources = [
                label
                for label, value in (
                    ("default", column.default),
                    ("identity", column.identity),
                    ("generated", column.generated),
                )
                if value is not None
            ]
            if len(sources) > 1:
                found.append(
                    error(
                        "C367",
                        f"column {table.name}.{column.name} has both {' and '.join(sources)}",
                        column.span or table.span,
                        "keep one: a column gets its value from a default, an identity or an expression",
                    )
                )
    return found


def _rejects_null(domain: Domain) -> str | None:
    if domain.not_null:
        return "NOT NULL"
    for check in domain.checks:
        parsed = parse_expression(check.expression)
        conjuncts = [parsed.node]
        while conjuncts:
            node = conjuncts.pop()
            if isinstance(node, ast.BoolExpr) and node.boolop.name == "AND_EXPR":
                conjuncts.extend(node.args)
            elif (
                isinstance(node, ast.NullTest)
                and node.nulltesttype == NullTestType.IS_NOT_NULL
                and isinstance(node.arg, ast.ColumnRef)
            ):
                return f"CHECK {check.name} ({check.expression})"
    return None


def check_nullable_columns_of_non_null_domains(catalog: Catalog) -> list[Diagnostic]:
    """C342: a nullable column whose domain rejects NULL can never be left empty.

    A warning. A domain's NOT NULL and a domain CHECK ``VALUE IS NOT NULL`` also
    apply to NULL (unlike a column CHECK), so an optional column of that domain —
    ``parent_agent_id`` of the source design — rejects every NULL. Prevents:
    ``domain x does not allow null values`` and ``value for domain x violates
    check constraint`` on the first row that leaves the column empty.
    """
    rejecting: dict[QualifiedName, str] = {}
    for name, domain in catalog.domains.items():
        reason = _rejects_null(domain)
        if reason:
            rejecting[name] = reason
    if not rejecting:
        return []
    found = []
    for table in catalog.tables.values():
        key = set(table.primary_key.columns) if table.primary_key else set()
        for column in table.columns:
            ref = parse_type(column.type)
            domain = ref.qualified
            if (
                column.not_null
                or column.name in key
                or ref.array
                or domain is None
                or domain not in rejecting
            ):
                continue
            found.append(
                warning(
                    "C342",
                    f"column {table.name}.{column.name} may be NULL, but its domain {domain} rejects "
                    f"NULL ({rejecting[domain]})",
                    column.span or table.span,
                    "write not_null: true on a required column, or drop the NULL rule from the domain",
                )
            )
    return found
