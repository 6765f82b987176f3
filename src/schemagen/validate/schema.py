"""The published JSON Schema (Draft 2020-12) of a schema file."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator


@cache
def _schema() -> dict[str, Any]:
    text = resources.files("schemagen.validate").joinpath("schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def json_schema() -> dict[str, Any]:
    """The JSON Schema every ``schema/*.yaml`` file must satisfy (a fresh copy)."""
    return copy.deepcopy(_schema())


@cache
def validator() -> Draft202012Validator:
    """A validator for the schema, built once."""
    return Draft202012Validator(_schema())
