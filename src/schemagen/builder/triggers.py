"""Triggers and row-level security policies declared on tables (and views)."""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.model import Policy, QualifiedName, Trigger
from schemagen.model.document import JsonPath, SourceDocument


def build_triggers(
    document: SourceDocument, path: JsonPath, table: QualifiedName, specs: dict[str, Any], ctx: BuildContext
) -> list[Trigger]:
    """``triggers: {name: {function, timing, events, …}}`` of one table."""
    result = []
    for name, spec in (specs or {}).items():
        trigger_path = (*path, name)
        if not ctx.define("trigger", (table, name), Located(document, trigger_path), f"{name} on {table}"):
            continue
        referencing = spec.get("referencing") or {}
        constraint = bool(spec.get("constraint", False))
        result.append(
            Trigger(
                name=name,
                table=table,
                function=QualifiedName.parse(str(spec["function"]), table.schema),
                timing=str(spec["timing"]).upper(),
                events=tuple(str(e).upper() for e in spec["events"]),
                update_columns=tuple(spec.get("update_of") or ()),
                for_each_row=constraint or str(spec.get("for_each", "statement")).lower() == "row",
                when=spec.get("when"),
                arguments=tuple(
                    ctx.label(document, (*trigger_path, "arguments", i), a)
                    for i, a in enumerate(spec.get("arguments") or ())
                ),
                referencing_old=referencing.get("old_table"),
                referencing_new=referencing.get("new_table"),
                constraint=constraint,
                deferrable=bool(spec.get("deferrable", False)),
                initially_deferred=bool(spec.get("initially_deferred", False)),
                enabled=str(spec.get("enabled", "origin")),
                comment=spec.get("comment"),
                span=document.key_span(trigger_path),
            )
        )
    return result


def build_policies(
    document: SourceDocument, path: JsonPath, table: QualifiedName, specs: dict[str, Any], ctx: BuildContext
) -> list[Policy]:
    """``policies: {name: {as, for, to, using, with_check}}`` of one table."""
    result = []
    for name, spec in (specs or {}).items():
        policy_path = (*path, name)
        if not ctx.define("policy", (table, name), Located(document, policy_path), f"{name} on {table}"):
            continue
        spec = spec or {}
        roles = spec.get("to", "public")  # sorted below, as PostgreSQL reads them back
        result.append(
            Policy(
                name=name,
                table=table,
                permissive=str(spec.get("as", "permissive")).lower() == "permissive",
                command=str(spec.get("for", "all")).upper(),
                roles=tuple(sorted(map(str, roles))) if isinstance(roles, list) else (str(roles),),
                using=_sql(document, (*policy_path, "using"), spec.get("using"), ctx),
                with_check=_sql(document, (*policy_path, "with_check"), spec.get("with_check"), ctx),
                comment=spec.get("comment"),
                span=document.key_span(policy_path),
            )
        )
    return result


def _sql(document: SourceDocument, path: JsonPath, value: Any, ctx: BuildContext) -> str | None:
    return None if value is None else ctx.sql(document, path, value)
