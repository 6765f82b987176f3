"""Inspect marks the live bodies that fail the checks ``check_body: false``.

PostgreSQL holds bodies it accepted with ``check_function_bodies`` off (pg_dump sets it):
SQL bodies naming objects off the creating session's search path, or objects made
later. Written back plainly they would stop the build at errors the database never
raised; marked, the build creates them unchecked as pg_dump does and reports warnings.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diagnostics import Severity, Span
from schemagen.model import Catalog


def mark_unchecked_bodies(catalog: Catalog) -> Catalog:
    """``catalog`` with ``check_body`` False on every function a body check finds an error in."""
    if not catalog.functions:
        return catalog
    # the checks (and what they import) load only when there are bodies to check
    from schemagen.checks.body_checks import check_bodies_parse, check_body_references
    from schemagen.checks.query_names import check_query_columns, check_query_relations
    from schemagen.checks.unchecked import BODY_CODES

    checks = (check_bodies_parse, check_body_references, check_query_relations, check_query_columns)
    # inspected objects have no position: give each function one, to tell whose finding it is
    placed = {
        key: replace(function, span=Span("<inspect>", line, 1))
        for line, (key, function) in enumerate(catalog.functions.items(), 1)
    }
    probe = replace(catalog, functions=placed)
    failing = {
        d.span.line
        for check in checks
        for d in check(probe)
        if d.code in BODY_CODES
        and d.severity is Severity.ERROR
        and d.span is not None
        and d.span.file == "<inspect>"
    }
    if not failing:
        return catalog
    functions = {
        key: replace(function, check_body=False) if line in failing else function
        for line, (key, function) in enumerate(catalog.functions.items(), 1)
    }
    return replace(catalog, functions=functions)
