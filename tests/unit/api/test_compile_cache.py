"""The compiled-project cache: used only when nothing the compile reads has changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from schemagen.api import compile_cache
from schemagen.api.live import compile_declared
from schemagen.errors import InvalidProject

SCHEMA = """\
schema: app
tables:
  users:
    columns:
      id: bigint primary key
      email: text not null
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("SCHEMAGEN_CACHE_DIR", str(directory))
    monkeypatch.delenv("SCHEMAGEN_CACHE", raising=False)
    return directory


def _project(tmp_path: Path, schema: str = SCHEMA, settings: str | None = None) -> Path:
    root = tmp_path / "project"
    (root / "schema").mkdir(parents=True, exist_ok=True)
    (root / "schema" / "app.yaml").write_text(schema)
    if settings is not None:
        (root / "schemagen.yaml").write_text(settings)
    return root


class Counting:
    """A compile that counts its runs (the real compile, wrapped)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.runs = 0

    def __call__(self):
        from schemagen.api.live import _compile_declared

        self.runs += 1
        return _compile_declared(self.root)


def _cached(counting: Counting):
    return compile_cache.cached(counting.root, counting, lambda result: result[0] is not None)


def test_an_unchanged_project_is_read_from_the_cache(tmp_path: Path, cache_dir: Path) -> None:
    counting = Counting(_project(tmp_path))
    first = _cached(counting)
    second = _cached(counting)
    assert counting.runs == 1
    assert second == first
    assert list((cache_dir / "compiled").glob("*.pickle"))


def test_a_changed_schema_file_compiles_again(tmp_path: Path, cache_dir: Path) -> None:
    root = _project(tmp_path)
    counting = Counting(root)
    _cached(counting)
    (root / "schema" / "app.yaml").write_text(SCHEMA + "      name: text\n")
    catalog, _ = _cached(counting)
    assert counting.runs == 2
    assert [c.name for c in next(iter(catalog.tables.values())).columns] == ["id", "email", "name"]


def test_an_added_file_and_changed_settings_compile_again(tmp_path: Path, cache_dir: Path) -> None:
    root = _project(tmp_path)
    counting = Counting(root)
    _cached(counting)
    (root / "schemagen.yaml").write_text("postgres: 15\n")
    _cached(counting)
    (root / "schema" / "more.yaml").write_text("schema: more\n")
    _cached(counting)
    assert counting.runs == 3
    _cached(counting)
    assert counting.runs == 3


def test_a_changed_schemagen_source_file_compiles_again(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = tmp_path / "code.py"
    code.write_text("# schemagen as installed\n")
    monkeypatch.setattr(compile_cache, "_PACKAGE", tmp_path)
    monkeypatch.setattr(compile_cache, "_code_files", lambda: [code])
    counting = Counting(_project(tmp_path))
    _cached(counting)
    _cached(counting)
    code.write_text("# schemagen, one line longer\n# after an upgrade\n")
    _cached(counting)
    assert counting.runs == 2


def test_a_project_with_errors_is_not_stored(tmp_path: Path, cache_dir: Path) -> None:
    root = _project(tmp_path, "schema: app\ntables:\n  t:\n    columns:\n      id: no_such_type\n")
    for _ in range(2):
        with pytest.raises(InvalidProject):
            compile_declared(root)
    assert not list(cache_dir.glob("compiled/*.pickle"))


def test_off_never_reads_nor_writes(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHEMAGEN_CACHE", "off")
    counting = Counting(_project(tmp_path))
    _cached(counting)
    _cached(counting)
    assert counting.runs == 2
    assert not cache_dir.exists()


def test_an_entry_others_may_write_is_never_loaded(tmp_path: Path, cache_dir: Path) -> None:
    counting = Counting(_project(tmp_path))
    _cached(counting)
    (entry,) = (cache_dir / "compiled").glob("*.pickle")
    os.chmod(entry, 0o666)
    _cached(counting)
    assert counting.runs == 2
    os.chmod(cache_dir / "compiled", 0o777)
    _cached(counting)
    assert counting.runs == 3


def test_a_damaged_entry_compiles_again(tmp_path: Path, cache_dir: Path) -> None:
    counting = Counting(_project(tmp_path))
    first = _cached(counting)
    (entry,) = (cache_dir / "compiled").glob("*.pickle")
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])
    assert _cached(counting) == first
    assert counting.runs == 2


def test_a_read_only_cache_directory_still_compiles(tmp_path: Path, cache_dir: Path) -> None:
    cache_dir.write_text("not a directory")
    counting = Counting(_project(tmp_path))
    catalog, diagnostics = _cached(counting)
    assert catalog is not None and not diagnostics
    _cached(counting)
    assert counting.runs == 2


def test_warnings_come_back_with_a_cached_catalog(tmp_path: Path, cache_dir: Path) -> None:
    root = _project(tmp_path, "schema: app\nextensions: [not_a_contrib_module]\n")
    fresh = compile_declared(root)
    assert [d.code for d in fresh[1]] == ["C312"]
    assert compile_declared(root) == fresh


def test_a_build_leaves_the_compile_plan_needs(tmp_path: Path, cache_dir: Path) -> None:
    from schemagen.api.build import build_project

    root = _project(
        tmp_path,
        "schema: app\nextensions: [not_a_contrib_module]\ntables:\n  t:\n    columns:\n      id: int\n",
    )
    assert build_project(root).ok
    counting = Counting(root)
    from_build = _cached(counting)
    assert counting.runs == 0  # read from what build stored
    fresh = Counting(root)
    (cache_dir / "compiled").rename(cache_dir / "elsewhere")
    assert _cached(fresh) == from_build and fresh.runs == 1  # the same catalog and warnings (C312)
    assert [d.code for d in from_build[1]] == ["C312"]
