"""``schemagen build`` / ``validate``: YAML → diagnostics → generated/."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schemagen.api.compile_cache import store
from schemagen.api.memory import paused_gc
from schemagen.api.migration_check import migration_findings
from schemagen.api.project import GENERATED_DIR, project_root, stale_files, write_generated
from schemagen.builder import build_catalog
from schemagen.checks import run_checks
from schemagen.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from schemagen.lint.severity import LintConfig
from schemagen.model import Catalog
from schemagen.model.document import SourceDocument
from schemagen.model.settings import ProjectSettings
from schemagen.model.templates import TemplateOverride
from schemagen.source import load_project
from schemagen.source.external import external_schemas
from schemagen.source.project import schema_named_in
from schemagen.source.templates import load_template_overrides
from schemagen.validate import validate_documents


@dataclass
class BuildResult:
    """What a build found and (unless invalid or a check run) wrote."""

    diagnostics: list[Diagnostic]
    catalog: Catalog | None = None
    files: dict[str, str] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    overrides: list[TemplateOverride] = field(default_factory=list)
    """The project's template overrides the outputs were rendered with."""
    documents: list[SourceDocument] = field(default_factory=list, repr=False)
    settings: ProjectSettings = field(default_factory=ProjectSettings, repr=False)
    declared_diagnostics: list[Diagnostic] | None = field(default=None, repr=False)
    """What the compile of ``diff``/``plan``/``apply`` reports (no design rules): kept for its cache."""

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def compile_project(
    project: str | Path, lint: LintConfig | None = None, *, outputs: bool = True
) -> BuildResult:
    """Load, validate, build and check a project, and render its outputs in memory.

    Every stage runs even when an earlier one found errors in some objects or a
    file did not load, so a person sees all problems at once; what an earlier
    stage rejected is not reported again by a later one. Rendering happens only
    for an error-free catalog, and only with
    ``outputs`` (``diff``/``plan``/``apply`` need the catalog alone: without outputs
    and without ``lint`` the design rules, warnings only then, are not run either).

    The design lint rules run beside the checks (on a catalog without errors), and the project's ``lint:``
    settings and the suppressions in schema/ apply to them and to the checks'
    warnings. With ``lint`` None (``build``), lint findings are at most warnings;
    ``schemagen lint`` passes its config (severities, ``--strict``).
    """
    root = project_root(project)
    with paused_gc():
        return _compile(root, lint, outputs)


def _compile(root: Path, lint: LintConfig | None = None, outputs: bool = True) -> BuildResult:
    documents, settings, diagnostics = load_project(root)
    overrides, template_problems = load_template_overrides(root)
    diagnostics += template_problems
    schema_errors = validate_documents(documents)
    diagnostics += schema_errors
    external, external_problems = external_schemas(documents)
    diagnostics += external_problems
    catalog, semantic = _build_and_check(documents, settings, trusted=not has_errors(schema_errors))
    semantic = consequences_left_out(semantic, diagnostics, _unloaded_schemas(root, diagnostics) | external)
    declared = sorted_diagnostics(diagnostics + semantic)
    if catalog is not None and (outputs or lint is not None):
        # the design rules run on an error-free catalog; suppressions of the checks' warnings always apply
        from schemagen.api.design_lint import design_findings  # sqlglot: only when the rules run

        rules = not has_errors(diagnostics + semantic)
        semantic = design_findings(catalog, documents, settings, semantic, lint, run_rules=rules)
    diagnostics += semantic
    if catalog is None or has_errors(diagnostics) or not outputs:
        return BuildResult(sorted_diagnostics(diagnostics), catalog, documents=documents, settings=settings)
    from schemagen.api.outputs import render_outputs  # the renderer: not needed by diff/plan/apply

    files, render_diagnostics = render_outputs(catalog, settings, overrides)
    diagnostics += render_diagnostics
    files = files if not has_errors(diagnostics) else {}
    return BuildResult(
        sorted_diagnostics(diagnostics),
        catalog,
        files,
        overrides=overrides,
        documents=documents,
        settings=settings,
        declared_diagnostics=declared,
    )


