"""``schemagen fmt``: rewrite ``schema/*.yaml`` in the layout ``inspect`` writes, comments kept.

Each file is formatted by :func:`schemagen.emit.layout.format_text`, then both texts
are loaded again by the project loader: a file whose formatted text would read back
as different data is never written (L112, and a bug to report). Files that do not
load are reported as ``build`` reports them and left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.emit.layout import CannotFormat, format_text
from schemagen.source.nodes import resolve_scalar
from schemagen.source.project import SCHEMA_DIR, load_text


@dataclass
class FormatResult:
    """Files (relative to the project) rewritten, or that ``--check`` would rewrite."""

    changed: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def schema_files(project_dir: Path) -> list[Path]:
    """The project's schema files, in name order (none without a ``schema/`` directory)."""
    schema_dir = project_dir / SCHEMA_DIR
    if not schema_dir.is_dir():
        return []
    return sorted(p for p in schema_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def format_file_text(text: str, name: str) -> tuple[str | None, list[Diagnostic]]:
    """The formatted text of one schema file, or None and why it cannot be formatted."""
    document, found = load_text(text, name)
    errors = [d for d in found if d.severity.name == "ERROR"]
    if errors:
        return None, errors
    try:
        formatted = format_text(text, resolve_scalar)
    except CannotFormat as exc:
        return None, [error("L112", f"fmt cannot rewrite {name}: {exc}", Span(name, 1, 1))]
    after, _ = load_text(formatted, name)
    before_data = document.data if document is not None else None
    after_data = after.data if after is not None else None
    if before_data != after_data:
        message = f"fmt would change what {name} says; left as it is (a bug in schemagen: please report it)"
        return None, [error("L112", message, Span(name, 1, 1))]
    return formatted, []


def format_project(project: str | Path, check: bool = False) -> FormatResult:
    """Format every ``schema/*.yaml`` of ``project`` (``check``: write nothing)."""
    project_dir = Path(project)
    result = FormatResult()
    if not (project_dir / SCHEMA_DIR).is_dir():
        message = f"no {SCHEMA_DIR}/ directory in {project_dir}"
        hint = f"run fmt in a project (it holds {SCHEMA_DIR}/)"
        result.diagnostics.append(error("L107", message, None, hint))
    for path in schema_files(project_dir):
        name = path.relative_to(project_dir).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            result.diagnostics.append(error("L106", f"cannot read {name}: {exc}", Span(name, 1, 1)))
            continue
        formatted, diagnostics = format_file_text(text, name)
        result.diagnostics += diagnostics
        if formatted is None or formatted == text:
            continue
        result.changed.append(name)
        if not check:
            path.write_text(formatted, encoding="utf-8")
    return result
