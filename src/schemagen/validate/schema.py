"""The published JSON Schema (Draft 2020-12) of a schema file."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

try:  # optional accelerator: answers "is this document valid?" some 40x faster
    import jsonschema_rs
except ImportError:  # pragma: no cover - depends on the installation
    jsonschema_rs = None


@cache
def _schema() -> dict[str, Any]:
    text = resources.files("schemagen.validate").joinpath("schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def json_schema() -> dict[str, Any]:
    """The JSON Schema every ``schema/*.yaml`` file must satisfy, as published for editors (a fresh copy)."""
    from schemagen.validate.published import published

    return published(_schema())


def settings_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``schemagen.yaml`` (postgres, audit, lint), a fresh copy."""
    from schemagen.validate.published import published

    text = resources.files("schemagen.validate").joinpath("settings.json").read_text(encoding="utf-8")
    return published(json.loads(text))


@cache
def validator() -> Draft202012Validator:
    """A validator for the schema, built once (from the faster internal form)."""
    from jsonschema import Draft202012Validator  # imported when a document is invalid (or no jsonschema-rs)

    return Draft202012Validator(internal_schema())


@cache
def fast_validator() -> Any | None:
    """jsonschema-rs's validator for the published schema, or None when it is not installed.

    Only asked whether a whole document is valid; the diagnostics of an invalid
    document always come from :func:`validator` (jsonschema), so messages do not
    depend on which is installed. A test checks both answer alike.
    """
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.validator_for(_schema())


def internal_schema() -> dict[str, Any]:
    """The schema rewritten for speed, with the same meaning.

    ``$ref``s are inlined (except recursive ones), since resolving a reference
    costs more than checking the value; ``oneOf`` whose branches differ in
    type becomes ``anyOf``, which stops at the first branch that fits.
    """
    schema = _schema()
    definitions = schema["$defs"]
    inlined = _inline(schema, definitions, ())
    inlined["$defs"] = {name: _inline(d, definitions, (name,)) for name, d in definitions.items()}
    return inlined


def _inline(node: Any, definitions: dict[str, Any], stack: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_inline(item, definitions, stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref[len("#/$defs/") :]
        if name not in stack:
            target = _inline(definitions[name], definitions, (*stack, name))
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return {**target, **extra} if isinstance(target, dict) else target
    result = {key: _inline(value, definitions, stack) for key, value in node.items()}
    if "oneOf" in result and _type_disjoint(result["oneOf"]):
        result["anyOf"] = result.pop("oneOf")
    return result


def _type_disjoint(branches: list[Any]) -> bool:
    seen: set[str] = set()
    for branch in branches:
        types = _branch_types(branch)
        if types is None or seen & types:
            return False
        seen |= types
    return True


def _branch_types(branch: Any) -> set[str] | None:
    if not isinstance(branch, dict):
        return None
    if "type" in branch:
        value = branch["type"]
        types = {value} if isinstance(value, str) else set(value)
        return types | ({"number"} if "integer" in types else set())
    if "enum" in branch or "const" in branch:
        values = branch.get("enum", [branch.get("const")])
        names = {
            "string" if isinstance(v, str) else "boolean" if isinstance(v, bool) else "other" for v in values
        }
        return names
    return None


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    return "string" if isinstance(value, str) else "other"
