"""Collations, operators, aggregates and text search objects as YAML values.

References are written so ``builder/support.py`` reads them back to the same
object: a function bare when it is the built-in of that name or this schema's
(and no built-in shares the name), an operator bare in this schema, a text search
parser, template or dictionary bare in ``pg_catalog``.
"""

from __future__ import annotations

from typing import Any

from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model.names import QualifiedName
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.types import short_type
from schemagen.model.support import (
    PUBLISH_ACTIONS,
    Aggregate,
    Collation,
    EventTrigger,
    Operator,
    Publication,
    Rule,
    Statistics,
    TextSearchConfiguration,
    TextSearchDictionary,
)


def _part(name: str) -> str:
    """A name as written in a reference: quoted only when a dot, quote or space would misread it."""
    return quote_ident(name) if any(c in name for c in '." ') or name != name.strip() else name


def _qualified(name: QualifiedName) -> str:
    return f"{_part(name.schema)}.{_part(name.name)}"


def function_text(name: QualifiedName, schema: str) -> str:
    """A function reference as written in ``schema``'s file.

    >>> function_text(QualifiedName("pg_catalog", "array_append"), "app")
    'array_append'
    >>> app = QualifiedName("app", "median_final")
    >>> function_text(app, "app"), function_text(QualifiedName("app", "now"), "app")
    ('median_final', 'app.now')
    """
    builtin = builtin_volatility(name.name) is not None
    if (name.schema == "pg_catalog" and builtin) or (name.schema == schema and not builtin):
        return _part(name.name)
    return _qualified(name)


def operator_text(name: QualifiedName, schema: str) -> str:
    """An operator reference: the bare symbol in ``schema``, else ``schema.symbol``."""
    return name.name if name.schema == schema else f"{_part(name.schema)}.{name.name}"


def catalog_text(name: QualifiedName) -> str:
    """A text search parser, template or dictionary: bare in ``pg_catalog``."""
    return _part(name.name) if name.schema == "pg_catalog" else _qualified(name)


def collation_value(collation: Collation) -> Any:
    """``{locale}`` (or ``lc_collate`` and ``lc_ctype`` when they differ), provider and options."""
    value: dict[str, Any] = {}
    if collation.provider != "libc":
        value["provider"] = collation.provider
        value["locale"] = collation.locale
    elif collation.lc_collate == collation.lc_ctype:
        value["locale"] = collation.lc_collate
    else:
        value["lc_collate"] = collation.lc_collate
        value["lc_ctype"] = collation.lc_ctype
    if not collation.deterministic:
        value["deterministic"] = False
    if collation.rules is not None:
        value["rules"] = collation.rules
    if collation.comment:
        return {**value, "comment": collation.comment}
    return FlowMap(value)


def operator_value(operator: Operator) -> dict[str, Any]:
    """One operator definition (format.md, "Collations, operators, aggregates, text search")."""
    schema = operator.name.schema
    value: dict[str, Any] = {"function": function_text(operator.function, schema)}
    if operator.left is not None:
        value["left"] = short_type(operator.left, schema)
    value["right"] = short_type(operator.right, schema)
    for key in ("commutator", "negator"):
        other = getattr(operator, key)
        if other is not None:
            value[key] = operator_text(other, schema)
    for key in ("restrict", "join"):
        function = getattr(operator, key)
        if function is not None:
            value[key] = function_text(function, schema)
    if operator.hashes:
        value["hashes"] = True
    if operator.merges:
        value["merges"] = True
    if operator.comment:
        value["comment"] = operator.comment
    return value


def aggregate_value(aggregate: Aggregate) -> dict[str, Any]:
    """One aggregate definition."""
    schema = aggregate.name.schema
    value: dict[str, Any] = {}
    if aggregate.arguments:
        value["arguments"] = FlowList([short_type(t, schema) for t in aggregate.arguments])
    if aggregate.order_by is not None:
        value["order_by"] = FlowList([short_type(t, schema) for t in aggregate.order_by])
    if aggregate.variadic:
        value["variadic"] = True
    if aggregate.hypothetical:
        value["hypothetical"] = True
    value["sfunc"] = function_text(aggregate.sfunc, schema)
    value["stype"] = short_type(aggregate.stype, schema)
    if aggregate.sspace:
        value["sspace"] = aggregate.sspace
    for key in ("finalfunc", "combinefunc", "serialfunc", "deserialfunc"):
        function = getattr(aggregate, key)
        if function is not None:
            value[key] = function_text(function, schema)
    if aggregate.finalfunc_extra:
        value["finalfunc_extra"] = True
    if aggregate.finalfunc_modify is not None:
        value["finalfunc_modify"] = aggregate.finalfunc_modify.lower()
    if aggregate.initcond is not None:
        value["initcond"] = aggregate.initcond
    if aggregate.sortop is not None:
        value["sortop"] = operator_text(aggregate.sortop, schema)
    if aggregate.parallel != "UNSAFE":
        value["parallel"] = aggregate.parallel.lower()
    if aggregate.comment:
        value["comment"] = aggregate.comment
    return value


