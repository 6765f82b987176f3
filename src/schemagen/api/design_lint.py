"""The design lint rules next to the checks: configured, suppressed, and capped for ``build``."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diagnostics import Diagnostic, Severity
from schemagen.lint import lint_catalog, lint_config
from schemagen.lint.registry import rule_named, rule_of
from schemagen.lint.severity import LintConfig
from schemagen.lint.suppression import apply_suppressions
from schemagen.lint.yaml_suppressions import yaml_suppressions
from schemagen.model import Catalog
from schemagen.model.document import SourceDocument
from schemagen.model.settings import ProjectSettings


def design_findings(
    catalog: Catalog,
    documents: list[SourceDocument],
    settings: ProjectSettings,
    diagnostics: list[Diagnostic],
    config: LintConfig | None,
    *,
    run_rules: bool = True,
) -> list[Diagnostic]:
    """``diagnostics`` (the checks') plus the design findings, with ``lint:`` and suppressions applied.

    Args:
        config: ``schemagen lint``'s configuration; None for ``build``, where every
            lint finding (and D700 about the settings) is reported as a warning at most.
        run_rules: False when the catalog has errors: the design rules are skipped
            (noise next to errors), but suppressions still silence the checks' warnings.
    """
    capped = config is None
    if config is None:
        config, problems = lint_config(settings.lint)
    else:
        problems = []
    comments_on = config.active(rule_named("missing-comment"))
    rules = lint_catalog(catalog, config.naming, comments_on=comments_on) if run_rules else []
    found = diagnostics + rules + problems

    def reported(rule) -> bool:  # a suppression of a rule that did not run is not "unused"
        return config.active(rule) and (run_rules or rule.scope == "build")

    found = apply_suppressions(found, yaml_suppressions(documents), reported)
    found = config.apply(found)
    if capped:
        found = [
            replace(d, severity=Severity.WARNING)
            if d.severity is Severity.ERROR and rule_of(d.code) is not None
            else d
            for d in found
        ]
    return found
