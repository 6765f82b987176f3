"""``schemagen build`` / ``validate``: YAML → diagnostics → generated/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemagen.api.outputs import render_outputs
from schemagen.api.project import project_root, stale_files, write_generated
from schemagen.build import build_catalog
from schemagen.checks import run_checks
from schemagen.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from schemagen.model import Catalog
from schemagen.source import load_project
from schemagen.validate import validate_documents


@dataclass
class BuildResult:
    """What a build found and (unless invalid or a check run) wrote."""

    diagnostics: list[Diagnostic]
    catalog: Catalog | None = None
    files: dict[str, str] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def compile_project(project: str | Path) -> BuildResult:
    """Load, validate, build and check a project, and render its outputs in memory."""
    root = project_root(project)
    documents, settings, diagnostics = load_project(root)
    if has_errors(diagnostics):
        return BuildResult(sorted_diagnostics(diagnostics))
    diagnostics += validate_documents(documents)
    if has_errors(diagnostics):
        return BuildResult(sorted_diagnostics(diagnostics))
    catalog, build_diagnostics = build_catalog(documents, settings)
    diagnostics += build_diagnostics
    if has_errors(diagnostics):
        return BuildResult(sorted_diagnostics(diagnostics))
    diagnostics += run_checks(catalog, settings.postgres)
    if has_errors(diagnostics):
        return BuildResult(sorted_diagnostics(diagnostics), catalog)
    files, render_diagnostics = render_outputs(catalog, settings)
    diagnostics += render_diagnostics
    return BuildResult(sorted_diagnostics(diagnostics), catalog, files if not has_errors(diagnostics) else {})


def validate_project(project: str | Path) -> BuildResult:
    """Every diagnostic of a build, without touching generated/."""
    return compile_project(project)


def build_project(project: str | Path, *, check: bool = False) -> BuildResult:
    """Compile and write generated/ (or, with ``check``, list the stale files).

    Nothing is written when the project has errors.
    """
    result = compile_project(project)
    if not result.ok:
        return result
    root = project_root(project)
    result.changed = stale_files(root, result.files) if check else write_generated(root, result.files)
    return result
