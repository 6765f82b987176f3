"""Collations, operators, aggregates and text search objects of one document.

References are resolved once here, by the rules of docs/format.md: a bare function
name is the built-in (``pg_catalog``) function when one has that name, else this
schema's; a bare operator is this schema's; a bare text search parser, template or
dictionary is ``pg_catalog``'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.names import QualifiedName
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.rules import statement_error
from schemagen.model.pg.scan import split_dotted
from schemagen.model.pg.sqlparse import parse_expression
from schemagen.model.pg.types import signature_type
from schemagen.model.support import (
    PUBLISH_ACTIONS,
    STATISTICS_KINDS,
    Aggregate,
    Collation,
    EventTrigger,
    Operator,
    Publication,
    PublishedTable,
    Rule,
    Statistics,
    TextSearchConfiguration,
    TextSearchDictionary,
)

CATALOG_SCHEMA = "pg_catalog"


def function_reference(text: str, schema: str) -> QualifiedName:
    """A function named in YAML: ``schema.name``, a built-in, or one of ``schema``.

    >>> str(function_reference("array_append", "app")), str(function_reference("median_final", "app"))
    ('pg_catalog.array_append', 'app.median_final')
    """
    parts = split_dotted(text)
    if len(parts) == 2:
        return QualifiedName(parts[0], parts[1])
    if builtin_volatility(parts[0]) is not None:
        return QualifiedName(CATALOG_SCHEMA, parts[0])
    return QualifiedName(schema, parts[0])


def operator_reference(text: str, schema: str) -> QualifiedName:
    """An operator named in YAML: ``schema.symbol`` or a symbol of ``schema``.

    >>> operator_reference("pg_catalog.<", "app"), operator_reference("~<<", "app")
    (QualifiedName(schema='pg_catalog', name='<'), QualifiedName(schema='app', name='~<<'))
    """
    if "." in text:
        owner, _, symbol = text.rpartition(".")
        return QualifiedName(split_dotted(owner)[0], symbol)
    return QualifiedName(schema, text)


def catalog_reference(text: str) -> QualifiedName:
    """A text search parser, template or dictionary: ``schema.name`` or ``pg_catalog``'s.

    >>> catalog_reference("simple"), catalog_reference("app.unaccent")
    (QualifiedName(schema='pg_catalog', name='simple'), QualifiedName(schema='app', name='unaccent'))
    """
    parts = split_dotted(text)
    return QualifiedName(parts[0], parts[1]) if len(parts) == 2 else QualifiedName(CATALOG_SCHEMA, parts[0])


def definitions(document: SourceDocument, section: str) -> list[tuple[JsonPath, str, dict[str, Any]]]:
    """(path, name, spec) of every definition in ``section`` (a list of overloads gives several)."""
    found = []
    for name, spec in (document.data.get(section) or {}).items():
        if isinstance(spec, list):
            found += [((section, name, i), str(name), item) for i, item in enumerate(spec)]
        else:
            found.append(((section, name), str(name), spec))
    return found


def definition_span(document: SourceDocument, path: JsonPath):
    """Where a definition of :func:`definitions` is: its key, or its list item (an overload)."""
    return document.key_span(path) if isinstance(path[-1], str) else document.span(path)


def build_collations(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Collation]:
    """``collations:``; a libc ``locale`` sets both ``lc_collate`` and ``lc_ctype``."""
    result = []
    for path, name, spec in definitions(document, "collations"):
        provider = str(spec.get("provider", "libc")).lower()
        locale = spec.get("locale")
        locale = None if locale is None else ctx.label(document, (*path, "locale"), locale)
        collate, ctype = spec.get("lc_collate", locale), spec.get("lc_ctype", locale)
        libc = provider == "libc"
        collation = Collation(
            name=QualifiedName(schema, name),
            provider=provider,
            locale=None if libc else locale,
            lc_collate=str(collate) if libc and collate is not None else None,
            lc_ctype=str(ctype) if libc and ctype is not None else None,
            deterministic=bool(spec.get("deterministic", True)),
            rules=spec.get("rules"),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("collation", collation.name, Located(document, path), str(collation.name)):
            result.append(collation)
    return result


def _type(text: Any, schema: str, ctx: BuildContext) -> str:
    return signature_type(ctx.resolve_type(str(text), schema))


def _function(spec: dict[str, Any], key: str, schema: str) -> QualifiedName | None:
    value = spec.get(key)
    return None if value is None else function_reference(str(value), schema)


def _operator(spec: dict[str, Any], key: str, schema: str) -> QualifiedName | None:
    value = spec.get(key)
    return None if value is None else operator_reference(str(value), schema)


def build_operators(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Operator]:
    """``operators:`` (a symbol maps to one definition or a list of overloads)."""
    result = []
    for path, name, spec in definitions(document, "operators"):
        left = spec.get("left")
        operator = Operator(
            name=QualifiedName(schema, name),
            left=None if left is None else _type(left, schema, ctx),
            right=_type(spec["right"], schema, ctx),
            function=function_reference(str(spec["function"]), schema),
            commutator=_operator(spec, "commutator", schema),
            negator=_operator(spec, "negator", schema),
            restrict=_function(spec, "restrict", schema),
            join=_function(spec, "join", schema),
            hashes=bool(spec.get("hashes", False)),
            merges=bool(spec.get("merges", False)),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("operator", operator.key, Located(document, path), f"operator {operator.key}"):
            result.append(operator)
    return result


def build_aggregates(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Aggregate]:
    """``aggregates:`` (a name maps to one definition or a list of overloads)."""
    result = []
    for path, name, spec in definitions(document, "aggregates"):
        order_by = spec.get("order_by")
        initcond = spec.get("initcond")
        modify = spec.get("finalfunc_modify")
        aggregate = Aggregate(
            name=QualifiedName(schema, name),
            arguments=tuple(_type(t, schema, ctx) for t in spec.get("arguments") or ()),
            order_by=None if order_by is None else tuple(_type(t, schema, ctx) for t in order_by),
            variadic=bool(spec.get("variadic", False)),
            hypothetical=bool(spec.get("hypothetical", False)),
            sfunc=function_reference(str(spec["sfunc"]), schema),
            stype=_type(spec["stype"], schema, ctx),
            sspace=int(spec.get("sspace", 0)),
            finalfunc=_function(spec, "finalfunc", schema),
            finalfunc_extra=bool(spec.get("finalfunc_extra", False)),
            finalfunc_modify=None if modify is None else str(modify).upper(),
            combinefunc=_function(spec, "combinefunc", schema),
            serialfunc=_function(spec, "serialfunc", schema),
            deserialfunc=_function(spec, "deserialfunc", schema),
            initcond=None if initcond is None else ctx.label(document, (*path, "initcond"), initcond),
            sortop=_operator(spec, "sortop", schema),
            parallel=str(spec.get("parallel", "unsafe")).upper(),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("aggregate", aggregate.key, Located(document, path), f"aggregate {aggregate.key}"):
            result.append(aggregate)
    return result


def build_text_search(
    document: SourceDocument, schema: str, ctx: BuildContext
) -> tuple[list[TextSearchDictionary], list[TextSearchConfiguration]]:
    """``text_search_dictionaries:`` and ``text_search_configurations:``."""
    dictionaries, configurations = [], []
    for path, name, spec in definitions(document, "text_search_dictionaries"):
        options = spec.get("options") or {}
        dictionary = TextSearchDictionary(
            name=QualifiedName(schema, name),
            template=catalog_reference(str(spec["template"])),
            options=tuple((str(k), ctx.sql(document, (*path, "options", k), v)) for k, v in options.items()),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("text search dictionary", dictionary.name, Located(document, path), name):
            dictionaries.append(dictionary)
    for path, name, spec in definitions(document, "text_search_configurations"):
        mappings = spec.get("mappings") or {}
        configuration = TextSearchConfiguration(
            name=QualifiedName(schema, name),
            parser=catalog_reference(str(spec["parser"])),
            mappings=tuple(
                sorted(
                    (str(token), tuple(catalog_reference(str(d)) for d in dicts))
                    for token, dicts in mappings.items()
                )
            ),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("text search configuration", configuration.name, Located(document, path), name):
            configurations.append(configuration)
    return dictionaries, configurations


_KIND_ORDER = {kind: i for i, kind in enumerate(STATISTICS_KINDS)}


def build_statistics(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Statistics]:
    """``statistics:``: extended statistics of a table (columns in table order: ``in_table_order``)."""
    result = []
    for path, name, spec in definitions(document, "statistics"):
        kinds = spec.get("kinds")
        chosen = (
            None if kinds is None else tuple(sorted({str(k).lower() for k in kinds}, key=_KIND_ORDER.get))
        )
        target = spec.get("target")
        statistics = Statistics(
            name=QualifiedName(schema, name),
            table=QualifiedName.parse(str(spec["table"]), schema),
            columns=tuple(str(c) for c in spec.get("columns") or ()),
            expressions=tuple(
                ctx.sql(document, (*path, "expressions", i), e)
                for i, e in enumerate(spec.get("expressions") or ())
            ),
            kinds=None if chosen in (None, STATISTICS_KINDS) else chosen,
            target=None if target is None else int(target),
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            span=definition_span(document, path),
        )
        if ctx.define("statistics", statistics.name, Located(document, path), str(statistics.name)):
            result.append(statistics)
    return result


def in_table_order(statistics: list[Statistics], tables: dict[QualifiedName, Any]) -> list[Statistics]:
    """Each statistics object with its columns in the table's column order, as PostgreSQL keeps them."""
    ordered = []
    for s in statistics:
        table = tables.get(s.table)
        if table is not None:
            position = {c.name: i for i, c in enumerate(table.columns)}
            s = replace(s, columns=tuple(sorted(s.columns, key=lambda c: position.get(c, len(position)))))
        ordered.append(s)
    return ordered


