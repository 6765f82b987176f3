"""The JSON Schemas as published for editors: descriptions, defaults, examples, enums listed once.

Validation uses ``schema.json`` as it is; the copy ``schemagen json-schema`` prints
accepts exactly the same documents, and is decorated from ``descriptions.json``:
every object property gets a description (by ``DEF.PATH.KEY``, else by key name),
a ``Default X.`` sentence becomes the property's ``default``, and an enum spelled
in both cases (``[cascade, CASCADE, …]``) lists its lower-case values once, the
upper-case spellings still accepted by a pattern.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from typing import Any

_DEFAULT = re.compile(r"\bDefault (true|false|[0-9]+)\.")
_UPPER_WORDS = re.compile(r"[A-Z]+(?: [A-Z]+)*")


@cache
def _descriptions() -> dict[str, Any]:
    text = resources.files("schemagen.validate").joinpath("descriptions.json").read_text(encoding="utf-8")
    return json.loads(text)


def published(schema: dict[str, Any]) -> dict[str, Any]:
    """A decorated copy of ``schema`` (the format's or the settings')."""
    result = copy.deepcopy(schema)
    texts = _descriptions()
    for name, definition in (result.get("$defs") or {}).items():
        _decorate(definition, name, (), texts)
        example = texts.get("examples", {}).get(name)
        if example is not None:
            definition.setdefault("examples", example)
    _decorate({k: v for k, v in result.items() if k != "$defs"}, "", (), texts)
    return result


def _decorate(node: Any, definition: str, path: tuple[str, ...], texts: dict[str, Any]) -> None:
    if isinstance(node, list):
        for item in node:
            _decorate(item, definition, path, texts)
        return
    if not isinstance(node, dict):
        return
    _list_enum_once(node)
    for key, value in (node.get("properties") or {}).items():
        if isinstance(value, dict):
            _describe(value, definition, (*path, key), texts)
    for key, value in node.items():
        if key == "properties":
            for name, child in value.items():
                _decorate(child, definition, (*path, name), texts)
        elif key != "$defs":
            _decorate(value, definition, path, texts)


def _describe(node: dict[str, Any], definition: str, path: tuple[str, ...], texts: dict[str, Any]) -> None:
    if "description" not in node:
        specific = ".".join((definition, *path)) if definition else ".".join(path)
        text = texts["specific"].get(specific) or texts["generic"].get(path[-1])
        if text is not None:
            node["description"] = text
    found = _DEFAULT.search(node.get("description", ""))
    if found is not None and "default" not in node and _scalar(node):
        word = found.group(1)
        node["default"] = {"true": True, "false": False}.get(word, int(word) if word.isdigit() else word)


def _scalar(node: dict[str, Any]) -> bool:
    kind = node.get("type")
    kinds = {kind} if isinstance(kind, str) else set(kind or ())
    return bool(kinds & {"boolean", "integer"})


def _list_enum_once(node: dict[str, Any]) -> None:
    values = node.get("enum")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return
    lower = [v for v in values if v == v.lower()]
    upper = [v for v in values if v != v.lower()]
    if not upper or sorted(v.upper() for v in lower) != sorted(upper):
        return
    if not all(_UPPER_WORDS.fullmatch(v) for v in upper):
        return
    del node["enum"]
    node["anyOf"] = [
        {"enum": lower},
        {"type": "string", "pattern": "^(?:" + "|".join(upper) + ")$"},
    ]
