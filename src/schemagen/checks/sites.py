"""Every SQL expression of a catalog, with where it sits and what it may refer to."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from schemagen.checks.memo import last_catalog
from schemagen.diagnostics import Span
from schemagen.model import Catalog, Column, QualifiedName, Table
from schemagen.model.pg.sqlparse import ParsedExpression, parse_expression


class Site(enum.Enum):
    """Where an expression is used; PostgreSQL's rules differ per place."""

    CHECK = "CHECK constraint"
    DEFAULT = "DEFAULT"
    GENERATED = "generated column expression"
    INDEX_EXPRESSION = "index expression"
    INDEX_PREDICATE = "index predicate"
    EXCLUDE_ELEMENT = "EXCLUDE element"
    EXCLUDE_PREDICATE = "EXCLUDE predicate"
    PARTITION_KEY = "partition key expression"
    DOMAIN_CHECK = "domain CHECK constraint"
    DOMAIN_DEFAULT = "domain DEFAULT"
    POLICY = "policy expression"
    TRIGGER_WHEN = "trigger WHEN condition"
    STATISTICS_EXPRESSION = "statistics expression"


MUST_BE_IMMUTABLE = frozenset(
    {Site.GENERATED, Site.INDEX_EXPRESSION, Site.INDEX_PREDICATE, Site.EXCLUDE_ELEMENT}
    | {Site.EXCLUDE_PREDICATE, Site.PARTITION_KEY, Site.STATISTICS_EXPRESSION}
)
"""Sites where PostgreSQL refuses a function that is not IMMUTABLE."""

TABLE_COLUMNS_ONLY = MUST_BE_IMMUTABLE | {Site.CHECK}
"""Sites whose column references must be columns of the table itself."""


@dataclass(frozen=True)
class Expression:
    """One expression: its text, site, owner (for messages) and source position."""

    text: str
    site: Site
    owner: str
    span: Span | None
    table: Table | None = None
    column: Column | None = None
    domain: QualifiedName | None = None

    @property
    def subject(self) -> str:
        """How messages name the expression: ``CHECK c on s.t``, ``index predicate of index s.i``."""
        if self.site in (Site.CHECK, Site.DOMAIN_CHECK):
            return self.owner
        return f"{self.site.value} of {self.owner}"


def expressions(catalog: Catalog) -> Iterator[Expression]:
    """All expressions of ``catalog``, in catalog order (collected once per catalog)."""
    return iter(_all_expressions(catalog))


def parsed_expressions(catalog: Catalog) -> Iterator[tuple[Expression, ParsedExpression]]:
    """Each expression of ``catalog`` that parses, with its parse (C360 reports the others)."""
    for expr in expressions(catalog):
        parsed = parse_expression(expr.text)
        if parsed.node is not None:
            yield expr, parsed


@last_catalog
def _all_expressions(catalog: Catalog) -> tuple[Expression, ...]:
    return tuple(_collect(catalog))


def _collect(catalog: Catalog) -> Iterator[Expression]:
    for name, domain in catalog.domains.items():
        if domain.default is not None:
            yield Expression(domain.default, Site.DOMAIN_DEFAULT, f"domain {name}", domain.span, domain=name)
        for check in domain.checks:
            owner = f"CHECK {check.name} of domain {name}"
            yield Expression(
                check.expression, Site.DOMAIN_CHECK, owner, check.span or domain.span, domain=name
            )
    for table in catalog.tables.values():
        yield from _table_expressions(table)
    for index in catalog.indexes.values():
        table = catalog.tables.get(index.table)
        owner = f"index {index.name}"
        for element in index.elements:
            if element.expression is not None:
                yield Expression(element.expression, Site.INDEX_EXPRESSION, owner, index.span, table)
        if index.where is not None:
            yield Expression(index.where, Site.INDEX_PREDICATE, owner, index.span, table)
    for statistics in catalog.statistics.values():
        table = catalog.tables.get(statistics.table)
        for text in statistics.expressions:
            owner = f"statistics {statistics.name}"
            yield Expression(text, Site.STATISTICS_EXPRESSION, owner, statistics.span, table)
    for policy in catalog.policies.values():
        owner = f"policy {policy.name} on {policy.table}"
        for text in (policy.using, policy.with_check):
            if text is not None:
                yield Expression(text, Site.POLICY, owner, policy.span, catalog.tables.get(policy.table))
    for trigger in catalog.triggers.values():
        if trigger.when is not None:
            owner = f"trigger {trigger.name} on {trigger.table}"
            table = catalog.tables.get(trigger.table)
            yield Expression(trigger.when, Site.TRIGGER_WHEN, owner, trigger.span, table)


def _table_expressions(table: Table) -> Iterator[Expression]:
    for column in table.columns:
        owner = f"column {table.name}.{column.name}"
        span = column.span or table.span
        if column.default is not None:
            yield Expression(column.default, Site.DEFAULT, owner, span, table, column)
        if column.generated is not None:
            yield Expression(column.generated, Site.GENERATED, owner, span, table, column)
    for check in table.checks:
        owner = f"CHECK {check.name} on {table.name}"
        yield Expression(check.expression, Site.CHECK, owner, check.span or table.span, table)
    for exclude in table.excludes:
        owner = f"EXCLUDE {exclude.name} on {table.name}"
        span = exclude.span or table.span
        for element in exclude.elements:
            if table.column(element.expression) is None:
                yield Expression(element.expression, Site.EXCLUDE_ELEMENT, owner, span, table)
        if exclude.where is not None:
            yield Expression(exclude.where, Site.EXCLUDE_PREDICATE, owner, span, table)
    if table.partition_by is not None:
        for key in table.partition_by.expression_keys:
            owner = f"partition key of {table.name}"
            yield Expression(key, Site.PARTITION_KEY, owner, table.span, table)
