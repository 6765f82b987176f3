"""Functions, procedures, views and materialized views as YAML values."""

from __future__ import annotations

from typing import Any

from schemagen.emit.lookup import Lookup
from schemagen.emit.sql_values import strip_view_query
from schemagen.emit.tables import index_value, trigger_value
from schemagen.emit.yaml_writer import FlowList
from schemagen.model import Function, FunctionArgument, QualifiedName, View
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.scan import search_path_schemas
from schemagen.model.pg.types import short_type


def function_value(function: Function) -> dict[str, Any]:
    """One function or procedure definition (format.md, "Functions and procedures")."""
    schema = function.name.schema
    value: dict[str, Any] = {}
    if function.arguments:
        value["arguments"] = _arguments(function, schema)
    if function.kind != "procedure":
        if function.returns_table:
            value["returns"] = {"table": {n: short_type(t, schema) for n, t in function.returns_table}}
        elif function.returns is not None:
            returns = function.returns
            if returns.startswith("SETOF "):
                value["returns"] = "setof " + short_type(returns[len("SETOF ") :], schema)
            else:
                value["returns"] = short_type(returns, schema)
    if function.language != "sql":
        value["language"] = function.language
    if function.kind != "procedure":
        if function.volatility != "VOLATILE":
            value["volatility"] = function.volatility.lower()
        if function.strict:
            value["strict"] = True
        if function.parallel != "UNSAFE":
            value["parallel"] = function.parallel.lower()
        if function.window:
            value["window"] = True
        if function.leakproof:
            value["leakproof"] = True
        if function.cost is not None:
            value["cost"] = _number(function.cost)
        if function.rows is not None:
            value["rows"] = _number(function.rows)
        if function.support is not None:
            value["support"] = _function_name(function.support, schema)
    if function.security_definer:
        value["security_definer"] = True
    if function.search_path is not None:
        value["search_path"] = FlowList(_search_path(function.search_path))
    if function.settings:
        value["settings"] = dict(function.settings)
    if function.object_file is not None:
        value["object_file"] = function.object_file
    if not function.check_body:
        value["check_body"] = False
    value["body"] = function.body  # verbatim: PostgreSQL keeps the body byte for byte
    if function.comment:
        value["comment"] = function.comment
    return value


def _function_name(name: QualifiedName, schema: str) -> str:
    """Bare for a built-in function or one of ``schema`` no built-in shares the name with."""
    builtin = builtin_volatility(name.name) is not None
    if (name.schema == "pg_catalog" and builtin) or (name.schema == schema and not builtin):
        return name.name
    return str(name)


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _arguments(function: Function, schema: str) -> dict[str, str] | list[Any]:
    """A mapping name → argument; a list when an argument has no name (named ones as objects)."""
    if all(a.name for a in function.arguments):
        return {str(a.name): _argument(a, schema) for a in function.arguments}
    return [
        _argument(a, schema) if not a.name else {"name": a.name, **_argument_object(a, schema)}
        for a in function.arguments
    ]


def _argument_object(argument: FunctionArgument, schema: str) -> dict[str, str]:
    value = {"type": short_type(argument.type, schema)}
    if argument.mode != "IN":
        value["mode"] = argument.mode.lower()
    if argument.default is not None:
        value["default"] = argument.default
    return value


def _argument(argument: FunctionArgument, schema: str) -> str:
    parts = []
    if argument.mode != "IN":
        parts.append(argument.mode.lower())
    parts.append(short_type(argument.type, schema))
    if argument.default is not None:
        parts.append(f"default {argument.default}")
    return " ".join(parts)


def _search_path(text: str) -> list[str]:
    """``agents, "$user"`` → ``['agents', '$user']``; ``""`` → ``[]``."""
    return search_path_schemas(text)


def view_value(view: View, lookup: Lookup) -> dict[str, Any]:
    """A view or materialized view (with a materialized view's indexes)."""
    value: dict[str, Any] = {"query": _query(view.query)}
    if view.columns:
        value["columns"] = FlowList(view.columns)
    if view.security_invoker:
        value["security_invoker"] = True
    if view.security_barrier:
        value["security_barrier"] = True
    if view.check_option:
        value["check_option"] = view.check_option.lower()
    if view.materialized and not view.with_data:
        value["with_data"] = False
    indexes = lookup.indexes.get(view.name, [])
    if view.materialized and indexes:
        value["indexes"] = [index_value(i) for i in indexes]
    triggers = lookup.triggers.get(view.name, [])
    if triggers:
        value["triggers"] = {t.name: trigger_value(t, view.name.schema) for t in triggers}
    if view.comment:
        value["comment"] = view.comment
    return value


def _query(query: str) -> str:
    text = strip_view_query(query)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines) + "\n" if len(lines) > 1 else lines[0]
