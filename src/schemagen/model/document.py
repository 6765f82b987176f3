"""A loaded YAML file: plain data plus the position of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schemagen.diagnostics import Span

JsonPath = tuple[str | int, ...]
"""Where a value sits in a document: mapping keys and list indices from the root."""


@dataclass(frozen=True)
class SourceDocument:
    """One ``schema/*.yaml`` file after loading.

    ``data`` is plain Python (dict, list, str, int, float, bool, None) resolved
    with YAML 1.2 core rules (``yes``/``on`` stay strings). ``value_spans`` and
    ``key_spans`` locate every value and every mapping key by JSON path
    (1-based line and column; ``span()``/``key_span()`` give ``Span``s);
    ``texts`` keeps the original text of every scalar (``1.10`` stays
    ``"1.10"``), so names, labels and SQL are read as written.
    """

    path: str
    data: Any
    value_spans: dict[JsonPath, tuple[int, int]] = field(default_factory=dict, repr=False)
    key_spans: dict[JsonPath, tuple[int, int]] = field(default_factory=dict, repr=False)
    texts: dict[JsonPath, str] = field(default_factory=dict, repr=False)

    def span(self, path: JsonPath) -> Span:
        """The position of the value at ``path`` (or of its nearest located ancestor)."""
        return self._nearest(self.value_spans, path)

    def key_span(self, path: JsonPath) -> Span:
        """The position of the mapping key that ends ``path`` (falls back to the value)."""
        position = self.key_spans.get(path)
        if position is not None:
            return Span(self.path, *position)
        return self.span(path)

    def text(self, path: JsonPath) -> str | None:
        """The scalar at ``path`` as written in the file, or None if it is not a scalar."""
        return self.texts.get(path)

    def _nearest(self, spans: dict[JsonPath, tuple[int, int]], path: JsonPath) -> Span:
        for end in range(len(path), -1, -1):
            position = spans.get(path[:end])
            if position is not None:
                return Span(self.path, *position)
        return Span(self.path, 1, 1)
