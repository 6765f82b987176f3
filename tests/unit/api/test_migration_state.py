"""The migrations' state snapshot builds back to the catalog it was written from, for every golden
build project and diff side (what ``migrate new`` plans from must be what was declared)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from schemagen.api.build import compile_project
from schemagen.api.migration_state import load_state, state_files
from schemagen.diff import diff_catalogs
from schemagen.render.summary import describe

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
BUILD = sorted(p for p in (GOLDEN / "build").iterdir() if (p / "schema").is_dir())
DIFF_SIDES = sorted(
    p / side for p in (GOLDEN / "diff").iterdir() for side in ("from", "to") if (p / side).is_dir()
)
TOTAL = "0" * 64


def round_trip(schema_dir: Path, tmp_path: Path) -> list[str]:
    project = tmp_path / "project"
    shutil.copytree(schema_dir, project / "schema")
    if (schema_dir.parent / "schemagen.yaml").is_file():
        shutil.copy(schema_dir.parent / "schemagen.yaml", project / "schemagen.yaml")
    declared = compile_project(project, outputs=False)
    assert declared.ok and declared.catalog is not None
    generated = tmp_path / "generated"
    for name, text in state_files(declared.catalog, "0001_x", TOTAL).items():
        (generated / name).parent.mkdir(parents=True, exist_ok=True)
        (generated / name).write_text(text, encoding="utf-8")
    (generated / "migrations" / "schemagen.sum").write_text(f"schemagen-sum 1\ntotal {TOTAL}\n")
    state, problems = load_state(generated, declared.settings)
    assert [p.format() for p in problems if p.severity == 2] == []
    return [describe(c).line() for c in diff_catalogs(state, declared.catalog)]


@pytest.mark.parametrize("case", BUILD, ids=lambda p: p.name)
def test_build_golden_snapshot_builds_back(case: Path, tmp_path: Path) -> None:
    assert round_trip(case / "schema", tmp_path) == []


@pytest.mark.parametrize("side", DIFF_SIDES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_diff_golden_snapshot_builds_back(side: Path, tmp_path: Path) -> None:
    assert round_trip(side, tmp_path) == []


def test_a_snapshot_of_other_migrations_is_stale(tmp_path: Path) -> None:
    declared = compile_project(GOLDEN / "build" / "minimal", outputs=False)
    generated = tmp_path / "generated"
    for name, text in state_files(declared.catalog, "0001_x", TOTAL).items():
        (generated / name).parent.mkdir(parents=True, exist_ok=True)
        (generated / name).write_text(text, encoding="utf-8")
    (generated / "migrations" / "schemagen.sum").write_text("schemagen-sum 1\ntotal " + "1" * 64 + "\n")
    _, problems = load_state(generated, declared.settings)
    assert [p.code for p in problems] and {p.code for p in problems} == {"M621"}


def snapshot(tmp_path: Path) -> tuple[Path, object]:
    declared = compile_project(GOLDEN / "build" / "cross_schema", outputs=False)
    generated = tmp_path / "generated"
    for name, text in state_files(declared.catalog, "0001_x", TOTAL).items():
        (generated / name).parent.mkdir(parents=True, exist_ok=True)
        (generated / name).write_text(text, encoding="utf-8")
    (generated / "migrations" / "schemagen.sum").write_text(f"schemagen-sum 1\ntotal {TOTAL}\n")
    return generated, declared.settings


def test_an_untouched_snapshot_loads(tmp_path: Path) -> None:
    generated, settings = snapshot(tmp_path)
    assert len(list((generated / "migrations" / "state").glob("*.yaml"))) >= 2
    assert load_state(generated, settings)[1] == []


def test_an_edited_snapshot_file_is_stale(tmp_path: Path) -> None:
    generated, settings = snapshot(tmp_path)
    path = sorted((generated / "migrations" / "state").glob("*.yaml"))[0]
    path.write_text(path.read_text() + "# an edit\n")
    problems = load_state(generated, settings)[1]
    assert {p.code for p in problems} == {"M621"} and "edited" in problems[0].message


def test_a_removed_snapshot_file_is_stale(tmp_path: Path) -> None:
    generated, settings = snapshot(tmp_path)
    sorted((generated / "migrations" / "state").glob("*.yaml"))[0].unlink()
    assert "M621" in {p.code for p in load_state(generated, settings)[1]}
