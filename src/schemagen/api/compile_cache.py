"""A cache of compiled projects, so ``diff``/``plan``/``apply`` of an unchanged project skip the compile.

Compiling 2,000 tables (YAML with positions, model, checks) costs about a second and a
half; reading the result back costs a tenth of that. An entry is used only when its key
matches: a hash of every input the compile reads (``schemagen.yaml``, ``schema/*.yaml``,
the project's ``templates/``, by content), of schemagen's own files (path, size,
modification time: an edited checkout or a new version misses), and of the Python and
library versions the compile depends on. Only a compile without errors is stored;
``build`` stores its compile too, so a ``plan`` after a build of the same files is warm.

Entries live in the user's cache directory (``$SCHEMAGEN_CACHE_DIR``, else
``$XDG_CACHE_HOME/schemagen``, else ``~/.cache/schemagen``), never in the project: a
pickle runs code when loaded, so an entry is read only from a directory the user owns
and no one else may write, and a repository cannot bring one along. One entry per
project directory (the newest compile replaces the last). ``SCHEMAGEN_CACHE=off``
disables the cache; any failure to read or write an entry only means compiling.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from schemagen.source.project import project_input_files

T = TypeVar("T")

FORMAT = b"schemagen-compile-cache 1\n"
_LIBRARIES = ("pglast", "yaml", "jsonschema_rs", "jsonschema", "jinja2")
_PACKAGE = Path(__file__).resolve().parents[1]


def cached(root: Path, compile_project: Callable[[], T], keep: Callable[[T], bool]) -> T:
    """``compile_project()``, or its result from the cache when nothing it depends on changed.

    ``keep`` says whether a fresh result may be stored (a compile with errors is not).
    """
    directory = cache_directory()
    if directory is None:
        return compile_project()
    entry = _entry(directory, root)
    key = _key(root)
    found = _read(entry, key)
    if found is not None:
        return found
    result = compile_project()
    if keep(result):
        _write(entry, key, result)
    return result


def store(root: Path, result: object) -> None:
    """Keep ``result`` (an error-free compile, as ``cached`` returns it) for the project at ``root``.

    ``build`` calls it, so the ``plan`` that follows a build of the same files reads it.
    """
    directory = cache_directory()
    if directory is not None:
        _write(_entry(directory, root), _key(root), result)


def _entry(directory: Path, root: Path) -> Path:
    project = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]
    return directory / "compiled" / f"{project}.pickle"


def cache_directory() -> Path | None:
    """Where entries live, or None when the cache is off."""
    if os.environ.get("SCHEMAGEN_CACHE", "").lower() in ("off", "0", "false", "no"):
        return None
    explicit = os.environ.get("SCHEMAGEN_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "schemagen"


def _key(root: Path) -> bytes:
    digest = hashlib.sha256(FORMAT)
    digest.update(sys.version.encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={_library_stamp(name)}\n".encode())
    for path in _code_files():
        info = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for path in project_input_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest().encode()


def _library_stamp(module: str) -> str:
    """Where a library is installed and when (an upgrade rewrites it), without importing it."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or spec.origin is None:
        return "absent"
    try:
        info = os.stat(spec.origin)
    except OSError:
        return spec.origin
    return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def _code_files() -> list[Path]:
    files = []
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        files += [Path(folder, n) for n in sorted(names) if not n.endswith((".pyc", ".pyo"))]
    return files


def _private(path: Path) -> bool:
    """Whether ``path`` belongs to this user and no one else may write it."""
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(entry: Path, key: bytes):
    if not (_private(entry.parent) and _private(entry)):
        return None
    try:
        with entry.open("rb") as handle:
            if handle.readline() != FORMAT or handle.readline().rstrip(b"\n") != key:
                return None
            return pickle.load(handle)
    except Exception:  # a damaged or foreign entry: compile instead
        return None


def _write(entry: Path, key: bytes, result: object) -> None:
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(entry.parent):
            return
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-")
    except OSError:  # a read-only home: no entry
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(FORMAT + key + b"\n")
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except Exception:  # a full disk, an object that does not pickle: no entry
        Path(temporary).unlink(missing_ok=True)
