"""The ``lint:`` section of ``schemagen.yaml``: rule levels and naming patterns (docs/lint.md)."""

from __future__ import annotations

import re

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.document import SourceDocument
from schemagen.model.settings import LINT_LEVELS, NAMING_KINDS, LintSettings

LINT_KEYS = ("rules", "naming")


def lint_settings(document: SourceDocument, diagnostics: list[Diagnostic]) -> LintSettings:
    """``lint: {rules: {RULE: level}, naming: {KIND: regex}}``; rule names are checked by lint (D700)."""
    lint = document.data.get("lint")
    if lint is None:
        return LintSettings()
    if not isinstance(lint, dict):
        diagnostics.append(
            error(
                "L108", "setting 'lint' must be a mapping", document.span(("lint",)), "lint: {rules, naming}"
            )
        )
        return LintSettings()
    for key in lint:
        if key not in LINT_KEYS:
            diagnostics.append(
                error(
                    "L108",
                    f"unknown lint setting '{key}'",
                    document.key_span(("lint", key)),
                    "known: rules, naming",
                )
            )
    spans: dict[str, Span] = {}
    rules = _lint_pairs(document, "rules", diagnostics, spans)
    naming = _lint_pairs(document, "naming", diagnostics, spans)
    for rule, level in rules:
        if level not in LINT_LEVELS:
            diagnostics.append(
                error(
                    "L108",
                    f"invalid level {level!r} for lint rule {rule}",
                    document.span(("lint", "rules", rule)),
                    f"use one of {', '.join(LINT_LEVELS)}",
                )
            )
    for kind, pattern in naming:
        hint = None
        if kind not in NAMING_KINDS:
            hint = f"known kinds: {', '.join(NAMING_KINDS)}"
        else:
            try:
                re.compile(pattern)
            except re.error as exc:
                hint = f"not a regular expression: {exc}"
        if hint:
            path = ("lint", "naming", kind)
            diagnostics.append(error("L108", f"invalid naming pattern for {kind}", document.span(path), hint))
    valid_rules = tuple((r, lv) for r, lv in rules if lv in LINT_LEVELS)
    return LintSettings(valid_rules, naming, spans)


def _lint_pairs(
    document: SourceDocument, key: str, diagnostics: list[Diagnostic], spans: dict[str, Span]
) -> tuple[tuple[str, str], ...]:
    value = document.data["lint"].get(key)
    if value is None:
        return ()
    if not isinstance(value, dict):
        diagnostics.append(
            error("L108", f"lint setting '{key}' must be a mapping", document.span(("lint", key)))
        )
        return ()
    pairs = []
    for name, level in value.items():
        text = "off" if level is False else "on" if level is True else document.text(("lint", key, name))
        spans[f"{key}.{name}"] = document.key_span(("lint", key, name))
        pairs.append((str(name), str(text if text is not None else level)))
    return tuple(pairs)
