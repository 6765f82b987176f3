"""Partition children: declared, ``partitions: N`` for hash, and generated range periods.

Children are tables with ``partition_of`` set. They carry the parent's columns
(as the catalog shows them; comments are not inherited) but no constraints of
their own: PostgreSQL gives them the parent's constraints and indexes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.model import PartitionBound, PartitionSpec, QualifiedName, Table
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.partition_rules import PartitionRule, advance, period_suffix

_INTERVAL = re.compile(r"^\s*(\d+)\s+(day|week|month|year)s?\s*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BOUND_WORDS = {"minvalue": "MINVALUE", "maxvalue": "MAXVALUE"}


def partition_spec(value: Any) -> PartitionSpec | None:
    """``{range|list|hash: [keys], …}`` → the PARTITION BY clause.

    >>> partition_spec({"hash": ["agent_id"], "partitions": 8})
    PartitionSpec(strategy='hash', keys=('agent_id',))
    """
    if not isinstance(value, dict):
        return None
    for strategy in ("range", "list", "hash"):
        keys = value.get(strategy)
        if isinstance(keys, list):
            return PartitionSpec(strategy, tuple(str(k) for k in keys))
        if isinstance(keys, str):
            return PartitionSpec(strategy, (keys,))
    return None


def literal(value: Any, key_type: str | None = None) -> str:
    """A bound value as SQL literal text, as ``pg_get_expr`` prints partition bounds.

    >>> literal("eu-west"), literal(3), literal(None), literal("maxvalue")
    ("'eu-west'", '3', 'NULL', 'MAXVALUE')
    >>> literal("2026-01-01", "timestamp with time zone")
    "'2026-01-01 00:00:00+00'"
    """
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.lower() in _BOUND_WORDS:
        return _BOUND_WORDS[text.lower()]
    if key_type is not None and _DATE.match(text):
        if key_type.startswith("timestamp") and key_type.endswith("with time zone"):
            text += " 00:00:00+00"
        elif key_type.startswith("timestamp"):
            text += " 00:00:00"
    return "'" + text.replace("'", "''") + "'"


def build_children(
    document: SourceDocument,
    path: JsonPath,
    parent: Table,
    spec: dict[str, Any],
    ctx: BuildContext,
    key_types: dict[str, str],
) -> list[Table]:
    """Every child (and grandchild) the parent's ``partition_by`` at ``path`` declares."""
    strategy = parent.partition_by.strategy if parent.partition_by else None
    partitions = spec.get("partitions")
    children: list[Table] = []
    if isinstance(partitions, int) and not isinstance(partitions, bool) and strategy == "hash":
        for remainder in range(partitions):
            bound = PartitionBound(parent.name, modulus=partitions, remainder=remainder)
            children += _child(document, (*path, "partitions"), parent, f"_p{remainder}", bound, ctx)
    elif isinstance(partitions, dict):
        for name, child_spec in partitions.items():
            child_path = (*path, "partitions", name)
            child_spec = child_spec or {}
            children += _declared_child(document, child_path, parent, str(name), child_spec, ctx, key_types)
    if strategy == "range" and spec.get("interval"):
        children += _generated(document, path, parent, spec, ctx, key_types)
    elif spec.get("default") is True:
        children += _default_child(document, path, parent, ctx)
    return children


def _child(
    document: SourceDocument,
    path: JsonPath,
    parent: Table,
    suffix: str,
    bound: PartitionBound,
    ctx: BuildContext,
    name: str | None = None,
    spec: PartitionSpec | None = None,
    comment: str | None = None,
    schema: str | None = None,
) -> list[Table]:
    qualified = QualifiedName(schema or parent.name.schema, name or parent.name.name + suffix)
    if not ctx.define("table", qualified, Located(document, path), str(qualified)):
        return []
    ctx.take_relation_name(qualified.schema, qualified.name)
    span = document.key_span(path)
    # a partition takes its parent's columns, not their attribute options (neither CREATE … PARTITION
    # OF nor ALTER … SET (n_distinct …) on the parent gives them to it)
    columns = tuple(
        replace(c, comment=None, renamed_from=None, span=None, options=()) for c in parent.columns
    )
    owned = {"comment": comment, "owner": parent.owner}  # a partition belongs to its parent's owner
    return [Table(qualified, columns, partition_of=bound, partition_by=spec, span=span, **owned)]


def _default_child(document: SourceDocument, path: JsonPath, parent: Table, ctx: BuildContext) -> list[Table]:
    """The ``<parent>_default`` partition that ``default: true`` at ``path`` asks for."""
    bound = PartitionBound(parent.name, default=True)
    return _child(document, (*path, "default"), parent, "_default", bound, ctx)


