"""The layer rule of DESIGN.md, enforced: who may import whom inside schemagen."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "schemagen"

KERNEL = {"diagnostics", "errors"}
STAGES = {
    "source",
    "validate",
    "builder",
    "checks",
    "introspect",
    "emit",
    "diff",
    "render",
    "lint",
    "migrations",
}
TOP_LEVEL = {"__init__"}


FACTS = "model.pg"
"""The PostgreSQL-facts layer: a package inside model, below it."""
THIRD_PARTY = {"facts": {"pglast"}}
"""Libraries a layer may import besides the standard library and schemagen (checked for facts only)."""


def layer_of(part: str) -> str:
    """The layer a top-level module or package of schemagen (or ``model.pg``) belongs to."""
    if part == FACTS:
        return "facts"
    if part in KERNEL or part in TOP_LEVEL:
        return "kernel"
    if part == "model":
        return "model"
    if part in STAGES:
        return "stage"
    if part in {"plan", "api", "cli"}:
        return part
    if part == "__main__":
        return "cli"
    raise AssertionError(f"schemagen.{part} is in no layer: add it to tests/unit/test_layers.py")


def allowed(importer: str, imported: str) -> bool:
    """Whether top-level part ``importer`` may import top-level part ``imported``."""
    if importer == imported:
        return True
    source, target = layer_of(importer), layer_of(imported)
    rules = {
        "kernel": {"kernel"},
        "facts": {"kernel"},
        "model": {"kernel", "facts"},
        "stage": {"kernel", "model", "facts"},
        "plan": {"kernel", "model", "facts"},
        "api": {"kernel", "model", "facts", "stage", "plan"},
        "cli": {"kernel", "api", "cli"},
    }
    if importer == "plan" and imported == "diff":
        return True
    return target in rules[source]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, top-level schemagen part) for every schemagen import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "schemagen" and parts[1:3] == ["model", "pg"]:
                found.append((node.lineno, FACTS))
            elif parts[0] == "schemagen" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
            elif parts[0] == "schemagen":
                found.append((node.lineno, "__init__"))
    return found


def modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def part_of(rel: Path) -> str:
    """The top-level part (or ``model.pg``) a module path relative to the package belongs to."""
    if rel.parts[:2] == ("model", "pg"):
        return FACTS
    return rel.parts[0].removesuffix(".py")


def third_party_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level name) of every import that is neither schemagen nor the standard library."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top != "schemagen" and top not in sys.stdlib_module_names:
                found.append((node.lineno, top))
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_module_respects_layers(path: Path) -> None:
    rel = path.relative_to(SRC)
    importer = part_of(rel)
    violations = [
        f"{rel}:{line} imports schemagen.{imported}"
        f" ({layer_of(importer)} may not import {layer_of(imported)})"
        for line, imported in imports_of(path)
        if not allowed(importer, imported)
    ]
    if layer_of(importer) in THIRD_PARTY:
        allowed_libraries = THIRD_PARTY[layer_of(importer)]
        violations += [
            f"{rel}:{line} imports {name} ({layer_of(importer)} may import only {allowed_libraries})"
            for line, name in third_party_imports(path)
            if name not in allowed_libraries
        ]
    assert not violations, "\n".join(violations)


def test_rule_catches_a_stage_importing_another_stage() -> None:
    assert not allowed("builder", "render")
    assert not allowed("model", "builder")
    assert not allowed("cli", "builder")
    assert allowed("api", "builder")
    assert allowed("plan", "diff")


def test_facts_layer_sits_below_the_model() -> None:
    assert allowed("model", FACTS)
    assert allowed("builder", FACTS)
    assert allowed("render", FACTS)
    assert not allowed(FACTS, "model")
    assert not allowed(FACTS, "checks")
    assert allowed(FACTS, "diagnostics")
    assert part_of(Path("model/pg/scan.py")) == FACTS
    assert part_of(Path("model/catalog.py")) == "model"
