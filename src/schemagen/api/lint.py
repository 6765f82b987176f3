"""``schemagen lint``: the design of a project and its SQL, or hand-written SQL files."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from schemagen import __version__
from schemagen.api.build import compile_project
from schemagen.api.project import GENERATED_DIR, MIGRATIONS_DIR, project_root
from schemagen.diagnostics import Diagnostic, Severity, has_errors, sorted_diagnostics
from schemagen.errors import UsageError
from schemagen.lint import lint_config, lint_sql
from schemagen.lint.registry import rule_of
from schemagen.lint.report import FORMATS, format_github, format_json, format_sarif, format_text
from schemagen.lint.severity import LintConfig
from schemagen.lint.suppression import apply_suppressions
from schemagen.migrations import read_migrations
from schemagen.model.settings import ProjectSettings
from schemagen.source import load_settings


@dataclass
class LintResult:
    """Every finding, and the text of each file they point into (for carets)."""

    diagnostics: list[Diagnostic]
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def lint_project(project: str | Path, *, strict: bool = False, everything: bool = False) -> LintResult:
    """Lint the declared design (located in schema/*.yaml) and every ``generated/**/*.sql``
    but the down files of ``generated/migrations/``.

    Generated SQL is linted as applied in one transaction (schemagen's plans are;
    ``schema.sql`` says ``BEGIN``/``COMMIT`` itself),
    and without the column-type rules (S706, S715-S720): the design rules report
    those on the YAML, where they are fixed.
    """
    root = project_root(project)
    settings, _ = load_settings(root)
    config, config_problems = lint_config(settings.lint, strict=strict, everything=everything)
    result = compile_project(root, config)
    found = list(result.diagnostics) + config.apply(config_problems)
    sources = {d.path: (root / d.path).read_text(encoding="utf-8") for d in result.documents}
    generated = root / GENERATED_DIR
    in_transaction = _migration_transactions(generated / MIGRATIONS_DIR)
    for path in sorted(generated.rglob("*.sql")) if generated.is_dir() else []:
        if path.name.endswith(".down.sql") and path.parent == generated / MIGRATIONS_DIR:
            continue  # the reverse of its up file; its header's hazards are what the runner gates
        name = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        sources[name] = text
        # schema.sql opens and commits its own transaction; a migration runs inside the runner's
        # unless its header says `-- transaction: none`
        transaction = in_transaction.get(path.name, True) if path.parent != generated else False
        raw, suppressions = lint_sql(
            text, name, postgres=settings.postgres, assume_in_transaction=transaction
        )
        raw = [d for d in raw if (rule_of(d.code) is None or rule_of(d.code).scope != "sql-type")]
        found += config.apply(apply_suppressions(raw, suppressions, config.active))
    return LintResult(sorted_diagnostics(_strict(found, strict)), sources)


def _migration_transactions(directory: Path) -> dict[str, bool]:
    """Up file name → whether the runner runs it in one transaction (its header)."""
    return {m.up.file: m.up.transactional for m in read_migrations(directory).migrations}


def _strict(diagnostics: list[Diagnostic], strict: bool) -> list[Diagnostic]:
    """With ``--strict``, every warning (a lint rule's or the build's) is an error."""
    if not strict:
        return diagnostics
    return [replace(d, severity=Severity.ERROR) if d.severity is Severity.WARNING else d for d in diagnostics]


def lint_files(
    files: list[str | Path],
    project: str | Path = ".",
    *,
    strict: bool = False,
    everything: bool = False,
    assume_in_transaction: bool = False,
) -> LintResult:
    """Lint hand-written SQL files; ``project``'s schemagen.yaml (if any) gives the version and config."""
    root = Path(project)
    settings, problems = load_settings(root) if root.is_dir() else (ProjectSettings(), [])
    config, config_problems = lint_config(settings.lint, strict=strict, everything=everything)
    found = problems + config.apply(config_problems)
    sources = {}
    for file in files:
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
        name = str(file)
        sources[name] = text
        raw, suppressions = lint_sql(
            text, name, postgres=settings.postgres, assume_in_transaction=assume_in_transaction
        )
        found += config.apply(apply_suppressions(raw, suppressions, config.active))
    return LintResult(sorted_diagnostics(_strict(found, strict)), sources)


def render_findings(result: LintResult, fmt: str) -> str:
    """The findings in one of ``FORMATS``."""
    if fmt == "json":
        return format_json(result.diagnostics)
    if fmt == "sarif":
        return format_sarif(result.diagnostics, __version__)
    if fmt == "github":
        return format_github(result.diagnostics)
    if fmt == "text":
        return format_text(result.diagnostics, result.sources)
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "LintConfig", "LintResult", "lint_files", "lint_project", "render_findings"]