def _declared_child(
    document: SourceDocument,
    path: JsonPath,
    parent: Table,
    name: str,
    spec: dict[str, Any],
    ctx: BuildContext,
    key_types: dict[str, str],
) -> list[Table]:
    types = _key_types(parent, key_types)
    bound = partition_bound(parent.name, spec.get("values"), types)
    sub_spec = partition_spec(spec.get("partition_by"))
    schema = spec.get("schema")
    tables = _child(document, path, parent, "", bound, ctx, name, sub_spec, spec.get("comment"), schema)
    if tables and sub_spec is not None:
        sub_path = (*path, "partition_by")
        tables += build_children(document, sub_path, tables[0], spec["partition_by"], ctx, key_types)
    return tables


def _key_types(parent: Table, key_types: dict[str, str]) -> list[str | None]:
    """The type of each partition key of ``parent`` (None for an expression or unknown column)."""
    keys = parent.partition_by.keys if parent.partition_by else ()
    return [key_types.get(k) for k in keys]


def partition_bound(parent: QualifiedName, values: Any, types: list[str | None]) -> PartitionBound:
    """The bound ``values:`` write, literals typed by the parent's key ``types``."""
    first_type = types[0] if types else None
    if values == "default":
        return PartitionBound(parent, default=True)
    if isinstance(values, list):
        return PartitionBound(parent, values_in=tuple(literal(v, first_type) for v in values))
    if isinstance(values, dict) and "modulus" in values:
        return PartitionBound(parent, modulus=values["modulus"], remainder=values["remainder"])
    if isinstance(values, dict):

        def side(bound: Any) -> tuple[str, ...]:
            items = bound if isinstance(bound, list) else [bound]
            return tuple(literal(v, types[i] if i < len(types) else None) for i, v in enumerate(items))

        return PartitionBound(parent, from_values=side(values.get("from")), to_values=side(values.get("to")))
    return PartitionBound(parent, default=True)


def _generated(
    document: SourceDocument,
    path: JsonPath,
    parent: Table,
    spec: dict[str, Any],
    ctx: BuildContext,
    key_types: dict[str, str],
) -> list[Table]:
    match = _INTERVAL.match(str(spec["interval"]))
    start_text = str(spec.get("start", ""))
    types = _key_types(parent, key_types)
    key_type = types[0] if len(types) == 1 else None
    time_key = key_type is not None and (key_type == "date" or key_type.startswith("timestamp"))
    if match is None or not _DATE.match(start_text) or not time_key:
        ctx.error(
            "C385",
            f"cannot generate the partitions of {parent.name}: needs one date or timestamp key, "
            "an interval and a start date",
            document.key_span((*path, "interval")),
            "e.g. {range: [created_at], interval: 1 month, start: 2026-01-01, ahead: 3}",
        )
        return []
    count, unit = int(match.group(1)), match.group(2)
    start = dt.date.fromisoformat(start_text)
    children: list[Table] = []
    lower = start
    for _ in range(int(spec.get("ahead", 0)) + 1):
        upper = advance(lower, count, unit)
        bound = PartitionBound(
            parent.name,
            from_values=(literal(lower.isoformat(), key_type),),
            to_values=(literal(upper.isoformat(), key_type),),
        )
        children += _child(document, (*path, "interval"), parent, period_suffix(lower, unit), bound, ctx)
        lower = upper
    if spec.get("default") is True:
        children += _default_child(document, path, parent, ctx)
    return children


def partition_rule(value: Any) -> PartitionRule | None:
    """The range rule a ``partition_by`` mapping declares (``interval`` and ``start``), or None.

    >>> partition_rule({"range": ["at"], "interval": "1 month", "start": "2026-01-01", "retention": "1 year"})
    PartitionRule(count=1, unit='month', start=datetime.date(2026, 1, 1), ahead=0, retention=(1, 'year'))
    """
    if not isinstance(value, dict) or not value.get("range") or not value.get("interval"):
        return None
    interval = _INTERVAL.match(str(value["interval"]))
    start = str(value.get("start", ""))
    ahead = value.get("ahead", 0)
    if interval is None or not _DATE.match(start) or not isinstance(ahead, int):
        return None  # C385 and validation report it
    retention = None
    if value.get("retention") is not None:
        kept = _INTERVAL.match(str(value["retention"]))
        if kept is None:
            return None
        retention = (int(kept.group(1)), kept.group(2))
    return PartitionRule(
        int(interval.group(1)), interval.group(2), dt.date.fromisoformat(start), ahead, retention
    )
