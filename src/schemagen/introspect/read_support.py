"""Rows → collations, operators, aggregates, text search objects (pure); what they cannot say is omitted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.model.identity import identity_text
from schemagen.model.names import QualifiedName
from schemagen.model.pg.deflist import option_pairs
from schemagen.model.pg.rules import rule_parts
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

Row = Mapping[str, Any]

_PROVIDERS = {"c": "libc", "i": "icu", "b": "builtin"}
_PARALLEL = {"s": "SAFE", "r": "RESTRICTED", "u": "UNSAFE"}
_MODIFY = {"r": "READ_ONLY", "s": "SHAREABLE", "w": "READ_WRITE"}


def _name(pair: Sequence[str] | None) -> QualifiedName | None:
    return None if not pair else QualifiedName(pair[0], pair[1])


def read_collations(rows: Sequence[Row]) -> list[Collation]:
    """One ``Collation`` per row; libc collations keep ``lc_collate``/``lc_ctype``, others ``locale``.

    >>> [c] = read_collations([{"schema": "app", "name": "c", "provider": "c", "lc_collate": "C",
    ...     "lc_ctype": "C", "locale": None, "rules": None, "deterministic": True, "comment": None}])
    >>> c.provider, c.locale, c.lc_collate, c.lc_ctype
    ('libc', None, 'C', 'C')
    """
    result = []
    for r in rows:
        provider = _PROVIDERS.get(r["provider"], r["provider"])
        libc = provider == "libc"
        result.append(
            Collation(
                name=QualifiedName(r["schema"], r["name"]),
                provider=provider,
                locale=None if libc else r["locale"],
                lc_collate=r["lc_collate"] if libc else None,
                lc_ctype=r["lc_ctype"] if libc else None,
                deterministic=r["deterministic"],
                rules=r["rules"],
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return result


def read_operators(rows: Sequence[Row]) -> tuple[list[Operator], list[Omission]]:
    """One ``Operator`` per row (binary and prefix operators).

    A shell operator (no function: named as another's commutator or negator, never
    defined) is left out when a read operator names it, since creating that one
    makes the shell again; a shell nothing names is an omission.
    """
    shells = [r for r in rows if r["function"] is None]
    named = {tuple(r[k]) for r in rows for k in ("commutator", "negator") if r[k] and r["function"]}
    omissions = [
        Omission(
            "operator", f"{r['schema']}.{r['name']}", "a shell operator (never defined) is not supported"
        )
        for r in shells
        if (r["schema"], r["name"]) not in named
    ]
    operators = [
        Operator(
            name=QualifiedName(r["schema"], r["name"]),
            left=r["left_type"],
            right=r["right_type"],
            function=QualifiedName(*r["function"]),
            commutator=_name(r["commutator"]),
            negator=_name(r["negator"]),
            restrict=_name(r["restrict"]),
            join=_name(r["join"]),
            hashes=r["hashes"],
            merges=r["merges"],
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
        if r["function"] is not None
    ]
    return operators, omissions


def _aggregate_omission(r: Row) -> str | None:
    ordered = r["kind"] in ("o", "h")
    modes = r["argument_modes"] or ()
    if r["moving"]:
        return "moving-aggregate options (MSFUNC, MINVFUNC, …) are not supported"
    if r["other_options"]:
        return "COST, LEAKPROOF or SECURITY DEFINER on an aggregate is not supported"
    if any(n for n in r["argument_names"] or ()):
        return "named aggregate arguments are not supported"
    if ordered and "v" in modes:
        return "VARIADIC arguments of an ordered-set aggregate are not supported"
    return None


def read_aggregates(rows: Sequence[Row]) -> tuple[list[Aggregate], list[Omission]]:
    """Aggregates (normal, ordered-set, hypothetical-set) and what could not be read of them."""
    result, omissions = [], []
    for r in rows:
        name = QualifiedName(r["schema"], r["name"])
        why = _aggregate_omission(r)
        if why is not None:
            omissions.append(Omission("aggregate", identity_text(name, tuple(r["argument_types"])), why))
            continue
        ordered = r["kind"] in ("o", "h")
        types = tuple(r["argument_types"])
        direct = r["direct_count"] if ordered else len(types)
        modify = _MODIFY.get(r["finalfunc_modify"])
        result.append(
            Aggregate(
                name=name,
                arguments=types[:direct],
                order_by=types[direct:] if ordered else None,
                variadic="v" in (r["argument_modes"] or ()),
                hypothetical=r["kind"] == "h",
                sfunc=_name(r["sfunc"]),  # type: ignore[arg-type]
                stype=r["stype"],
                sspace=r["sspace"],
                finalfunc=_name(r["finalfunc"]),
                finalfunc_extra=r["finalfunc_extra"],
                finalfunc_modify=None if modify == ("READ_WRITE" if ordered else "READ_ONLY") else modify,
                combinefunc=_name(r["combinefunc"]),
                serialfunc=_name(r["serialfunc"]),
                deserialfunc=_name(r["deserialfunc"]),
                initcond=r["initcond"],
                sortop=_name(r["sortop"]),
                parallel=_PARALLEL[r["parallel"]],
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return result, omissions


def read_text_search_dictionaries(rows: Sequence[Row]) -> list[TextSearchDictionary]:
    """One ``TextSearchDictionary`` per row; options as PostgreSQL serialised them, in order."""
    return [
        TextSearchDictionary(
            name=QualifiedName(r["schema"], r["name"]),
            template=QualifiedName(r["template_schema"], r["template_name"]),
            options=option_pairs(r["options"]),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_text_search_configurations(rows: Sequence[Row]) -> list[TextSearchConfiguration]:
    """One ``TextSearchConfiguration`` per row: its mappings grouped by token type, sorted."""
    result = []
    for r in rows:
        mappings: dict[str, list[QualifiedName]] = {}
        for token, schema, dictionary in r["mappings"] or ():
            mappings.setdefault(token, []).append(QualifiedName(schema, dictionary))
        result.append(
            TextSearchConfiguration(
                name=QualifiedName(r["schema"], r["name"]),
                parser=QualifiedName(r["parser_schema"], r["parser_name"]),
                mappings=tuple(sorted((t, tuple(d)) for t, d in mappings.items())),
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return result


_STATISTICS_KINDS = {"d": "ndistinct", "f": "dependencies", "m": "mcv"}


def read_statistics(rows: Sequence[Row]) -> list[Statistics]:
    """Extended statistics; every applicable kind (PostgreSQL's default) reads as ``kinds`` None."""
    result = []
    for r in rows:
        kinds = tuple(_STATISTICS_KINDS[k] for k in r["kinds"] if k in _STATISTICS_KINDS)
        target = r["target"]
        result.append(
            Statistics(
                name=QualifiedName(r["schema"], r["name"]),
                table=QualifiedName(r["table_schema"], r["table_name"]),
                columns=tuple(r["columns"]),
                expressions=tuple(r["expressions"]),
                kinds=None if kinds in ((), STATISTICS_KINDS) else kinds,
                target=None if target is None or target < 0 else target,
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return result


_ENABLED = {"O": "origin", "D": "disabled", "R": "replica", "A": "always"}


def read_event_triggers(rows: Sequence[Row]) -> list[EventTrigger]:
    """Event triggers: event, command tags, function, firing mode."""
    return [
        EventTrigger(
            name=r["name"],
            event=r["event"],
            function=QualifiedName(r["function_schema"], r["function_name"]),
            tags=tuple(r["tags"]),
            enabled=_ENABLED[r["enabled"]],
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_rules(rows: Sequence[Row]) -> list[Rule]:
    """Rules, their parts read from ``pg_get_ruledef`` (``model/pg/rules.py``)."""
    result = []
    for r in rows:
        parts = rule_parts(r["definition"])
        result.append(
            Rule(
                name=r["name"],
                table=QualifiedName(r["schema"], r["table_name"]),
                event=parts.event,
                instead=parts.instead,
                where=parts.where,
                actions=parts.actions,
                enabled=_ENABLED[r["enabled"]],
                comment=r["comment"],
            )
        )
    return result


def read_publications(rows: Sequence[Row]) -> list[Publication]:
    """Publications: tables (column lists, row filters), schemas, what they publish."""
    return [
        Publication(
            name=r["name"],
            all_tables=r["all_tables"],
            tables=tuple(
                PublishedTable(
                    QualifiedName(t["schema"], t["name"]),
                    None if t["columns"] is None else tuple(t["columns"]),
                    t["where"],
                )
                for t in r["tables"]
            ),
            schemas=tuple(r["schemas"]),
            publish=tuple(a for a in PUBLISH_ACTIONS if r[a]),
            via_partition_root=r["via_partition_root"],
            generated_columns=r["generated_columns"] == "s",
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]
