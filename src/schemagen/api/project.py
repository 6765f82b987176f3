"""Locating a project and reading its generated/ directory."""

from __future__ import annotations

from pathlib import Path

from schemagen.errors import UsageError

GENERATED_DIR = "generated"
SCHEMA_DIR = "schema"
MIGRATIONS_DIR = "migrations"
"""Under generated/: written by ``schemagen migrate new`` only, never by ``build``."""


def project_root(project: str | Path) -> Path:
    """The project directory, checked to contain ``schema/``."""
    root = Path(project).resolve()
    if not root.is_dir():
        raise UsageError(f"project directory {project} does not exist")
    if not (root / SCHEMA_DIR).is_dir():
        raise UsageError(
            f"{root} has no {SCHEMA_DIR}/ directory; run schemagen in a project or pass --project DIR"
        )
    return root


def read_generated(root: Path) -> dict[str, bytes]:
    """Every file under ``generated/`` but ``migrations/``, keyed by its path relative to that directory."""
    out_dir = root / GENERATED_DIR
    if not out_dir.is_dir():
        return {}
    return {
        path.relative_to(out_dir).as_posix(): path.read_bytes()
        for path in sorted(out_dir.rglob("*"))
        if path.is_file() and path.relative_to(out_dir).parts[0] != MIGRATIONS_DIR
    }


def stale_files(root: Path, files: dict[str, str]) -> list[str]:
    """Paths under generated/ whose content differs from ``files``, or that should not exist."""
    current = read_generated(root)
    wanted = {name: text.encode("utf-8") for name, text in files.items()}
    stale = [name for name, data in wanted.items() if current.get(name) != data]
    stale += [name for name in current if name not in wanted]
    return sorted(stale)


def write_generated(root: Path, files: dict[str, str]) -> list[str]:
    """Make generated/ hold exactly ``files``; returns the paths that changed.

    Each file is written to a temporary sibling and renamed into place, so a
    reader never sees half a file. Files that are no longer produced are removed.
    """
    out_dir = root / GENERATED_DIR
    changed = stale_files(root, files)
    for name in changed:
        target = out_dir / name
        if name not in files:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(files[name].encode("utf-8"))
        tmp.replace(target)
    for directory in sorted((p for p in out_dir.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return changed
