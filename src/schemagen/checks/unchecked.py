"""``check_body: false``: what the checks find in such a body is a warning, not an error.

A live database holds bodies PostgreSQL accepted with ``check_function_bodies`` off
(every pg_dump sets it): they name objects of another schema unqualified, or objects
created later. ``inspect`` marks them, the build creates them unchecked as pg_dump
does, and the findings below stay visible without blocking the project.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diagnostics import Diagnostic, Severity
from schemagen.model import Catalog

BODY_CODES = frozenset({"C369", "C373", "C375", "C376"})
"""Findings about what a function body names or how it parses."""


def unchecked_bodies_warn(catalog: Catalog, found: list[Diagnostic]) -> list[Diagnostic]:
    """``found`` with the body findings on functions declared ``check_body: false`` as warnings."""
    spans = {f.span for f in catalog.functions.values() if not f.check_body and f.span is not None}
    if not spans:
        return found
    return [
        replace(
            d,
            severity=Severity.WARNING,
            message=d.message + " (check_body: false: created unchecked, fails when called)",
        )
        if d.code in BODY_CODES and d.severity is Severity.ERROR and d.span in spans
        else d
        for d in found
    ]
