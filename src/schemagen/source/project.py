"""Read a project directory: ``schema/*.yaml`` and the optional ``schemagen.yaml``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from schemagen.diagnostics import Diagnostic, Span, error, warning
from schemagen.model.document import SourceDocument
from schemagen.model.settings import (
    DEFAULT_POSTGRES,
    SUPPORTED_POSTGRES,
    ProjectSettings,
)
from schemagen.model.templates import PROJECT_TEMPLATES_DIR
from schemagen.source.lint_settings import lint_settings
from schemagen.source.nodes import Converter, TooManyNodes
from schemagen.source.safety_settings import safety_settings

SCHEMA_DIR = "schema"
SETTINGS_FILE = "schemagen.yaml"
_INTERVAL = re.compile(r"^\s*[1-9][0-9]*\s+(day|week|month|year)s?\s*$")
SETTINGS_KEYS = ("postgres", "audit", "safety", "lint", "owners")
OWNERS_VALUES = ("managed", "unmanaged")
AUDIT_KEYS = ("start", "retention")

try:  # libyaml is 5x faster; fall back to the pure-Python loader where it is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader  # type: ignore[misc]


def load_project(project_dir: Path) -> tuple[list[SourceDocument], ProjectSettings, list[Diagnostic]]:
    """Load every schema file of a project (sorted by name) and its settings.

    Files that do not load are left out of the returned documents and reported
    as ``L1xx`` diagnostics; the others still load, so every problem is shown.
    """
    project_dir = Path(project_dir)
    settings, diagnostics = load_settings(project_dir)
    schema_dir = project_dir / SCHEMA_DIR
    if not schema_dir.is_dir():
        diagnostics.append(
            error(
                "L107",
                f"no {SCHEMA_DIR}/ directory in {project_dir}",
                None,
                f"create {SCHEMA_DIR}/ with one YAML file per PostgreSQL schema",
            )
        )
        return [], settings, diagnostics
    files = _schema_files(schema_dir)
    if not files:
        diagnostics.append(
            error("L107", f"{SCHEMA_DIR}/ has no .yaml files", None, "add at least one schema file")
        )
    documents = []
    for path in files:
        document, found = load_file(path, path.relative_to(project_dir).as_posix())
        diagnostics += found
        if document is not None:
            documents.append(document)
    return documents, settings, diagnostics


def project_input_files(project_dir: Path) -> list[Path]:
    """Every file a compile of the project reads: settings, schema files, template overrides."""
    project_dir = Path(project_dir)
    files = [project_dir / SETTINGS_FILE] if (project_dir / SETTINGS_FILE).is_file() else []
    schema_dir = project_dir / SCHEMA_DIR
    if schema_dir.is_dir():
        files += _schema_files(schema_dir)
    templates = project_dir / PROJECT_TEMPLATES_DIR
    if templates.is_dir():
        files += sorted(p for p in templates.rglob("*") if p.is_file())
    return files


def _schema_files(schema_dir: Path) -> list[Path]:
    return sorted(p for p in schema_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


_SCHEMA_LINE = re.compile(r"^schema:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def schema_named_in(path: Path) -> str | None:
    """The ``schema:`` a file that did not load declares, read from its text line by line.

    Later stages use it to leave out what only fails because that file is missing
    (a foreign key to one of its tables is not reported a second time).
    """
    try:
        match = _SCHEMA_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return match.group(1) if match else None


def load_file(path: Path, name: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Load one YAML file; ``name`` is how diagnostics refer to it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [error("L106", f"cannot read {name}: not UTF-8 ({exc.reason})", Span(name, 1, 1))]
    except OSError as exc:
        return None, [error("L106", f"cannot read {name}: {exc.strerror}", Span(name, 1, 1))]
    return load_text(text, name)


def load_text(text: str, name: str) -> tuple[SourceDocument | None, list[Diagnostic]]:
    """Load YAML text as the file ``name``: one document whose root is a mapping."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(exc, name, text)]
    except yaml.YAMLError as exc:
        return None, [error("L101", f"invalid YAML: {exc}", Span(name, 1, 1))]
    if root is None:
        return None, [
            warning("L103", "empty file: nothing declared", Span(name, 1, 1), "add `schema: <name>`")
        ]
    converter = Converter(name)
    try:
        data = converter.convert(root)
    except TooManyNodes as exc:
        message = (
            "an alias refers to itself"
            if exc.recursive
            else "the file expands to more than 100000 nodes through aliases"
        )
        return None, [
            error("L105", message, converter.span(exc.node), "write the repeated parts out, not as aliases")
        ]
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return None, [
            *converter.diagnostics,
            error(
                "L104",
                f"the file's top level is {kind}, not a mapping",
                converter.span(root),
                "start the file with `schema: <name>`",
            ),
        ]
    document = SourceDocument(name, data, converter.value_spans, converter.key_spans, converter.texts)
    return document, converter.diagnostics


