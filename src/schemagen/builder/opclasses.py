"""Operator families and classes of one document (``operator_families:``, ``operator_classes:``).

A name may be a list of definitions, one per index method. Members are
``{strategy, operator, types, order_by}`` and ``{support, function, types}``; a class's
member types default to the class's type twice; a function is ``name(argument types)``
(a bare name is the built-in function of that name, else this schema's); an operator
``schema.symbol`` or a symbol of this schema; ``family`` and ``order_by`` name a family of
this schema, or ``schema.name``. A class whose ``family`` is its own name and which is
not declared as a family lives in the family PostgreSQL makes for it.
"""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.ranges import multirange_reference
from schemagen.builder.support import definition_span, definitions, function_reference, operator_reference
from schemagen.model.document import SourceDocument
from schemagen.model.names import QualifiedName
from schemagen.model.opclasses import FunctionMember, OperatorClass, OperatorFamily, OperatorMember
from schemagen.model.pg.scan import matching_paren, split_top_level
from schemagen.model.pg.types import signature_type


def _type(text: Any, schema: str, ctx: BuildContext) -> str:
    return signature_type(ctx.resolve_type(str(text), schema))


def _types(spec: dict[str, Any], default: str | None, schema: str, ctx: BuildContext) -> tuple[str, str]:
    given = spec.get("types")
    if given is None:
        return (default or "", default or "")
    return _type(given[0], schema, ctx), _type(given[1], schema, ctx)


def function_signature(text: str, schema: str, ctx: BuildContext) -> tuple[QualifiedName, tuple[str, ...]]:
    """``name(type, …)`` → the function and its argument types."""
    text = text.strip()
    open_at = text.find("(")
    if open_at < 0 or matching_paren(text, open_at) != len(text) - 1:
        return function_reference(text, schema), ()
    arguments = split_top_level(text[open_at + 1 : -1])
    return function_reference(text[:open_at], schema), tuple(_type(a, schema, ctx) for a in arguments)


def _members(
    spec: dict[str, Any], default: str | None, schema: str, ctx: BuildContext
) -> tuple[tuple[OperatorMember, ...], tuple[FunctionMember, ...]]:
    operators = []
    for m in spec.get("operators") or ():
        order_by = m.get("order_by")
        operators.append(
            OperatorMember(
                _types(m, default, schema, ctx),
                int(m["strategy"]),
                operator_reference(str(m["operator"]), schema),
                None if order_by is None else multirange_reference(str(order_by), schema),
            )
        )
    functions = []
    for m in spec.get("functions") or ():
        function, arguments = function_signature(str(m["function"]), schema, ctx)
        functions.append(
            FunctionMember(_types(m, default, schema, ctx), int(m["support"]), function, arguments)
        )
    return tuple(sorted(operators)), tuple(sorted(functions))


def build_operator_families(document: SourceDocument, schema: str, ctx: BuildContext) -> list[OperatorFamily]:
    """``operator_families: name: {using, operators, functions, comment}`` (member types required)."""
    result = []
    for path, name, spec in definitions(document, "operator_families"):
        operators, functions = _members(spec, None, schema, ctx)
        family = OperatorFamily(
            QualifiedName(schema, name),
            str(spec["using"]),
            operators,
            functions,
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            renamed_from=spec.get("renamed_from"),
            span=definition_span(document, path),
        )
        if ctx.define(
            "operator family", family.key, Located(document, path), f"{family.name} USING {family.using}"
        ):
            result.append(family)
    return result


def build_operator_classes(document: SourceDocument, schema: str, ctx: BuildContext) -> list[OperatorClass]:
    """``operator_classes: name: {using, type, default, family, storage, operators, functions, comment}``."""
    declared = {(str(n), str(s.get("using"))) for _, n, s in definitions(document, "operator_families")}
    result = []
    for path, name, spec in definitions(document, "operator_classes"):
        using, type_ = str(spec["using"]), _type(spec["type"], schema, ctx)
        family = spec.get("family")
        family_name = None if family is None else multirange_reference(str(family), schema)
        if family_name == QualifiedName(schema, name) and (name, using) not in declared:
            family_name = None  # the family PostgreSQL makes for the class
        operators, functions = _members(spec, type_, schema, ctx)
        storage = spec.get("storage")
        opclass = OperatorClass(
            QualifiedName(schema, name),
            using,
            type_,
            default=bool(spec.get("default", False)),
            family=family_name,
            storage=None if storage is None else _type(storage, schema, ctx),
            operators=operators,
            functions=functions,
            comment=spec.get("comment"),
            owner=ctx.owner(document, path, spec),
            renamed_from=spec.get("renamed_from"),
            span=definition_span(document, path),
        )
        if ctx.define(
            "operator class", opclass.key, Located(document, path), f"{opclass.name} USING {using}"
        ):
            result.append(opclass)
    return result
