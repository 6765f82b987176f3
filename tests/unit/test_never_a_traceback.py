"""Bad input gets diagnostics, never an exception: mutated real schemas must compile or report.

Takes the repository's own schema files and the golden cases, applies a few random
(seeded, so reproducible) mutations each — a value replaced by one of another type or
shape, a key removed, a key misspelt — and compiles the result. The compile may fail
with diagnostics; it must never raise.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from schemagen.api import compile_project

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "schema").glob("*.yaml")) + sorted(
    (ROOT / "tests/golden/build").glob("*/schema/*.yaml")
)
ODD_VALUES = [
    None,
    0,
    1,
    -5,
    True,
    "",
    "x",
    "text",
    "(",
    "'",
    [],
    {},
    [1, 2],
    {"a": 1},
    "now()",
    "varchar(",
    "1e999",
]
TRIALS = 120


def paths(node: object, prefix: tuple = ()) -> Iterator[tuple]:
    """Every path to a node of a loaded YAML document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


def mutate(document: dict, rng: random.Random) -> None:
    """Replace, remove or misspell one node of ``document`` in place."""
    candidates = list(paths(document))[1:]
    if not candidates:
        return
    path = rng.choice(candidates)
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    roll = rng.random()
    if roll < 0.4 or not isinstance(parent, dict):
        parent[last] = rng.choice(ODD_VALUES)
    elif roll < 0.7:
        del parent[last]
    else:
        parent[f"{last}_x"] = parent.pop(last)


def mutated_projects() -> Iterator[tuple[str, str]]:
    rng = random.Random(20261126)
    documents = [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in SOURCES]
    for _ in range(TRIALS):
        name, original = rng.choice(documents)
        document = copy.deepcopy(original)
        for _ in range(rng.randint(1, 3)):
            mutate(document, rng)
        yield name, yaml.safe_dump(document, sort_keys=False)


@pytest.mark.parametrize(
    ("name", "text"), list(mutated_projects()), ids=lambda v: v if v.endswith(".yaml") else ""
)
def test_mutated_schema_compiles_or_reports(name: str, text: str, tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / name).write_text(text, encoding="utf-8")
    result = compile_project(tmp_path)
    assert result.ok or result.diagnostics, "an invalid project must say why"


def test_mutation_changes_the_document() -> None:
    document = {"schema": "a", "tables": {"t": {"columns": {"c": "text"}}}}
    before = copy.deepcopy(document)
    mutate(document, random.Random(1))
    assert document != before
