"""Operator families and classes as YAML values, written so ``builder/opclasses.py`` reads them back."""

from __future__ import annotations

from typing import Any

from schemagen.emit.support import function_text, operator_text
from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model.names import QualifiedName
from schemagen.model.opclasses import FunctionMember, OperatorClass, OperatorFamily, OperatorMember
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.types import short_type


def family_value(family: OperatorFamily) -> dict[str, Any]:
    """``{using, operators, functions, comment}`` (every member with its types)."""
    value: dict[str, Any] = {"using": family.using}
    value.update(_members(family.operators, family.functions, family.name.schema, None))
    if family.comment:
        value["comment"] = family.comment
    return value


def class_value(opclass: OperatorClass) -> dict[str, Any]:
    """``{using, type, default, family, storage, operators, functions, comment}``."""
    schema = opclass.name.schema
    value: dict[str, Any] = {"using": opclass.using, "type": short_type(opclass.type, schema)}
    if opclass.default:
        value["default"] = True
    if opclass.family is not None:
        value["family"] = _family_text(opclass.family, schema)
    if opclass.storage is not None:
        value["storage"] = short_type(opclass.storage, schema)
    value.update(_members(opclass.operators, opclass.functions, schema, opclass.type))
    if opclass.comment:
        value["comment"] = opclass.comment
    return value


def _family_text(name: QualifiedName, schema: str) -> str:
    """A family: bare in ``schema``, else ``schema.name`` (``pg_catalog.float_ops``)."""
    if name.schema == schema and "." not in name.name and '"' not in name.name:
        return name.name
    return f"{quote_ident(name.schema)}.{quote_ident(name.name)}"


def _members(
    operators: tuple[OperatorMember, ...],
    functions: tuple[FunctionMember, ...],
    schema: str,
    type_: str | None,
) -> dict[str, Any]:
    value: dict[str, Any] = {}
    if operators:
        value["operators"] = [_operator(m, schema, type_) for m in operators]
    if functions:
        value["functions"] = [_function(m, schema, type_) for m in functions]
    return value


def _types(types: tuple[str, str], schema: str, type_: str | None) -> dict[str, Any]:
    if type_ is not None and types == (type_, type_):
        return {}
    return {"types": FlowList([short_type(t, schema) for t in types])}


def _operator(member: OperatorMember, schema: str, type_: str | None) -> FlowMap:
    value: dict[str, Any] = {"strategy": member.strategy, "operator": operator_text(member.operator, schema)}
    value.update(_types(member.types, schema, type_))
    if member.order_by is not None:
        value["order_by"] = _family_text(member.order_by, schema)
    return FlowMap(value)


def _function(member: FunctionMember, schema: str, type_: str | None) -> FlowMap:
    arguments = ", ".join(short_type(a, schema) for a in member.arguments)
    value: dict[str, Any] = {
        "support": member.support,
        "function": f"{function_text(member.function, schema)}({arguments})",
    }
    value.update(_types(member.types, schema, type_))
    return FlowMap(value)
