"""Extensions, enums, domains, composite types and sequences as YAML values."""

from __future__ import annotations

from typing import Any

from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model import CompositeType, Domain, EnumType, Extension, Sequence
from schemagen.model.pg.types import short_type


def extension_value(extension: Extension) -> Any:
    """``{schema, version}`` with ``public`` and the server's default version left out."""
    value: dict[str, Any] = {}
    if extension.schema not in (None, "public"):
        value["schema"] = extension.schema
    if extension.version is not None:
        value["version"] = extension.version
    return FlowMap(value)


def enum_value(enum: EnumType) -> Any:
    """``[labels]`` or ``{values, comment}``."""
    if enum.comment:
        return {"values": FlowList(enum.labels), "comment": enum.comment}
    return FlowList(enum.labels)


def domain_value(domain: Domain) -> Any:
    """The base type alone, or a mapping with NOT NULL, default, collation and CHECKs."""
    schema = domain.name.schema
    type_text = short_type(domain.base_type, schema)
    if not (domain.not_null or domain.default or domain.collation or domain.checks or domain.comment):
        return type_text
    value: dict[str, Any] = {"type": type_text}
    if domain.not_null:
        value["not_null"] = True
    if domain.default is not None:
        value["default"] = domain.default
    if domain.collation:
        value["collation"] = domain.collation
    if domain.checks:
        value["checks"] = {
            c.name: c.expression if not c.not_valid else {"expression": c.expression, "not_valid": True}
            for c in domain.checks
        }
    if domain.comment:
        value["comment"] = domain.comment
    return value


def composite_value(composite: CompositeType) -> dict[str, Any]:
    """``{attributes: {name: type}, comment}``."""
    schema = composite.name.schema
    value: dict[str, Any] = {"attributes": {a.name: short_type(a.type, schema) for a in composite.attributes}}
    if composite.comment:
        value["comment"] = composite.comment
    return value


def sequence_value(sequence: Sequence) -> Any:
    """Only the options that differ from ``CREATE SEQUENCE``'s defaults."""
    schema = sequence.name.schema
    value: dict[str, Any] = {}
    if sequence.data_type != "bigint":
        value["type"] = short_type(sequence.data_type, schema)
    for key in ("start", "min_value", "max_value"):
        if getattr(sequence, key) is not None:
            value[key] = getattr(sequence, key)
    if sequence.increment != 1:
        value["increment"] = sequence.increment
    if sequence.cache != 1:
        value["cache"] = sequence.cache
    if sequence.cycle:
        value["cycle"] = True
    if sequence.owned_by is not None:
        table, column = sequence.owned_by
        owner = table.name if table.schema == schema else str(table)
        value["owned_by"] = f"{owner}.{column}"
    if sequence.comment:
        value["comment"] = sequence.comment
        return value
    return FlowMap(value)
