"""The JSON Schemas `schemagen json-schema` prints: every key described, enums once, same meaning."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from schemagen.source import load_text
from schemagen.validate import json_schema, settings_json_schema
from schemagen.validate.schema import _schema

ROOT = Path(__file__).resolve().parents[3]


def _properties(node, path=""):
    """(path, property schema) for every object property in ``node``."""
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            yield f"{path}/{key}", value
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{path}/{index}")


def _enums(node):
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            yield node["enum"]
        for value in node.values():
            yield from _enums(value)
    elif isinstance(node, list):
        for value in node:
            yield from _enums(value)


@pytest.mark.parametrize("schema", [json_schema, settings_json_schema], ids=["format", "settings"])
def test_every_object_property_has_a_description(schema) -> None:
    published = schema()
    Draft202012Validator.check_schema(published)
    missing = [
        path for path, node in _properties(published) if isinstance(node, dict) and "description" not in node
    ]
    assert missing == [], (
        f"{len(missing)} properties without a description (add them to validate/descriptions.json)"
    )


def test_the_raw_schema_lacks_them_so_the_test_can_fail() -> None:
    assert any("description" not in node for _, node in _properties(_schema()) if isinstance(node, dict))


def test_enums_list_each_value_once() -> None:
    for values in _enums(json_schema()):
        lowered = [v.lower() if isinstance(v, str) else v for v in values]
        assert len(lowered) == len(set(lowered)), values


def test_defaults_and_examples_are_published() -> None:
    published = json_schema()
    column = published["$defs"]["column"]
    assert column["oneOf"][1]["properties"]["not_null"]["default"] is False
    assert "bigint generated always as identity primary key" in column["examples"]


def _fk_document(action: str) -> dict:
    return {
        "schema": "app",
        "tables": {
            "t": {"columns": {"id": {"type": "bigint", "references": {"table": "u", "on_delete": action}}}}
        },
    }


@pytest.mark.parametrize(
    ("action", "valid"), [("cascade", True), ("SET NULL", True), ("Cascade", False), ("drop", False)]
)
def test_the_published_schema_accepts_what_the_raw_one_accepts(action: str, valid: bool) -> None:
    document = _fk_document(action)
    assert Draft202012Validator(_schema()).is_valid(document) is valid
    assert Draft202012Validator(json_schema()).is_valid(document) is valid


def _values(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _values(value)
    elif isinstance(node, list):
        for value in node:
            yield from _values(value)
    else:
        yield node


def test_the_repository_schema_validates_against_the_published_schema() -> None:
    validator = Draft202012Validator(json_schema())
    for path in sorted((ROOT / "schema").glob("*.yaml")):
        document, diagnostics = load_text(path.read_text(), path.name)
        assert diagnostics == [] and document is not None
        assert [e.message for e in validator.iter_errors(document.data)] == [], path.name


def test_the_repository_quotes_its_dates_for_yaml_1_1_tools() -> None:
    for path in sorted((ROOT / "schema").glob("*.yaml")):
        dates = [v for v in _values(yaml.safe_load(path.read_text())) if isinstance(v, datetime.date)]
        assert dates == [], path.name


def _objects(definition: dict) -> bool:
    """Whether a definition is (or may be) a mapping with keys: an object kind of the format."""
    branches = [definition, *definition.get("oneOf", []), *definition.get("anyOf", [])]
    return any("properties" in branch for branch in branches)


def test_every_object_kind_has_examples_that_validate() -> None:
    """Hover in an editor shows an example of every kind of object, and each one is valid."""
    import jsonschema

    published = json_schema()
    kinds = {name: d for name, d in published["$defs"].items() if _objects(d)}
    missing = {name for name, d in kinds.items() if not d.get("examples")}
    assert not missing, f"add an example for {sorted(missing)} to validate/descriptions.json 'examples'"
    for name, definition in kinds.items():
        validator = jsonschema.Draft202012Validator({"$defs": published["$defs"], "$ref": f"#/$defs/{name}"})
        for example in definition["examples"]:
            assert not list(validator.iter_errors(example)), (name, example)