def build_event_triggers(documents: list[SourceDocument], ctx: BuildContext) -> list[EventTrigger]:
    """``event_triggers:`` of every file (database-wide; the function is written ``schema.name``)."""
    result = []
    for document in documents:
        schema = document.data.get("schema") if isinstance(document.data.get("schema"), str) else "public"
        for name, spec in (document.data.get("event_triggers") or {}).items():
            path: JsonPath = ("event_triggers", name)
            trigger = EventTrigger(
                name=str(name),
                event=str(spec["event"]),
                function=QualifiedName.parse(str(spec["function"]), schema),
                tags=tuple(str(t) for t in spec.get("tags") or ()),
                enabled=str(spec.get("enabled", "origin")),
                comment=spec.get("comment"),
                owner=ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
            if ctx.define("event trigger", trigger.name, Located(document, path), trigger.name):
                result.append(trigger)
    return result


def build_rules(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Rule]:
    """``rules: {relation: {name: {event, instead, where, actions, enabled, comment}}}``."""
    result = []
    for relation, rules in (document.data.get("rules") or {}).items():
        table = QualifiedName.parse(str(relation), schema)
        for name, spec in (rules or {}).items():
            path: JsonPath = ("rules", relation, name)
            actions = tuple(
                ctx.sql(document, (*path, "actions", i), a) for i, a in enumerate(spec.get("actions") or ())
            )
            for position, action in enumerate(actions):
                problem = statement_error(action)
                if problem is not None:
                    ctx.error(
                        "C360",
                        f"action of rule {name} on {table} does not parse as one statement: {problem}",
                        document.span((*path, "actions", position)),
                        "write one INSERT, UPDATE, DELETE, SELECT or NOTIFY per list item, without ';'",
                    )
            where = spec.get("where")
            parsed = None if where is None else parse_expression(ctx.sql(document, (*path, "where"), where))
            if parsed is not None and parsed.error is not None:
                ctx.error(
                    "C360",
                    f"condition of rule {name} on {table} does not parse: {parsed.error}",
                    document.span((*path, "where")),
                    "write one PostgreSQL value expression (old. and new. name the row)",
                )
            rule = Rule(
                name=str(name),
                table=table,
                event=str(spec["event"]).upper(),
                instead=bool(spec.get("instead", False)),
                where=None if where is None else ctx.sql(document, (*path, "where"), where),
                actions=actions,
                enabled=str(spec.get("enabled", "origin")),
                comment=spec.get("comment"),
                span=document.key_span(path),
            )
            if ctx.define("rule", rule.key, Located(document, path), f"{name} on {table}"):
                result.append(rule)
    return result


def build_publications(documents: list[SourceDocument], ctx: BuildContext) -> list[Publication]:
    """``publications:`` of every file (database-wide; a bare table is the file's schema's)."""
    result = []
    for document in documents:
        schema = document.data.get("schema") if isinstance(document.data.get("schema"), str) else "public"
        for name, spec in (document.data.get("publications") or {}).items():
            path: JsonPath = ("publications", name)
            spec = spec or {}
            tables = []
            for i, entry in enumerate(spec.get("tables") or ()):
                if isinstance(entry, str):
                    tables.append(PublishedTable(QualifiedName.parse(entry, schema)))
                    continue
                columns, where = entry.get("columns"), entry.get("where")
                table = QualifiedName.parse(str(entry["table"]), schema)
                text = None if where is None else ctx.sql(document, (*path, "tables", i, "where"), where)
                problem = None if text is None else parse_expression(text).error
                if problem is not None:
                    ctx.error(
                        "C360",
                        f"row filter of {table} in publication {name} does not parse: {problem}",
                        document.span((*path, "tables", i, "where")),
                        "write one PostgreSQL value expression over the table's columns",
                    )
                listed = None if columns is None else tuple(map(str, columns))
                tables.append(PublishedTable(table, listed, text))
            publish = {str(a).lower() for a in spec.get("publish") or PUBLISH_ACTIONS}
            publication = Publication(
                name=str(name),
                all_tables=bool(spec.get("all_tables", False)),
                tables=tuple(sorted(tables, key=lambda t: t.table)),
                schemas=tuple(sorted(str(s) for s in spec.get("schemas") or ())),
                publish=tuple(a for a in PUBLISH_ACTIONS if a in publish),
                via_partition_root=bool(spec.get("via_partition_root", False)),
                generated_columns=bool(spec.get("generated_columns", False)),
                comment=spec.get("comment"),
                owner=ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
            if ctx.define("publication", publication.name, Located(document, path), publication.name):
                result.append(publication)
    return result


def publications_in_table_order(
    publications: list[Publication], tables: dict[QualifiedName, Any]
) -> list[Publication]:
    """Column lists in the table's column order, as PostgreSQL keeps them."""
    ordered = []
    for p in publications:
        entries = []
        for t in p.tables:
            table = tables.get(t.table)
            if table is not None and t.columns is not None:
                position = {c.name: i for i, c in enumerate(table.columns)}
                t = replace(t, columns=tuple(sorted(t.columns, key=lambda c: position.get(c, len(position)))))
            entries.append(t)
        ordered.append(replace(p, tables=tuple(entries)))
    return ordered
