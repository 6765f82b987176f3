"""JSON Schema validation: every error found, located, with one relevant message."""

import re
from pathlib import Path

import jsonschema
import pytest

from schemagen.source import load_text
from schemagen.validate import json_schema, validate_documents

NAME = "schema/app.yaml"
REPO = Path(__file__).resolve().parents[3]


def check(text: str) -> list[tuple[str, int, int, str]]:
    document, diagnostics = load_text(text, NAME)
    assert diagnostics == []
    found = validate_documents([document])
    return [
        (d.code, d.span.line, d.span.column, d.message) for d in sorted(found, key=lambda d: d.sort_key())
    ]


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    json_schema()["properties"].clear()
    assert json_schema()["properties"], "json_schema() must return a copy"


def test_valid_file_has_no_errors() -> None:
    assert check("schema: app\ntables:\n  t:\n    columns: {id: bigint}\n    primary_key: [id]\n") == []


def test_unknown_key_with_did_you_mean() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns: {id: bigint}\n    primay_key: [id]\n")
    assert len(found) == 1
    code, line, column, message = found[0]
    assert (code, line, column) == ("V203", 5, 5)
    assert "unknown key 'primay_key' (did you mean 'primary_key'?)" in message


def test_missing_schema_key() -> None:
    found = check("tables: {}\n")
    assert [f[0] for f in found] == ["V202"]
    assert "'schema'" in found[0][3]


def test_wrong_type_is_located_at_the_value() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns:\n      a: {type: int, not_null: yes}\n")
    assert found == [
        ("V201", 5, 32, "'tables.t.columns.a.not_null' must be true or false, not the string 'yes'")
    ]


def test_enum_value_with_suggestion() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns:\n      a: {type: int, identity: allways}\n")
    assert found[0][0] == "V204"
    assert "did you mean 'always'" in found[0][3]


def test_shorthand_or_mapping_reports_the_fitting_branch_only() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns:\n      a: {not_null: true}\n")
    assert [f[0] for f in found] == ["V202"]
    assert "'type'" in found[0][3]


def test_value_matching_no_form() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns:\n      a: 5\n")
    assert [f[0] for f in found] == ["V208"]


def test_typo_for_a_required_key_reports_once() -> None:
    found = check("schema: app\ntables:\n  t:\n    indexes:\n      - {colums: [a]}\n")
    assert [f[0] for f in found] == ["V203"]


def test_exactly_one_of_column_or_expression() -> None:
    found = check("schema: app\ntables:\n  t:\n    indexes:\n      - {columns: [{opclass: x}]}\n")
    assert [f[0] for f in found] == ["V208"]
    assert "'column' or 'expression'" in found[0][3]


def test_empty_list_and_duplicates() -> None:
    found = check("schema: app\nenums:\n  e: [a, a]\ntables:\n  t:\n    indexes: [[]]\n")
    assert [f[0] for f in found] == ["V207", "V206"]


def test_comma_inside_flow_mapping_is_explained() -> None:
    found = check("schema: app\ntables:\n  t:\n    columns:\n      a: {type: numeric(12,2)}\n")
    assert [f[0] for f in found] == ["V208"]
    assert "split at a comma" in found[0][3]


def test_all_errors_are_reported() -> None:
    text = (
        "schema: app\n"
        "colour: red\n"
        "tables:\n"
        "  t:\n"
        "    columns:\n"
        "      a: {type: int, nullable: true}\n"
        "    unlogged: maybe\n"
        "    foreign_keys:\n"
        "      - {columns: [a], references: t, on_delete: cascde}\n"
    )
    assert [f[0] for f in check(text)] == ["V203", "V203", "V201", "V204"]


def test_issue_3_sections_are_validated() -> None:
    text = (
        "schema: app\nfunctions:\n  f: {returns: trigger, language: plpgsql, body: BEGIN RETURN NEW; END}\n"
        "views:\n  v: {query: SELECT 1}\nroles:\n  r: {}\n  s:\n"
        "grants:\n  - {on: schema app, privileges: [usage], to: r}\n"
        "tables:\n  t:\n    columns: {a: int}\n    audit: true\n"
        "    rows: {key: [a], values: [{a: 1}]}\n"
        "    triggers: {t_f: {function: f, timing: before, events: [insert]}}\n"
        "    partition_by: {hash: [a], partitions: 4}\n"
    )
    assert check(text) == []


def test_issue_3_mistakes_are_found() -> None:
    text = (
        "schema: app\nfunctions:\n  f: {retuns: int, body: SELECT 1}\n"
        "grants:\n  - {on: tabel app.t, privileges: [select], to: r}\n"
        "tables:\n  t:\n    columns: {a: int}\n"
        "    triggers: {t_f: {function: f, timing: whenever, events: [insert]}}\n"
        "    partition_by: {range: [a], interval: 1 fortnight}\n"
    )
    assert [f[0] for f in check(text)] == ["V203", "V205", "V204", "V205"]


def test_trigger_enabled_takes_the_four_firing_modes() -> None:
    text = (
        "schema: app\nfunctions:\n  f: {returns: trigger, language: plpgsql, body: BEGIN RETURN NEW; END}\n"
        "tables:\n  t:\n    columns: {a: int}\n    triggers:\n"
        "      t_o: {function: f, timing: before, events: [insert], enabled: origin}\n"
        "      t_d: {function: f, timing: before, events: [insert], enabled: disabled}\n"
        "      t_r: {function: f, timing: before, events: [insert], enabled: replica}\n"
        "      t_a: {function: f, timing: before, events: [insert], enabled: always}\n"
    )
    assert check(text) == []
    assert [f[0] for f in check(text.replace("enabled: always", "enabled: false"))] == ["V204"]
    assert [f[0] for f in check(text.replace("enabled: always", "enabled: sometimes"))] == ["V204"]


def test_a_roles_only_file_needs_no_schema() -> None:
    assert check("roles:\n  reader: {}\n") == []
    assert [f[0] for f in check("tables: {}\n")] == ["V202"]


@pytest.mark.parametrize(
    "path",
    sorted(str(p.relative_to(REPO)) for p in REPO.glob("schema/*.yaml")),
)
def test_reference_schema_validates(path: str) -> None:
    document, diagnostics = load_text((REPO / path).read_text(), path)
    assert diagnostics == []
    assert validate_documents([document]) == []


def test_format_examples_validate() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "format.md").read_text(), re.S)
    assert blocks
    for index, block in enumerate(blocks):
        document, diagnostics = load_text(block, f"docs/format.md#{index}")
        assert diagnostics == []
        assert validate_documents([document]) == [], block


def test_internal_schema_means_the_same_as_the_published_one() -> None:
    from jsonschema import Draft202012Validator

    from schemagen.validate.schema import internal_schema

    published, internal = Draft202012Validator(json_schema()), Draft202012Validator(internal_schema())
    assert "$ref" not in str(internal_schema()["$defs"]["column"])
    samples = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "format.md").read_text(), re.S)
    samples += [
        "schema: a\ntables:\n  t:\n    indexes:\n      - {columns: [{column: a, expression: b}]}\n",
        "schema: a\ntables:\n  t:\n    columns: {a: 5}\n",
        "schema: a\ntables:\n  t:\n    partition_by: {range: [a], list: [b]}\n",
        "schema: a\ntables:\n  t:\n    partition_by: {hash: [a], partitions: {c: {values: {modulus: 2}}}}\n",
    ]
    for text in samples:
        document, _ = load_text(text, NAME)
        assert published.is_valid(document.data) == internal.is_valid(document.data), text
