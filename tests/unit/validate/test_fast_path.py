"""The optional jsonschema-rs fast path answers "valid?" exactly like jsonschema does.

It only ever skips the full validation of a document it finds valid, so a document
it wrongly found valid would lose its diagnostics: every sample must get the same
answer from both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from schemagen.source import load_text
from schemagen.validate import json_schema, validate_documents
from schemagen.validate.schema import fast_validator

REPO = Path(__file__).resolve().parents[3]
NAME = "schema/app.yaml"

INVALID = [
    "tables: {}\n",
    "schema: app\ntables:\n  t:\n    columns: {id: bigint}\n    primay_key: [id]\n",
    "schema: app\ntables:\n  t:\n    columns:\n      a: {type: int, not_null: yes}\n",
    "schema: app\ntables:\n  t:\n    columns:\n      a: {type: int, identity: allways}\n",
    "schema: a\ntables:\n  t:\n    columns: {a: 5}\n",
    "schema: a\ntables:\n  t:\n    partition_by: {range: [a], list: [b]}\n",
    "schema: a\ntables:\n  t:\n    partition_by: {hash: [a], partitions: {c: {values: {modulus: 2}}}}\n",
    "schema: a\ntables:\n  t:\n    indexes:\n      - {columns: [{column: a, expression: b}]}\n",
    "schema: a\ntables:\n  t:\n    columns: {a: int}\n    primary_key: []\n",
    "schema: a\ntables:\n  t:\n    columns: {a: int}\n    unique: [[a], [a]]\n",
    "schema: 5\n",
    "schema: ''\n",
    "schema: a\nenums:\n  e: []\n",
    "schema: a\nsequences:\n  s: {increment: 0.5}\n",
    "schema: a\ntables:\n  t:\n    columns: {a: {type: int, references: 7}}\n",
]


def _samples() -> list[tuple[str, str]]:
    samples = [(f"invalid #{i}", text) for i, text in enumerate(INVALID)]
    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "docs" / "format.md").read_text(), re.S)
    samples += [(f"docs/format.md #{i}", text) for i, text in enumerate(blocks)]
    for path in sorted([*REPO.glob("tests/golden/**/*.yaml"), *REPO.glob("schema/*.yaml")]):
        if path.name != "schemagen.yaml":
            samples.append((str(path.relative_to(REPO)), path.read_text(encoding="utf-8")))
    return samples


@pytest.fixture(scope="module")
def fast():
    validator = fast_validator()
    if validator is None:
        pytest.skip("jsonschema-rs is not installed (the fast path is optional)")
    return validator


def test_the_fast_path_agrees_with_jsonschema(fast) -> None:
    published = Draft202012Validator(json_schema())
    checked = invalid = 0
    for where, text in _samples():
        document, _ = load_text(text, NAME)
        if document is None:
            continue
        expected = published.is_valid(document.data)
        assert fast.is_valid(document.data) == expected, where
        checked += 1
        invalid += not expected
    assert checked > 50 and invalid >= len(INVALID) - 1


def test_an_invalid_document_still_gets_every_diagnostic(fast) -> None:
    document, _ = load_text(INVALID[1], NAME)
    assert [d.code for d in validate_documents([document])] == ["V203"]
