"""Findings at their rule's severity, and the project's ``lint:`` levels applied to them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from schemagen.diagnostics import Diagnostic, Severity, Span
from schemagen.lint.registry import RULES, Rule, rule_named, rule_of
from schemagen.model.settings import LintSettings

_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


def finding(code: str, message: str, span: Span | None, hint: str | None = None) -> Diagnostic:
    """A diagnostic of rule ``code`` at the rule's default severity."""
    rule = rule_of(code)
    severity = rule.severity if rule else Severity.WARNING
    return Diagnostic(code, severity, message, span, hint)


@dataclass(frozen=True)
class LintConfig:
    """Which rules run and at what severity: defaults, then ``lint: {rules}``, then ``--strict``."""

    levels: dict[str, str] = field(default_factory=dict)
    """Rule code → level (``error``/``warning``/``info``/``off``/``on``)."""
    naming: tuple[tuple[str, str], ...] = ()
    strict: bool = False
    everything: bool = False
    """Every rule on, off-by-default ones too (the corpus and parity tests)."""

    def active(self, rule: Rule | None) -> bool:
        """Whether findings of ``rule`` are reported (diagnostics of no rule always are)."""
        if rule is None:
            return True
        if self.everything:
            return True
        level = self.levels.get(rule.code)
        return rule.enabled if level is None else level != "off"

    def severity(self, rule: Rule) -> Severity:
        level = self.levels.get(rule.code)
        base = _LEVELS.get(level or "", rule.severity)
        return Severity.ERROR if self.strict and base is Severity.WARNING else base

    def apply(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        """Drop the findings of rules that are off; set the configured severity of the others."""
        out = []
        for diagnostic in diagnostics:
            rule = rule_of(diagnostic.code)
            if rule is None:
                out.append(diagnostic)
            elif self.active(rule):
                out.append(replace(diagnostic, severity=self.severity(rule)))
        return out


def lint_config(
    settings: LintSettings, *, strict: bool = False, everything: bool = False
) -> tuple[LintConfig, list[Diagnostic]]:
    """The config of a project's ``lint:`` settings, and a D700 for each unknown rule named there."""
    levels: dict[str, str] = {}
    problems = []
    for name, level in settings.rules:
        rule = rule_named(name)
        if rule is None:
            problems.append(
                finding(
                    "D700",
                    f"lint setting names no known rule: {name!r}",
                    settings.spans.get(f"rules.{name}"),
                    _did_you_mean(name),
                )
            )
            continue
        levels[rule.code] = level
    return LintConfig(levels, settings.naming, strict, everything), problems


def _did_you_mean(name: str) -> str:
    import difflib

    close = difflib.get_close_matches(name, [r.name for r in RULES], n=1)
    return f"did you mean {close[0]!r}?" if close else "rules are listed in docs/lint.md"
