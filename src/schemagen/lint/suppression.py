"""Suppressions: a finding silenced next to what it is about, always with a reason.

Both sources (``lint: {ignore: {RULE: reason}}`` on a YAML object, and
``-- schemagen-lint: ignore RULE reason`` on a SQL statement) become
:class:`Suppression` values with a scope test; :func:`apply_suppressions` drops
the findings they cover and reports the suppressions that are wrong: without a
reason (D701, and it silences nothing), naming no known rule (D702), or unused
(D703 in YAML, S776 in SQL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from schemagen.diagnostics import Diagnostic, Span
from schemagen.lint.registry import Rule, rule_named, rule_of
from schemagen.lint.severity import finding


@dataclass(frozen=True)
class Suppression:
    """``rule`` (name or code) silenced for the findings ``covers`` accepts."""

    rule: str
    reason: str
    span: Span
    covers: Callable[[Diagnostic], bool] = field(compare=False)
    unused_code: str = "D703"


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    suppressions: Iterable[Suppression],
    active: Callable[[Rule], bool] = lambda rule: True,
) -> list[Diagnostic]:
    """The diagnostics no valid suppression covers, plus findings about the suppressions.

    A suppression of a rule that is not ``active`` (turned off) is not reported unused.
    """
    valid: list[Suppression] = []
    problems: list[Diagnostic] = []
    for suppression in suppressions:
        rule = rule_named(suppression.rule)
        if not suppression.reason.strip():
            problems.append(
                finding(
                    "D701",
                    f"suppression of {suppression.rule} gives no reason, so it silences nothing",
                    suppression.span,
                    "say why the finding does not apply: ignore RULE <reason>",
                )
            )
        elif rule is None:
            problems.append(
                finding(
                    "D702",
                    f"suppression names no known rule: {suppression.rule!r}",
                    suppression.span,
                    "use a rule's name or code from docs/lint.md",
                )
            )
        else:
            valid.append(suppression)
    used: set[int] = set()
    kept = []
    for diagnostic in diagnostics:
        rule = rule_of(diagnostic.code)
        hit = None
        if rule is not None:
            hit = next(
                (i for i, s in enumerate(valid) if rule_named(s.rule) == rule and s.covers(diagnostic)),
                None,
            )
        if hit is None:
            kept.append(diagnostic)
        else:
            used.add(hit)
    for i, suppression in enumerate(valid):
        if i not in used and active(rule_named(suppression.rule)):
            problems.append(
                finding(
                    suppression.unused_code,
                    f"suppression of {suppression.rule} silences nothing here",
                    suppression.span,
                    "remove it (the finding is gone or the suppression is on the wrong object)",
                )
            )
    return kept + problems
