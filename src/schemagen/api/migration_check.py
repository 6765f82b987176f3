"""What ``build`` says about ``generated/migrations/``: the files against ``schemagen.sum``, and
whether the migrations produce what ``schema/`` declares (``build`` never writes a migration)."""

from __future__ import annotations

from pathlib import Path

from schemagen.api.migration_state import load_state
from schemagen.api.project import MIGRATIONS_DIR
from schemagen.api.verify import change_span
from schemagen.diagnostics import Diagnostic, error, has_errors, warning
from schemagen.diff import diff_catalogs
from schemagen.migrations import verify_directory
from schemagen.model import Catalog
from schemagen.model.settings import ProjectSettings
from schemagen.render.summary import describe

HINT = "write the migration with `schemagen migrate new NAME`"


def migration_findings(
    generated: Path, declared: Catalog, settings: ProjectSettings, *, check: bool
) -> list[Diagnostic]:
    """M6xx findings for a project's migrations (none when it has none).

    Tampered or malformed files are errors; a declared change the migrations do not
    produce is M620, an error with ``check`` (``build --check``) and a warning otherwise.
    """
    found = verify_directory(generated / MIGRATIONS_DIR)
    if not found.migrations and not found.diagnostics:
        return []
    if has_errors(found.diagnostics):
        return list(found.diagnostics)
    state, problems = load_state(generated, settings)
    if has_errors(problems):
        return problems
    report = error if check else warning
    return [
        report(
            "M620",
            f"schema/ declares what the migrations do not produce: {describe(change).line()}",
            change_span(change),
            HINT,
        )
        for change in diff_catalogs(state, declared)
    ]
