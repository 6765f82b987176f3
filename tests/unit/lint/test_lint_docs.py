"""docs/lint.md: every rule has its section; every SQL example fails or passes as it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from schemagen.lint import lint_sql
from schemagen.lint.registry import RULES, rule_of
from schemagen.lint.severity import LintConfig
from schemagen.lint.suppression import apply_suppressions

DOC = (Path(__file__).resolve().parents[3] / "docs" / "lint.md").read_text(encoding="utf-8")
SECTIONS = dict(
    re.findall(r"^### ([A-Z]\d{3}) [a-z-]+\n(.*?)(?=^##)", DOC + "\n##", re.MULTILINE | re.DOTALL)
)
SQL_RULES = [r for r in RULES if r.scope in ("sql", "sql-type")]


def test_every_rule_has_a_section_in_the_docs() -> None:
    for rule in RULES:
        assert f"### {rule.code} {rule.name}\n" in DOC, rule.code
        assert f"[{rule.code}](#{rule.code.lower()}-{rule.name})" in DOC, rule.code


def _rules_on(sql: str) -> set[str]:
    config = LintConfig(everything=True)
    found, suppressions = lint_sql(sql, "doc.sql")
    return {rule_of(d.code).name for d in apply_suppressions(found, suppressions, config.active)}


@pytest.mark.parametrize("rule", SQL_RULES, ids=lambda r: r.name)
def test_sql_examples_fail_and_pass_as_documented(rule) -> None:
    blocks = re.findall(r"```sql\n(.*?)```", SECTIONS[rule.code], re.DOTALL)
    failing = [b for b in blocks if b.startswith(f"-- fails: {rule.code}")]
    fixed = [b for b in blocks if b.startswith("-- fixed")]
    assert failing and fixed
    assert rule.name in _rules_on(failing[0])
    assert rule.name not in _rules_on(fixed[0])


def test_every_build_warning_has_a_rule_name() -> None:
    """The build's warnings are configurable and suppressible: each needs a name in lint/registry.py."""
    checks = (Path(__file__).resolve().parents[3] / "docs" / "checks.md").read_text(encoding="utf-8")
    warnings = re.findall(r"^\| \[(C\d{3})\]\([^)]*\) \| warning \|", checks, re.MULTILINE)
    assert warnings
    missing = [code for code in warnings if rule_of(code) is None]
    assert not missing, f"add a kebab-case name for {missing} to src/schemagen/lint/registry.py"
