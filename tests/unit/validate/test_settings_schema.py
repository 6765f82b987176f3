"""The JSON Schema of schemagen.yaml agrees with what the loader accepts."""

from __future__ import annotations

import dataclasses

import jsonschema
import yaml
from click.testing import CliRunner

from schemagen.cli import main
from schemagen.model.settings import LINT_LEVELS, NAMING_KINDS, SafetySettings
from schemagen.source.lint_settings import LINT_KEYS
from schemagen.source.project import AUDIT_KEYS, SETTINGS_KEYS
from schemagen.validate import settings_json_schema

EXAMPLE = """\
postgres: 16
audit: {start: '2026-01-01', retention: 12 months}
safety: {concurrent_indexes: false, lock_timeout: 10s, long_statement_timeout: 0}
lint:
  rules: {timestamp-without-time-zone: error, D710: off, missing-comment: on}
  naming: {table: '[a-z_]+'}
"""


def test_keys_match_the_loader() -> None:
    schema = settings_json_schema()
    assert set(schema["properties"]) == set(SETTINGS_KEYS)
    assert set(schema["properties"]["audit"]["properties"]) == set(AUDIT_KEYS)
    safety = {f.name for f in dataclasses.fields(SafetySettings)}
    assert set(schema["properties"]["safety"]["properties"]) == safety
    lint = schema["properties"]["lint"]["properties"]
    assert set(lint) == set(LINT_KEYS)
    assert lint["rules"]["additionalProperties"]["anyOf"][0]["enum"] == list(LINT_LEVELS)
    assert lint["naming"]["propertyNames"]["enum"] == list(NAMING_KINDS)


def test_example_validates_and_a_bad_level_does_not() -> None:
    validator = jsonschema.Draft202012Validator(settings_json_schema())
    assert not list(validator.iter_errors(yaml.safe_load(EXAMPLE)))
    bad = yaml.safe_load(EXAMPLE.replace("error,", "fatal,"))
    assert list(validator.iter_errors(bad))


def test_cli_prints_it() -> None:
    result = CliRunner().invoke(main, ["json-schema", "--settings"])
    assert result.exit_code == 0 and '"title": "schemagen.yaml"' in result.output
