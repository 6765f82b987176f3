"""The ``safety:`` section of ``schemagen.yaml``: how plans against a live database are written."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from schemagen.diagnostics import Diagnostic, error
from schemagen.model.document import SourceDocument
from schemagen.model.settings import SafetySettings

_DURATION = re.compile(r"^\s*[0-9]+\s*(ms|s|min|h|d)?\s*$")
"""A PostgreSQL duration setting: a number with an optional unit (``0`` disables the limit)."""
_SWITCHES = tuple(f.name for f in dataclasses.fields(SafetySettings) if f.type == "bool")
_DURATIONS = tuple(f.name for f in dataclasses.fields(SafetySettings) if f.type != "bool")


def safety_settings(document: SourceDocument, diagnostics: list[Diagnostic]) -> SafetySettings:
    """``safety:`` of ``document`` (defaults for what it leaves out); problems go to ``diagnostics``."""
    section = document.data.get("safety")
    if section is None:
        return SafetySettings()
    if not isinstance(section, dict):
        diagnostics.append(
            error(
                "L108",
                "setting 'safety' must be a mapping",
                document.span(("safety",)),
                "e.g. safety: {concurrent_indexes: false, lock_timeout: 10s}",
            )
        )
        return SafetySettings()
    values: dict[str, Any] = {}
    for key, value in section.items():
        path = ("safety", key)
        if key in _SWITCHES and isinstance(value, bool):
            values[key] = value
        elif key in _DURATIONS and (value is None or _DURATION.match(str(value))):
            values[key] = None if value is None else str(value).strip()
        elif key not in _SWITCHES + _DURATIONS:
            diagnostics.append(
                error(
                    "L108",
                    f"unknown safety setting '{key}'",
                    document.key_span(path),
                    f"known: {', '.join(_SWITCHES + _DURATIONS)}",
                )
            )
        else:
            hint = (
                "true or false" if key in _SWITCHES else "a duration such as 5s, 2min, 1h, or 0 for no limit"
            )
            diagnostics.append(
                error("L108", f"invalid safety {key} {document.text(path)!r}", document.span(path), hint)
            )
    return SafetySettings(**values)
