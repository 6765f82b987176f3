"""C357, C368: calls that work today and fail or mislead tomorrow (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast

from schemagen.checks.sites import expressions
from schemagen.diagnostics import Diagnostic, Span, warning
from schemagen.model import Catalog
from schemagen.model.pg.sqlparse import parse_expression, parse_query

DEPRECATED = {
    "txid_current": "pg_current_xact_id",
    "txid_current_if_assigned": "pg_current_xact_id_if_assigned",
    "txid_current_snapshot": "pg_current_snapshot",
    "txid_snapshot_xip": "pg_snapshot_xip",
    "txid_snapshot_xmax": "pg_snapshot_xmax",
    "txid_snapshot_xmin": "pg_snapshot_xmin",
    "txid_visible_in_snapshot": "pg_visible_in_snapshot",
    "txid_status": "pg_xact_status",
}
"""Built-in functions PostgreSQL documents as deprecated, and their replacements."""


def _calls(catalog: Catalog) -> Iterator[tuple[ast.FuncCall, str, Span | None]]:
    """(call, where, span) for every function call in expressions and view queries."""
    for expr in expressions(catalog):
        for node in parse_expression(expr.text).all_nodes:
            if isinstance(node, ast.FuncCall):
                yield node, expr.subject, expr.span
    for name, view in catalog.views.items():
        for node in parse_query(view.query).all_nodes:
            if isinstance(node, ast.FuncCall):
                yield node, f"view {name}", view.span


def _name(call: ast.FuncCall) -> tuple[str | None, str]:
    names = [n.sval for n in call.funcname]
    return (names[-2] if len(names) > 1 else None), names[-1]


def check_deprecated_functions(catalog: Catalog) -> list[Diagnostic]:
    """C357: no deprecated built-in functions (warning).

    Prevents: depending on functions PostgreSQL keeps only for compatibility —
    ``txid_current()`` wraps around where ``pg_current_xact_id()`` (xid8) does not.
    """
    found = []
    for call, where, span in _calls(catalog):
        schema, name = _name(call)
        if schema in (None, "pg_catalog") and name in DEPRECATED:
            found.append(
                warning(
                    "C357",
                    f"{where} calls {name}(), deprecated since PostgreSQL 13",
                    span,
                    f"use {DEPRECATED[name]}() instead",
                )
            )
    return found


def check_custom_settings(catalog: Catalog) -> list[Diagnostic]:
    """C368: ``current_setting('app.x')`` passes ``missing_ok`` (warning).

    Prevents: ``unrecognized configuration parameter "app.x"`` in every session
    that has not set the parameter — for a row-level security policy, every query
    of every role subject to it (the source design's tenant policy).
    """
    found = []
    for call, where, span in _calls(catalog):
        schema, name = _name(call)
        args = call.args or ()
        if schema not in (None, "pg_catalog") or name != "current_setting" or len(args) != 1:
            continue
        setting = args[0]
        if (
            isinstance(setting, ast.A_Const)
            and isinstance(setting.val, ast.String)
            and "." in setting.val.sval
        ):
            found.append(
                warning(
                    "C368",
                    f"{where} reads current_setting({setting.val.sval!r}), which fails in any session "
                    "that has not set it",
                    span,
                    f"write current_setting({setting.val.sval!r}, true): NULL when unset",
                )
            )
    return found