def load_settings(project_dir: Path) -> tuple[ProjectSettings, list[Diagnostic]]:
    """Read ``schemagen.yaml`` if present; defaults otherwise."""
    path = Path(project_dir) / SETTINGS_FILE
    if not path.is_file():
        return ProjectSettings(), []
    document, diagnostics = load_file(path, SETTINGS_FILE)
    if document is None:
        return ProjectSettings(), [d for d in diagnostics if d.code != "L103"]
    postgres = DEFAULT_POSTGRES
    for key in document.data:
        if key not in SETTINGS_KEYS:
            diagnostics.append(
                error(
                    "L108",
                    f"unknown setting '{key}'",
                    document.key_span((key,)),
                    f"known settings: {', '.join(SETTINGS_KEYS)}",
                )
            )
    value = document.data.get("postgres", DEFAULT_POSTGRES)
    if isinstance(value, int) and not isinstance(value, bool) and value in SUPPORTED_POSTGRES:
        postgres = value
    else:
        diagnostics.append(
            error(
                "L108",
                f"unsupported postgres version {document.text(('postgres',))!r}",
                document.span(("postgres",)),
                f"use one of {', '.join(map(str, SUPPORTED_POSTGRES))}",
            )
        )
    audit = _audit_settings(document, diagnostics)
    safety = safety_settings(document, diagnostics)
    lint = lint_settings(document, diagnostics)
    owners = _owners_setting(document, diagnostics)
    settings = ProjectSettings(postgres=postgres, **audit, safety=safety, lint=lint, owners_managed=owners)
    return settings, diagnostics


def _owners_setting(document: SourceDocument, diagnostics: list[Diagnostic]) -> bool:
    """``owners: managed`` (True) or ``unmanaged``, the default; anything else is L108."""
    value = document.data.get("owners", "unmanaged")
    if value in OWNERS_VALUES:
        return value == "managed"
    diagnostics.append(
        error(
            "L108",
            f"invalid owners setting {document.text(('owners',))!r}",
            document.span(("owners",)),
            "owners: managed (declare and compare owners) or unmanaged (the default)",
        )
    )
    return False


def _audit_settings(document: SourceDocument, diagnostics: list[Diagnostic]) -> dict[str, Any]:
    audit = document.data.get("audit")
    if audit is None:
        return {}
    if not isinstance(audit, dict):
        diagnostics.append(
            error(
                "L108",
                "setting 'audit' must be a mapping",
                document.span(("audit",)),
                "audit: {start, retention}",
            )
        )
        return {}
    result: dict[str, Any] = {}
    for key, value in audit.items():
        path = ("audit", key)
        text = document.text(path)
        if key == "start" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            result["audit_start"] = value
        elif key == "retention" and (value is None or _INTERVAL.match(str(value))):
            result["audit_retention"] = value
        elif key not in AUDIT_KEYS:
            diagnostics.append(
                error(
                    "L108",
                    f"unknown audit setting '{key}'",
                    document.key_span(path),
                    "known: start, retention",
                )
            )
        else:
            hint = "a date, YYYY-MM-DD" if key == "start" else "e.g. 12 months (or null to keep everything)"
            diagnostics.append(error("L108", f"invalid audit {key} {text!r}", document.span(path), hint))
    return result


def _syntax_error(exc: yaml.MarkedYAMLError, name: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    span = Span(name, mark.line + 1, mark.column + 1) if mark else Span(name, 1, 1)
    problem = exc.problem or "invalid YAML"
    if exc.context and "expected a single document" in exc.context:
        return error("L101", "more than one YAML document in the file", span, "remove the '---' separator")
    context = f" {exc.context}" if exc.context else ""
    if exc.context and exc.context_mark is not None and mark and exc.context_mark.line != mark.line:
        context += f" started at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    hint = "values that start with ' { [ * & ! | > % @ or contain ': ' need quotes"
    lines = text.splitlines()
    if mark and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
        hint = "indent with spaces, not tabs"
    return error("L101", f"YAML syntax error: {problem}{context}", span, hint)
