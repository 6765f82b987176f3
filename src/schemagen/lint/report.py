"""Findings written for people and for CI: text (gcc-style, with the line and a caret), json,
SARIF 2.1.0 (code scanning) and GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Mapping

from schemagen.diagnostics import Diagnostic, Severity
from schemagen.lint.registry import RULES, rule_of

FORMATS = ("text", "json", "sarif", "github")
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_name(diagnostic: Diagnostic) -> str | None:
    rule = rule_of(diagnostic.code)
    return rule.name if rule else None


def format_text(diagnostics: list[Diagnostic], sources: Mapping[str, str]) -> str:
    """``path:line:col: severity: CODE message [rule]``, the source line, a caret, the hint."""
    out = []
    for d in diagnostics:
        where = f"{d.span}: " if d.span else ""
        name = rule_name(d)
        out.append(f"{where}{d.severity}: {d.code} {d.message}" + (f" [{name}]" if name else ""))
        text = sources.get(d.span.file) if d.span else None
        lines = text.splitlines() if text else []
        if d.span and 0 < d.span.line <= len(lines):
            line = lines[d.span.line - 1]
            out.append(f"    {line}")
            prefix = "".join(c if c == "\t" else " " for c in line[: max(d.span.column - 1, 0)])
            out.append(f"    {prefix}^")
        if d.hint:
            out.append(f"    hint: {d.hint}")
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    out.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(out)


def as_records(diagnostics: list[Diagnostic]) -> list[dict]:
    """The json format: one ``{code, rule, severity, path, line, column, message, hint}`` per finding."""
    return [
        {
            "code": d.code,
            "rule": rule_name(d),
            "severity": str(d.severity),
            "path": d.span.file if d.span else None,
            "line": d.span.line if d.span else None,
            "column": d.span.column if d.span else None,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]


def format_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps(as_records(diagnostics), indent=2)


def sarif_log(diagnostics: list[Diagnostic], version: str) -> dict:
    """A SARIF 2.1.0 log with one run: every rule in the driver, one result per finding."""
    rules = list(RULES)
    index = {rule.code: i for i, rule in enumerate(rules)}
    extra = sorted({d.code for d in diagnostics} - set(index))
    descriptors = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {
                "level": _SARIF_LEVEL[rule.severity] if rule.enabled else "none",
                "enabled": rule.enabled,
            },
            "help": {"text": f"{rule.summary}. See docs/lint.md#{rule.code.lower()}-{rule.name}"},
            "properties": {"parser": rule.parser, "scope": rule.scope},
        }
        for rule in rules
    ]
    for code in extra:
        index[code] = len(descriptors)
        descriptors.append({"id": code, "shortDescription": {"text": f"schemagen diagnostic {code}"}})
    results = []
    for d in diagnostics:
        result: dict = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message + (f" (hint: {d.hint})" if d.hint else "")},
        }
        if d.span:
            result["locations"] = [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.span.file},
                        "region": {"startLine": max(d.span.line, 1), "startColumn": max(d.span.column, 1)},
                    }
                }
            ]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "schemagen",
                        "version": version,
                        "rules": descriptors,
                    }
                },
                "results": results,
            }
        ],
    }


def format_sarif(diagnostics: list[Diagnostic], version: str) -> str:
    return json.dumps(sarif_log(diagnostics, version), indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: list[Diagnostic]) -> str:
    """``::warning file=…,line=…,col=…,title=…::message`` lines (GitHub Actions annotations)."""
    lines = []
    for d in diagnostics:
        props = []
        if d.span:
            props += [f"file={_escape_property(d.span.file)}", f"line={d.span.line}", f"col={d.span.column}"]
        name = rule_name(d)
        props.append(f"title={_escape_property(d.code + (' ' + name if name else ''))}")
        message = d.message + (f"\n{d.hint}" if d.hint else "")
        lines.append(f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines)