def _build_and_check(documents, settings, *, trusted: bool) -> tuple[Catalog | None, list[Diagnostic]]:
    """Build the model and run the semantic checks.

    On documents that failed schema validation the builder sees shapes it was
    not written for; its findings are then best effort, and a failure inside it
    only means no semantic diagnostics are added.
    """
    try:
        catalog, diagnostics = build_catalog(documents, settings)
        diagnostics = diagnostics + run_checks(catalog, settings.postgres)
    except Exception:
        if trusted:
            raise
        return None, []
    return catalog, diagnostics


_UNLOADED = frozenset({"L101", "L104", "L105", "L106"})
"""Load codes that leave a whole file out."""


def _unloaded_schemas(root: Path, diagnostics: list[Diagnostic]) -> set[str]:
    files = {d.span.file for d in diagnostics if d.code in _UNLOADED and d.span is not None}
    return {s for s in (schema_named_in(root / f) for f in files) if s is not None}


def consequences_left_out(
    semantic: list[Diagnostic], earlier: list[Diagnostic], unloaded: set[str]
) -> list[Diagnostic]:
    """The semantic findings that are not the echo of an earlier error (one root cause, one error).

    Left out: C389 (an object skipped for its shape) in a file whose shape errors
    validation reported, C301 for a type a V208 on its line shows was cut at a comma
    (``{a: numeric(12,2)}``), and any finding that names an object of a schema whose
    file did not load or that the project declares external (a foreign key to its
    table, a grant on it).
    """
    shaped = {d.span.file for d in earlier if d.code.startswith("V") and d.span is not None}
    split_types = {(d.span.file, d.span.line) for d in earlier if d.code == "V208" and d.span is not None}
    patterns = [re.compile(rf"(?<![\w$.]){re.escape(s)}\.") for s in sorted(unloaded)]
    kept = []
    for diagnostic in semantic:
        if diagnostic.code == "C389" and diagnostic.span is not None and diagnostic.span.file in shaped:
            continue
        if any(p.search(diagnostic.message) for p in patterns):
            continue
        where = (diagnostic.span.file, diagnostic.span.line) if diagnostic.span is not None else None
        if diagnostic.code == "C301" and where in split_types:
            continue  # the type was cut at a comma: V208 on that line says so
        kept.append(diagnostic)
    return kept


def validate_project(project: str | Path) -> BuildResult:
    """Every diagnostic of a build, without touching generated/."""
    return compile_project(project)


def build_project(
    project: str | Path,
    *,
    check: bool = False,
    verify: bool = False,
    dev_dsn: str | None = None,
    step: Callable[[str], None] | None = None,
) -> BuildResult:
    """Compile and write generated/ (or, with ``check``, list the stale files).

    With ``verify``, the generated SQL is first applied, and rolled back, on a
    scratch server of the target version (or ``dev_dsn``); what PostgreSQL refuses
    is reported as Q410 at the YAML that produced it. Nothing is written when the
    project has errors. ``step`` is told what is being done (the CLI's progress line).

    Raises:
        DatabaseError: ``verify`` found no server to run on, or could not connect.
    """
    say = step or (lambda _text: None)
    say("compiling")
    result = compile_project(project)
    if not result.ok:
        return result
    root = project_root(project)
    if result.catalog is not None:
        found = migration_findings(root / GENERATED_DIR, result.catalog, result.settings, check=check)
        result.diagnostics = sorted_diagnostics(result.diagnostics + found)
        if not result.ok:
            result.files = {}
            return result
    if verify and result.catalog is not None:
        from schemagen.api.verify import verify_catalog, verify_connection

        say("verifying on PostgreSQL")
        target = result.settings.postgres
        with verify_connection(target, dev_dsn) as dsn:
            found = verify_catalog(result.catalog, target, dsn)
        result.diagnostics = sorted_diagnostics(result.diagnostics + found)
        if not result.ok:
            result.files = {}
            return result
    say("comparing generated/" if check else "writing generated/")
    result.changed = stale_files(root, result.files) if check else write_generated(root, result.files)
    if result.catalog is not None and result.declared_diagnostics is not None:
        store(root, (result.catalog, result.declared_diagnostics))  # the next plan of this project reads it
    return result
