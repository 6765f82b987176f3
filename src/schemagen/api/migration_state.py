"""The state the migrations produce, kept in ``generated/migrations/state/`` (no database).

``schemagen migrate new`` writes it after each migration: the catalog the declared
schema had then, as the YAML ``inspect`` writes (``emit``), one file per schema.
Each file's first line names the migration and the ``schemagen.sum`` total it
belongs to, so a snapshot left behind by another set of files is caught (M621).
``migrate verify`` checks it by replay on a scratch database.
"""

from __future__ import annotations

import hashlib
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
_HEADER = re.compile(
    r"# State after (?P<id>\S+) \(schemagen\.sum total (?P<total>[0-9a-f]{64}),"
    r" snapshot (?P<snapshot>[0-9a-f]{64})\)\..*"
)


def state_header(migration_id: str, total: str, snapshot: str) -> str:
    """The first line of every snapshot file (with its newline)."""
    return (
        f"# State after {migration_id} (schemagen.sum total {total}, snapshot {snapshot}). "
        "Written by `schemagen migrate new`; do not edit.\n"
    )


def snapshot_hash(bodies: dict[str, str]) -> str:
    """sha256 over every snapshot file's name and text after its header: an edited, added or
    removed file changes it."""
    digest = hashlib.sha256()
    for name, body in sorted(bodies.items()):
        digest.update(f"{name}\n{len(body)}\n{body}".encode())
    return digest.hexdigest()


def state_files(catalog: Catalog, migration_id: str, total: str) -> dict[str, str]:
    """The snapshot of ``catalog`` after ``migration_id``: path under generated/ → YAML text.

    Owners are in it when the catalog states them (``owners: managed``), so a changed
    owner is a change the next migration makes.
    """
    emitted = emit_project(catalog, literal_rows=True, owners=bool(catalog.owner_roles()))
    bodies = {name.removeprefix("schema/"): text for name, text in emitted.items()}
    header = state_header(migration_id, total, snapshot_hash(bodies))
    return {f"{STATE_DIR}/{name}": header + body for name, body in bodies.items()}


def restamped(generated: Path, migration_id: str, total: str) -> dict[str, str]:
    """The snapshot files as they are, with the header of ``migration_id`` and ``total``."""
    bodies = _bodies(generated)
    header = state_header(migration_id, total, snapshot_hash(bodies))
    return {f"{STATE_DIR}/{name}": header + body for name, body in bodies.items()}


def _bodies(generated: Path) -> dict[str, str]:
    """Snapshot file name → its text after the header line."""
    state_dir = generated / STATE_DIR
    bodies = {}
    for path in sorted(state_dir.glob("*.yaml")) if state_dir.is_dir() else []:
        first, _, rest = path.read_text(encoding="utf-8").partition("\n")
        bodies[path.name] = rest if _HEADER.fullmatch(first) else f"{first}\n{rest}"
    return bodies


def load_state(generated: Path, settings: ProjectSettings) -> tuple[Catalog, list[Diagnostic]]:
    """The catalog the migrations of ``generated/migrations`` produce.

    No migrations: the empty catalog. A snapshot that is missing, written for
    other files than the sum file lists, or edited (a file changed, added or
    removed: the snapshot hash in every header covers them all) is M621; one that
    does not build is reported with its own located diagnostics.
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
    snapshot = snapshot_hash(_bodies(generated))
    for path in paths:
        shown = f"{where}/{path.name}"
        text = path.read_text(encoding="utf-8")
        match = _HEADER.fullmatch(text.split("\n", 1)[0])
        if match is None or match["total"] != total:
            diagnostics.append(_stale(Span(shown, 1, 1), f"{shown} was not written for these migrations"))
        elif match["snapshot"] != snapshot:
            diagnostics.append(
                _stale(Span(shown, 1, 1), f"{where}/ was edited, or a file of it added or removed, by hand")
            )
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
