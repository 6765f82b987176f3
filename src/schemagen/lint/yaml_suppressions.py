"""Suppressions written in YAML: ``lint: {ignore: {RULE: reason}}`` on the object they are about.

A suppression on an object (a table, a column, an index, a view, a function, or
the whole file at the top level) covers the findings located anywhere inside
that object's YAML: a finding's position is mapped back to the paths of the
keys and values written there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from schemagen.lint.suppression import Suppression
from schemagen.model.document import JsonPath, SourceDocument


def yaml_suppressions(documents: list[SourceDocument]) -> list[Suppression]:
    """Every ``lint: {ignore: …}`` of every document."""
    found = []
    for document in documents:
        ignores = list(_ignores(document.data, ()))
        if not ignores:
            continue
        index: dict[tuple[int, int], list[JsonPath]] = defaultdict(list)
        for spans in (document.value_spans, document.key_spans):
            for path, position in spans.items():
                index[position].append(path)
        for owner, ignore in ignores:
            for rule, reason in ignore.items():
                path = (*owner, "lint", "ignore", rule)
                text = document.text(path) if reason is not None else ""
                found.append(
                    Suppression(
                        str(rule),
                        "" if reason is None else str(text if text is not None else reason),
                        document.key_span(path),
                        _covers(document.path, owner, index),
                    )
                )
    return found


def _ignores(data: object, path: JsonPath) -> Iterator[tuple[JsonPath, dict]]:
    if isinstance(data, dict):
        lint = data.get("lint")
        if isinstance(lint, dict) and isinstance(lint.get("ignore"), dict):
            yield path, lint["ignore"]
        for key, value in data.items():
            if key != "lint":
                yield from _ignores(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _ignores(item, (*path, i))


def _covers(file: str, owner: JsonPath, index: dict[tuple[int, int], list[JsonPath]]):
    size = len(owner)

    def covers(diagnostic) -> bool:
        span = diagnostic.span
        if span is None or span.file != file:
            return False
        return any(p[:size] == owner for p in index.get((span.line, span.column), ()))

    return covers
