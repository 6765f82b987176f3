"""The YAML values of foreign data wrappers, servers and user mappings (inspect writes them)."""

from __future__ import annotations

from typing import Any

from schemagen.emit.tables import bound_values
from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model.catalog import Catalog
from schemagen.model.foreign import ForeignDataWrapper, ForeignServer, ForeignTable, Options
from schemagen.model.names import QualifiedName
from schemagen.model.pg.builtins import builtin_volatility
from schemagen.model.pg.types import short_type


def _function(name: QualifiedName) -> str:
    """``schema.name``; a built-in bare (the builder reads a bare name as the built-in)."""
    if name.schema == "pg_catalog" and builtin_volatility(name.name) is not None:
        return name.name
    return f"{name.schema}.{name.name}"


def _options(options: Options) -> FlowMap:
    return FlowMap(options)


def wrapper_value(wrapper: ForeignDataWrapper) -> dict[str, Any] | None:
    """``{handler, validator, options, comment}``; None when it has none of them."""
    value: dict[str, Any] = {}
    if wrapper.handler is not None:
        value["handler"] = _function(wrapper.handler)
    if wrapper.validator is not None:
        value["validator"] = _function(wrapper.validator)
    if wrapper.options:
        value["options"] = _options(wrapper.options)
    if wrapper.comment:
        value["comment"] = wrapper.comment
    return value or None


def server_value(server: ForeignServer) -> dict[str, Any]:
    """``{wrapper, type, version, options, comment}``."""
    value: dict[str, Any] = {"wrapper": server.wrapper}
    if server.type is not None:
        value["type"] = server.type
    if server.version is not None:
        value["version"] = server.version
    if server.options:
        value["options"] = _options(server.options)
    if server.comment:
        value["comment"] = server.comment
    return value


def foreign_keys(catalog: Catalog) -> dict[str, Any]:
    """The top-level keys (database-wide, written into the first file): wrappers, servers, mappings."""
    keys: dict[str, Any] = {}
    if catalog.foreign_data_wrappers:
        keys["foreign_data_wrappers"] = {
            w.name: wrapper_value(w) for w in catalog.foreign_data_wrappers.values()
        }
    if catalog.foreign_servers:
        keys["foreign_servers"] = {s.name: server_value(s) for s in catalog.foreign_servers.values()}
    if catalog.user_mappings:
        mappings: dict[str, dict[str, Any]] = {}
        for m in catalog.user_mappings.values():
            mappings.setdefault(m.server, {})[m.user] = _options(m.options)
        keys["user_mappings"] = mappings
    return keys


def foreign_table_value(table: ForeignTable) -> dict[str, Any]:
    """``{server, options, columns, checks, comment}``; a column is its shorthand when that says all."""
    schema = table.name.schema
    value: dict[str, Any] = {"server": table.server}
    if table.partition_of is not None:
        parent = table.partition_of.parent
        written = parent.name if parent.schema == schema else f"{parent.schema}.{parent.name}"
        value["partition_of"] = {"table": written, "values": bound_values(table.partition_of)}
    if table.inherits:
        value["inherits"] = FlowList(
            p.name if p.schema == schema else f"{p.schema}.{p.name}" for p in table.inherits
        )
    if table.options:
        value["options"] = _options(table.options)
    columns: dict[str, Any] = {}
    for c in table.columns:
        type_text = short_type(c.type, schema)
        if not (c.collation or c.options or c.comment) and (c.default is None or "\n" not in c.default):
            columns[c.name] = (
                type_text
                + (" not null" if c.not_null else "")
                + (f" default {c.default}" if c.default else "")
            )
            continue
        column: dict[str, Any] = {"type": type_text}
        if c.not_null:
            column["not_null"] = True
        if c.default is not None:
            column["default"] = c.default
        if c.collation:
            column["collation"] = c.collation
        if c.options:
            column["options"] = _options(c.options)
        if c.comment:
            column["comment"] = c.comment
        columns[c.name] = column
    if table.partition_of is None:
        value["columns"] = columns
    if table.checks:
        value["checks"] = {
            k.name: {"expression": k.expression, "no_inherit": True} if k.no_inherit else k.expression
            for k in table.checks
        }
    if table.comment:
        value["comment"] = table.comment
    return value
