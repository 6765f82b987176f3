"""Turn composed YAML nodes into plain data, recording where everything was.

PyYAML's constructors lose positions, keep the last of two duplicate keys and
follow YAML 1.1 (``no`` is false, ``1.10`` a float). Composing the node graph
and converting it here instead keeps a span for every key and value, reports
duplicate keys, resolves plain scalars by YAML 1.2 core rules, and caps how
many nodes aliases may expand to.
"""

from __future__ import annotations

import math
import re
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.document import JsonPath

MAX_NODES = 100_000
"""Most nodes aliases may add to one file (a node reached again through an alias counts
each time): an alias bomb stops here, while a large file written out (10,000 tables
from ``inspect``) is never refused for its size."""

MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_TYPED_INITIALS = frozenset("nNtTfF")
"""The letters a plain scalar typed other than as a string can start with (null, true, false)."""


class TooManyNodes(Exception):
    """The document expands past ``MAX_NODES`` (or aliases recurse)."""

    def __init__(self, node: Node, recursive: bool):
        self.node = node
        self.recursive = recursive


def resolve_scalar(node: ScalarNode) -> Any:
    """The value of a scalar by YAML 1.2 core rules.

    Quoted scalars, ``!!str`` ones and plain text YAML 1.1 would not type are
    strings; ``yes``/``no``/``on``/``off`` stay strings too.
    """
    text = node.value
    if node.style or node.tag == STR_TAG:  # libyaml marks plain scalars with style ''
        return text
    if text[:1].isalpha() and text[0] not in _TYPED_INITIALS:  # most plain scalars: names, types
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


class Converter:
    """Converts one composed document, collecting spans, texts and diagnostics."""

    def __init__(self, file: str):
        self.file = file
        self.value_spans: dict[JsonPath, tuple[int, int]] = {}
        self.key_spans: dict[JsonPath, tuple[int, int]] = {}
        self.texts: dict[JsonPath, str] = {}
        self.diagnostics: list[Diagnostic] = []
        self._count = 0
        self._seen: set[int] = set()
        self._active: set[int] = set()

    def span(self, node: Node) -> Span:
        """The 1-based position where ``node`` starts."""
        mark = node.start_mark
        return Span(self.file, mark.line + 1, mark.column + 1)

    def convert(self, node: Node, path: JsonPath = ()) -> Any:
        """Plain data for ``node`` at ``path``."""
        if id(node) in self._seen:
            self._count += 1
            if self._count > MAX_NODES:
                raise TooManyNodes(node, recursive=False)
        else:
            self._seen.add(id(node))
        mark = node.start_mark
        self.value_spans[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, ScalarNode):
            self.texts[path] = node.value
            return resolve_scalar(node)
        if id(node) in self._active:
            raise TooManyNodes(node, recursive=True)
        self._active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path)
        finally:
            self._active.discard(id(node))
        return None  # pragma: no cover - compose only yields the three kinds

    def _mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        merged: list[MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                merged.extend(self._merge_sources(value_node))
                continue
            if not isinstance(key_node, ScalarNode):
                self.diagnostics.append(
                    error(
                        "L109",
                        "a mapping key must be a plain name, not a list or mapping",
                        self.span(key_node),
                        "write the key as a string",
                    )
                )
                continue
            key = key_node.value
            mark = key_node.start_mark
            position = (mark.line + 1, mark.column + 1)
            if key in first_seen:
                previous_line = first_seen[key][0]
                self.diagnostics.append(
                    error(
                        "L102",
                        f"duplicate key '{key}' (first defined at line {previous_line})",
                        Span(self.file, *position),
                        "YAML keeps only one of them; remove or rename one",
                    )
                )
                continue
            first_seen[key] = position
            child = (*path, key)
            self.key_spans[child] = position
            result[key] = self.convert(value_node, child)
        for source in merged:
            for key_node, value_node in source.value:
                if isinstance(key_node, ScalarNode) and key_node.value not in result:
                    child = (*path, key_node.value)
                    mark = key_node.start_mark
                    self.key_spans[child] = (mark.line + 1, mark.column + 1)
                    result[key_node.value] = self.convert(value_node, child)
        return result

    def _merge_sources(self, node: Node) -> list[MappingNode]:
        if isinstance(node, MappingNode):
            return [node]
        if isinstance(node, SequenceNode) and all(isinstance(item, MappingNode) for item in node.value):
            return list(node.value)  # type: ignore[arg-type]
        self.diagnostics.append(
            error("L109", "a merge key '<<' needs a mapping or a list of mappings", self.span(node))
        )
        return []
