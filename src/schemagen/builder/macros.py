"""Macros: ``audit``, ``updated_at``, ``notify`` and range rules expand into ordinary objects.

The objects a macro brings in are declared in ``builder/macros/*.json`` in the
format of a schema file (function bodies in ``*.sql`` beside them) and built
by the same builders as hand-written YAML, so they are visible in the model
and in ``generated/`` like any other object, and a hand-written object with
the same name is reported as defined twice.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.partitions import literal
from schemagen.model import QualifiedName, Trigger
from schemagen.model.document import SourceDocument
from schemagen.model.settings import ProjectSettings

AUDIT_FUNCTION = QualifiedName("audit", "log_changes")
UPDATED_AT_WHEN = "OLD IS DISTINCT FROM NEW"
"""The WHEN of the updated_at trigger: only a real change moves the stamp."""
UPDATED_AT_WHEN_READ_BACK = "old.* IS DISTINCT FROM new.*"
"""``UPDATED_AT_WHEN`` as ``pg_get_triggerdef`` prints it (inspect recognises both)."""
AUDIT_CHECK_READ_BACK = (
    "operation = ANY (ARRAY['INSERT'::text, 'UPDATE'::text, 'DELETE'::text, 'TRUNCATE'::text])"
)
"""The change log's ``valid_operation`` CHECK as PostgreSQL prints it (inspect recognises both)."""
_INTERVAL = re.compile(r"^\s*(\d+)\s+(day|week|month|year)s?\s*$")
_FORMATS = {"day": "YYYY_MM_DD", "week": "YYYY_MM_DD", "month": "YYYY_MM", "year": "YYYY"}


@cache
def _definition(name: str) -> dict[str, Any]:
    folder = resources.files("schemagen.builder").joinpath("macros")
    data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    _inline_bodies(data, folder)
    return data


def _inline_bodies(value: Any, folder: Any) -> None:
    if isinstance(value, dict):
        if "body_file" in value:
            value["body"] = folder.joinpath(value.pop("body_file")).read_text(encoding="utf-8")
        for item in value.values():
            _inline_bodies(item, folder)
    elif isinstance(value, list):
        for item in value:
            _inline_bodies(item, folder)


def _document(name: str, data: dict[str, Any]) -> SourceDocument:
    return SourceDocument(f"<schemagen macro {name}>", data)


def _tables(documents: list[SourceDocument]):
    for document in documents:
        for name, spec in (document.data.get("tables") or {}).items():
            if isinstance(spec, dict):
                yield document, name, spec


def macro_documents(documents: list[SourceDocument], settings: ProjectSettings) -> list[SourceDocument]:
    """What ``audit:``, ``updated_at:`` and ``notify:`` add before the build: the audit
    schema with its change log and trigger function, and one support function per schema."""
    added = []
    if any(spec.get("audit") for _, _, spec in _tables(documents)):
        data = copy.deepcopy(_definition("audit.json"))
        rule = data["tables"]["change_log"]["partition_by"]
        rule["start"] = settings.audit_start
        if settings.audit_retention is None:
            del rule["retention"]
        else:
            rule["retention"] = settings.audit_retention
        added.append(_document("audit", data))
    support = _definition("support.json")
    for macro in ("updated_at", "notify"):
        schemas = sorted({d.data["schema"] for d, _, spec in _tables(documents) if spec.get(macro)})
        for schema in schemas:
            data = {"schema": schema, "functions": copy.deepcopy(support[macro])}
            added.append(_document(f"{macro} in {schema}", data))
    return added


def maintenance_document(rules: list[dict[str, Any]]) -> SourceDocument | None:
    """``partitions.run_maintenance()`` for every range rule, or None when there is none."""
    if not rules:
        return None
    data = copy.deepcopy(_definition("partitions.json"))
    function = data["functions"]["run_maintenance"]
    rows = json.dumps(sorted(rules, key=lambda r: (r["schema_name"], r["table_name"])), sort_keys=True)
    function["body"] = function["body"].replace("__RULES__", literal(rows))
    return _document("partition maintenance", data)


def range_rule(table: QualifiedName, spec: dict[str, Any], key_type: str | None) -> dict[str, Any] | None:
    """The maintenance rule of a table whose ``partition_by`` generates range children."""
    partitioning = spec.get("partition_by")
    if not isinstance(partitioning, dict) or not partitioning.get("interval") or key_type is None:
        return None
    keys = partitioning.get("range") or []
    match = _INTERVAL.match(str(partitioning["interval"]))
    if match is None or not keys:
        return None  # reported by validation (V205) and by the children's builder (C385)
    count, unit = match.group(1), match.group(2)
    return {
        "schema_name": table.schema,
        "table_name": table.name,
        "key_column": keys[0],
        "start_at": f"{partitioning['start']} 00:00:00+00",
        "step": f"{count} {unit}{'s' if int(count) != 1 else ''}",
        "name_format": _FORMATS[unit],
        "ahead": int(partitioning.get("ahead", 0)),
        "retention": partitioning.get("retention"),
    }


def macro_triggers(
    document: SourceDocument, path: tuple, table: QualifiedName, spec: dict[str, Any], key: tuple[str, ...]
) -> list[tuple[Trigger, Located]]:
    """The triggers ``audit``, ``updated_at`` and ``notify`` put on one table."""
    triggers = []
    audit = spec.get("audit")
    if audit:
        options = audit if isinstance(audit, dict) else {}
        events = options.get("operations") or ["insert", "update", "delete"]
        trigger = Trigger(
            name=f"audit_{table.name}",
            table=table,
            function=AUDIT_FUNCTION,
            timing="AFTER",
            events=tuple(e.upper() for e in events),
            for_each_row=True,
            arguments=tuple(options.get("exclude_columns") or ()),
            span=document.key_span((*path, "audit")),
        )
        triggers.append((trigger, Located(document, (*path, "audit"))))
    column = spec.get("updated_at")
    if column:
        trigger = Trigger(
            name=f"{table.name}_set_updated_at",
            table=table,
            function=QualifiedName(table.schema, "set_updated_at"),
            timing="BEFORE",
            events=("UPDATE",),
            for_each_row=True,
            when=UPDATED_AT_WHEN,
            arguments=(str(column),),
            span=document.key_span((*path, "updated_at")),
        )
        triggers.append((trigger, Located(document, (*path, "updated_at"))))
    notify = spec.get("notify")
    if isinstance(notify, dict):
        events = notify.get("events") or ["insert", "update", "delete"]
        columns = notify.get("payload_columns") or list(key)
        trigger = Trigger(
            name=f"{table.name}_notify",
            table=table,
            function=QualifiedName(table.schema, "notify_change"),
            timing="AFTER",
            events=tuple(e.upper() for e in events),
            for_each_row=True,
            arguments=(str(notify["channel"]), *map(str, columns)),
            span=document.key_span((*path, "notify")),
        )
        triggers.append((trigger, Located(document, (*path, "notify"))))
    return triggers


def define_triggers(pairs: list[tuple[Trigger, Located]], ctx: BuildContext) -> list[Trigger]:
    """Register macro triggers; a hand-written trigger of the same name is an error."""
    return [t for t, where in pairs if ctx.define("trigger", t.key, where, f"{t.name} on {t.table}")]
