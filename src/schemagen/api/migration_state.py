"""The state the migrations produce, kept in ``generated/migrations/state/`` (no database).

``schemagen migrate new`` writes it after each migration: the catalog the declared
schema had then, as the YAML ``inspect`` writes (``emit``), one file per schema.
Each file's first line names the migration and the ``schemagen.sum`` total it
belongs to, so a snapshot left behind by another set of files is caught (M621).
``migrate verify`` checks it by replay on a scratch database.
"""

from __future__ import annotations

import re
from pathlib import Path

from schemagen.api.project import MIGRATIONS_DIR
from schemagen.builder import build_catalog
from schemagen.diagnostics import Diagnostic, Span, error, has_errors
from schemagen.emit.project import emit_project
from schemagen.migrations import SUM_FILE, sum_total
from schemagen.model import Catalog
from schemagen.model.settings import ProjectSettings
from schemagen.source import load_text
from schemagen.validate import validate_documents

STATE_DIR = f"{MIGRATIONS_DIR}/state"
"""Under generated/."""
_HEADER = re.compile(r"# State after (?P<id>\S+) \(schemagen\.sum total (?P<total>[0-9a-f]{64})\)\..*")


def state_header(migration_id: str, total: str) -> str:
    """The first line of every snapshot file (with its newline)."""
    return (
        f"# State after {migration_id} (schemagen.sum total {total}). "
        "Written by `schemagen migrate new`; do not edit.\n"
    )


def state_files(catalog: Catalog, migration_id: str, total: str) -> dict[str, str]:
    """The snapshot of ``catalog`` after ``migration_id``: path under generated/ → YAML text."""
    header = state_header(migration_id, total)
    return {
        f"{STATE_DIR}/{name.removeprefix('schema/')}": header + text
        for name, text in emit_project(catalog, literal_rows=True).items()
    }


def restamped(generated: Path, migration_id: str, total: str) -> dict[str, str]:
    """The snapshot files as they are, with the header of ``migration_id`` and ``total``."""
    state_dir = generated / STATE_DIR
    files = {}
    for path in sorted(state_dir.glob("*.yaml")) if state_dir.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        if _HEADER.fullmatch(text.split("\n", 1)[0]):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        files[f"{STATE_DIR}/{path.name}"] = state_header(migration_id, total) + text
    return files


def load_state(generated: Path, settings: ProjectSettings) -> tuple[Catalog, list[Diagnostic]]:
    """The catalog the migrations of ``generated/migrations`` produce.

    No migrations: the empty catalog. A snapshot that is missing, or written for
    other files than the sum file lists, is M621; one that does not build is
    reported with its own located diagnostics.
    """
    migrations_dir = generated / MIGRATIONS_DIR
    sum_path = migrations_dir / SUM_FILE
    if not sum_path.is_file():
        return Catalog(), []
    total = sum_total(sum_path.read_text(encoding="utf-8"))
    state_dir = generated / STATE_DIR
    paths = sorted(state_dir.glob("*.yaml")) if state_dir.is_dir() else []
    where = f"generated/{STATE_DIR}"
    if not paths:
        return Catalog(), [
            _stale(Span(f"generated/{MIGRATIONS_DIR}/{SUM_FILE}", 1, 1), f"{where}/ is missing")
        ]
    documents, diagnostics = [], []
    for path in paths:
        shown = f"{where}/{path.name}"
        text = path.read_text(encoding="utf-8")
        match = _HEADER.fullmatch(text.split("\n", 1)[0])
        if match is None or match["total"] != total:
            diagnostics.append(_stale(Span(shown, 1, 1), f"{shown} was not written for these migrations"))
        document, found = load_text(text, shown)
        diagnostics += found
        if document is not None:
            documents.append(document)
    diagnostics += validate_documents(documents)
    if has_errors(diagnostics):
        return Catalog(), diagnostics
    catalog, found = build_catalog(documents, settings)
    return catalog, diagnostics + found


def _stale(span: Span, what: str) -> Diagnostic:
    return error(
        "M621",
        f"the state snapshot of the migrations is stale: {what}",
        span,
        "it is written by `schemagen migrate new` (and `schemagen migrate hash`); restore it with git",
    )
