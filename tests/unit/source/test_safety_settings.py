"""``safety:`` in schemagen.yaml: switches and timeouts, with located errors."""

from __future__ import annotations

from pathlib import Path

from schemagen.model.settings import SafetySettings
from schemagen.source.project import load_project


def _load(tmp_path: Path, text: str):
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "a.yaml").write_text("schema: a\n")
    (tmp_path / "schemagen.yaml").write_text(text)
    _, settings, diagnostics = load_project(tmp_path)
    return settings, diagnostics


def test_defaults_are_safe(tmp_path: Path) -> None:
    settings, diagnostics = _load(tmp_path, "postgres: 15\n")
    assert diagnostics == []
    assert settings.safety == SafetySettings()
    assert settings.safety.concurrent_indexes and settings.safety.validate_separately
    assert settings.safety.lock_timeout == "5s"


def test_switches_and_timeouts_are_read(tmp_path: Path) -> None:
    settings, diagnostics = _load(
        tmp_path,
        "safety:\n  concurrent_indexes: false\n  not_null_via_check: false\n"
        "  lock_timeout: 10s\n  statement_timeout: null\n  long_statement_timeout: 2h\n",
    )
    assert diagnostics == []
    s = settings.safety
    assert (s.concurrent_indexes, s.not_null_via_check, s.validate_separately) == (False, False, True)
    assert (s.lock_timeout, s.statement_timeout, s.long_statement_timeout) == ("10s", None, "2h")


def test_bad_safety_settings_are_located_errors(tmp_path: Path) -> None:
    settings, diagnostics = _load(
        tmp_path, "safety:\n  concurrent_index: false\n  lock_timeout: soon\n  validate_separately: 1\n"
    )
    assert settings.safety == SafetySettings()
    assert [(d.code, d.span.line) for d in diagnostics] == [("L108", 2), ("L108", 3), ("L108", 4)]
    assert "did you mean" not in diagnostics[0].message and "concurrent_indexes" in diagnostics[0].hint


def test_safety_must_be_a_mapping(tmp_path: Path) -> None:
    _, diagnostics = _load(tmp_path, "safety: yes\n")
    assert [d.code for d in diagnostics] == ["L108"]