def dictionary_value(dictionary: TextSearchDictionary) -> dict[str, Any]:
    """``{template, options, comment}``."""
    value: dict[str, Any] = {"template": catalog_text(dictionary.template)}
    if dictionary.options:
        value["options"] = FlowMap(dict(dictionary.options))
    if dictionary.comment:
        value["comment"] = dictionary.comment
    return value


def configuration_value(configuration: TextSearchConfiguration) -> dict[str, Any]:
    """``{parser, mappings: {token type: [dictionaries]}, comment}``."""
    value: dict[str, Any] = {"parser": catalog_text(configuration.parser)}
    if configuration.mappings:
        value["mappings"] = {
            token: FlowList([catalog_text(d) for d in dictionaries])
            for token, dictionaries in configuration.mappings
        }
    if configuration.comment:
        value["comment"] = configuration.comment
    return value


def statistics_value(statistics: Statistics) -> dict[str, Any]:
    """``{table, columns, expressions, kinds, target, comment}``."""
    schema = statistics.name.schema
    table = statistics.table
    value: dict[str, Any] = {"table": table.name if table.schema == schema else _qualified(table)}
    if statistics.columns:
        value["columns"] = FlowList(list(statistics.columns))
    if statistics.expressions:
        value["expressions"] = list(statistics.expressions)
    if statistics.kinds is not None:
        value["kinds"] = FlowList(list(statistics.kinds))
    if statistics.target is not None:
        value["target"] = statistics.target
    if statistics.comment:
        value["comment"] = statistics.comment
    return value


def event_trigger_value(trigger: EventTrigger, schema: str) -> dict[str, Any]:
    """``{event, function, tags, enabled, comment}``; the function as written in ``schema``'s file."""
    value: dict[str, Any] = {"event": trigger.event, "function": _qualified(trigger.function)}
    if trigger.tags:
        value["tags"] = FlowList(list(trigger.tags))
    if trigger.enabled != "origin":
        value["enabled"] = trigger.enabled
    if trigger.comment:
        value["comment"] = trigger.comment
    return value


def rules_value(rules: list[Rule], schema: str) -> dict[str, Any]:
    """``{relation: {rule: {event, instead, where, actions, enabled, comment}}}`` of one schema."""
    by_relation: dict[str, dict[str, Any]] = {}
    for rule in rules:
        table = rule.table.name if rule.table.schema == schema else _qualified(rule.table)
        value: dict[str, Any] = {"event": rule.event.lower()}
        if rule.instead:
            value["instead"] = True
        if rule.where is not None:
            value["where"] = rule.where
        if rule.actions:
            value["actions"] = list(rule.actions)
        if rule.enabled != "origin":
            value["enabled"] = rule.enabled
        if rule.comment:
            value["comment"] = rule.comment
        by_relation.setdefault(table, {})[rule.name] = value
    return by_relation


def publication_value(publication: Publication, schema: str) -> dict[str, Any]:
    """``{all_tables | tables, schemas, publish, via_partition_root, generated_columns, comment}``."""
    value: dict[str, Any] = {}
    if publication.all_tables:
        value["all_tables"] = True
    tables = []
    for t in publication.tables:
        name = t.table.name if t.table.schema == schema else _qualified(t.table)
        if t.columns is None and t.where is None:
            tables.append(name)
            continue
        entry: dict[str, Any] = {"table": name}
        if t.columns is not None:
            entry["columns"] = FlowList(list(t.columns))
        if t.where is not None:
            entry["where"] = t.where
        tables.append(entry)
    if tables:
        value["tables"] = tables
    if publication.schemas:
        value["schemas"] = FlowList(list(publication.schemas))
    if publication.publish != PUBLISH_ACTIONS:
        value["publish"] = FlowList(list(publication.publish))
    if publication.via_partition_root:
        value["via_partition_root"] = True
    if publication.generated_columns:
        value["generated_columns"] = True
    if publication.comment:
        value["comment"] = publication.comment
    return value
