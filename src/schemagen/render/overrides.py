"""Errors inside a project's template overrides, turned into located ``L111`` diagnostics."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from types import TracebackType

import jinja2

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model.templates import TemplateOverride
from schemagen.render.plan import HEADER_TEMPLATE


class OverrideFailed(Exception):
    """A project's override template did not compile or did not render."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@contextlib.contextmanager
def override_errors(overrides: Sequence[TemplateOverride]) -> Iterator[None]:
    """Raise ``OverrideFailed`` for an exception that starts in one of ``overrides``.

    Exceptions anywhere else (schemagen's own templates, its code) pass unchanged: they
    are bugs, not the project's input.
    """
    paths = {o.path for o in overrides}
    if not paths:
        yield
        return
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        if exc.filename not in paths:
            raise
        span = Span(exc.filename, exc.lineno or 1, 1)
        raise OverrideFailed(_failed(span, f"template syntax error: {exc.message}")) from exc
    except Exception as exc:
        where = _innermost(exc.__traceback__, paths)
        if where is None:
            raise
        raise OverrideFailed(_failed(where, f"the template failed: {type(exc).__name__}: {exc}")) from exc


def header_problem(header: str, overrides: Sequence[TemplateOverride]) -> Diagnostic | None:
    """An ``L111`` error when an overridden SQL header renders anything but comments.

    The header heads a script that is run: a statement there would be DDL that no
    diff, plan or inspect knows about, exactly what change templates may not add.
    """
    override = next((o for o in overrides if o.name == HEADER_TEMPLATE), None)
    if override is None:
        return None
    for number, line in enumerate(header.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("--"):
            return _failed(
                Span(override.path, 1, 1),
                f"the SQL header must be comments ('-- …' lines) only; line {number} of its output "
                f"is not: {line.strip()[:60]!r}",
            )
    return None


def _failed(span: Span, message: str) -> Diagnostic:
    return error("L111", message, span, "fix the override, or remove it to use schemagen's template")


def _innermost(tb: TracebackType | None, paths: set[str]) -> Span | None:
    """The last traceback frame inside one of ``paths`` (Jinja maps frames to template lines)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in paths:
            found = Span(filename, tb.tb_lineno, 1)
        tb = tb.tb_next
    return found
