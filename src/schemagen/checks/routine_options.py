"""C344: ``rows:`` on a function that does not return a set."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog


def check_rows_of_set_functions(catalog: Catalog) -> list[Diagnostic]:
    """C344: ``ROWS`` estimates the rows of a set-returning function only.

    Prevents: ``ROWS is not applicable when function does not return a set``.
    """
    return [
        error(
            "C344",
            f"function {function.name} has rows: {function.rows:g} but returns a single value",
            function.span,
            "rows: applies to functions that return setof … or a table; leave it out here",
        )
        for function in catalog.functions.values()
        if function.rows is not None
        and not function.returns_table
        and not (function.returns or "").upper().startswith("SETOF ")
    ]
