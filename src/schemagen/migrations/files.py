"""A migrations directory read into ordered ``Migration`` records (no database).

File names are ``NNNN_slug.up.sql`` / ``NNNN_slug.down.sql``; a file's header is
its leading ``--`` comment lines::

    -- schemagen migration 0002_hot_task_partition (up)
    -- transaction: none
    -- hazard: deletes_data: drop column app.t.c (ACCESS EXCLUSIVE)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.migrations.text import checksum, normalise
from schemagen.model.planned import Hazard

SUM_FILE = "schemagen.sum"
MIGRATION_FILE = re.compile(r"(?P<version>[0-9]{4})_(?P<slug>[a-z0-9_]+)\.(?P<direction>up|down)\.sql")
DIRECTIONS = ("up", "down")
HAZARD_NAMES = frozenset(hazard.name.lower() for hazard in Hazard)
_HEADER_ID = re.compile(r"schemagen migration (?P<id>\S+) \((?P<direction>[^)]*)\)")
_SLUG_RUNS = re.compile(r"[^a-z0-9]+")
SLUG_LENGTH = 60


@dataclass(frozen=True)
class HeaderHazard:
    """A ``-- hazard: name: detail`` header line (``name`` is what ``--allow-hazard`` takes)."""

    name: str
    detail: str


@dataclass(frozen=True)
class Script:
    """One file of a migration: its normalised text and what its header says."""

    file: str
    direction: str
    text: str
    checksum: str
    transactional: bool = True
    hazards: tuple[HeaderHazard, ...] = ()

    @property
    def hazard_names(self) -> frozenset[str]:
        """The names of the hazards in the header."""
        return frozenset(h.name for h in self.hazards)


@dataclass(frozen=True)
class Migration:
    """A version: its up file and its down file."""

    version: int
    name: str
    up: Script
    down: Script

    @property
    def id(self) -> str:
        """``0002_hot_task_partition``."""
        return migration_id(self.version, self.name)


@dataclass(frozen=True)
class MigrationSet:
    """The migrations of a directory in version order, and what was wrong with its files."""

    migrations: tuple[Migration, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def scripts(self) -> list[Script]:
        """Every file in sum-file order (up before down of the same version)."""
        return ordered_scripts(self.migrations)


def migration_id(version: int, name: str) -> str:
    """``NNNN_slug``."""
    return f"{version:04d}_{name}"


def file_name(version: int, name: str, direction: str) -> str:
    """``NNNN_slug.up.sql`` or ``NNNN_slug.down.sql``."""
    return f"{migration_id(version, name)}.{direction}.sql"


def slug(name: str) -> str:
    """``"Hot task: partition!"`` → ``hot_task_partition`` (ASCII, ``[a-z0-9_]``, at most 60 characters).

    Returns ``""`` when nothing is left (the caller refuses such a name).
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG_RUNS.sub("_", ascii_name.lower()).strip("_")[:SLUG_LENGTH].rstrip("_")


def ordered_scripts(migrations: tuple[Migration, ...] | list[Migration]) -> list[Script]:
    """Up before down of each version, versions ascending: the sum file's order."""
    return [script for m in migrations for script in (m.up, m.down)]


def read_migrations(directory: Path, display: str = "generated/migrations") -> MigrationSet:
    """Read ``directory`` (missing: no migrations) into version-ordered migrations.

    ``display`` prefixes the file names in diagnostics. Files that are not
    migrations (``schemagen.sum``, sub-directories, non-SQL files) are skipped;
    a ``.sql`` file with another name is an error.
    """
    if not directory.is_dir():
        return MigrationSet()
    diagnostics: list[Diagnostic] = []
    found: dict[int, dict[str, tuple[str, Script]]] = {}
    unreadable: set[int] = set()
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.suffix != ".sql":
            continue
        where = Span(f"{display}/{path.name}", 1, 1)
        match = MIGRATION_FILE.fullmatch(path.name)
        if not match:
            diagnostics.append(_bad_name(path.name, where))
            continue
        version, name, direction = int(match["version"]), match["slug"], match["direction"]
        script = _read_script(path, direction, where, diagnostics)
        if script is None:
            unreadable.add(version)
            continue
        _check_header_id(script, migration_id(version, name), display, diagnostics)
        sides = found.setdefault(version, {})
        if direction in sides:
            other = sides[direction][1].file
            diagnostics.append(
                error(
                    "M602",
                    f"version {version:04d} has two {direction} files: {other} and {path.name}",
                    where,
                    "every version has one name; renumber one of them",
                )
            )
            continue
        sides[direction] = (name, script)
    migrations = [
        m
        for version in sorted(found)
        if version not in unreadable and (m := _pair(version, found[version], display, diagnostics))
    ]
    return MigrationSet(tuple(migrations), tuple(diagnostics))


def _bad_name(name: str, where: Span) -> Diagnostic:
    return error(
        "M601",
        f"'{name}' is not a migration file name",
        where,
        "migration files are named NNNN_slug.up.sql and NNNN_slug.down.sql (slug: a-z, 0-9, _)",
    )


def _read_script(path: Path, direction: str, where: Span, diagnostics: list[Diagnostic]) -> Script | None:
    try:
        text = normalise(path.read_bytes())
    except UnicodeDecodeError as exc:
        diagnostics.append(error("M605", f"{path.name} is not UTF-8 (byte {exc.start})", where))
        return None
    except OSError as exc:
        diagnostics.append(error("M605", f"{path.name} cannot be read: {exc.strerror}", where))
        return None
    transactional, hazards = True, []
    for number, line in enumerate(_header(text), start=1):
        body = line[2:].strip()
        key, _, value = body.partition(":")
        key, value = key.strip(), value.strip()
        at = Span(where.file, number, 1)
        if key == "transaction":
            if value != "none":
                diagnostics.append(
                    error(
                        "M604", f"unknown header value 'transaction: {value}'", at, "the only value is none"
                    )
                )
            transactional = False
        elif key == "hazard":
            hazard_name, _, detail = value.partition(":")
            hazard_name = hazard_name.strip()
            if hazard_name not in HAZARD_NAMES:
                diagnostics.append(
                    error(
                        "M604",
                        f"unknown hazard '{hazard_name}' in the header",
                        at,
                        "one of: " + ", ".join(sorted(HAZARD_NAMES)),
                    )
                )
                continue
            hazards.append(HeaderHazard(hazard_name, detail.strip()))
    return Script(path.name, direction, text, checksum(text), transactional, tuple(hazards))


def _header(text: str) -> list[str]:
    """The leading ``--`` comment lines (stops at the first other line)."""
    lines = []
    for line in text.split("\n"):
        if not line.startswith("--"):
            break
        lines.append(line)
    return lines


def _check_header_id(script: Script, expected: str, display: str, diagnostics: list[Diagnostic]) -> None:
    for number, line in enumerate(_header(script.text), start=1):
        match = _HEADER_ID.fullmatch(line[2:].strip())
        if match and (match["id"], match["direction"]) != (expected, script.direction):
            diagnostics.append(
                error(
                    "M604",
                    f"{script.file} says it is migration {match['id']} ({match['direction']})",
                    Span(f"{display}/{script.file}", number, 1),
                    "a migration file was renamed or renumbered by hand; give it back its name",
                )
            )


def _pair(
    version: int, sides: dict[str, tuple[str, Script]], display: str, diagnostics: list[Diagnostic]
) -> Migration | None:
    if set(sides) != set(DIRECTIONS):
        (present, (name, script)), *_ = sides.items()
        missing = "down" if present == "up" else "up"
        diagnostics.append(
            error(
                "M603",
                f"{script.file} has no {missing} file ({file_name(version, name, missing)})",
                Span(f"{display}/{script.file}", 1, 1),
                "every migration is an up file and a down file",
            )
        )
        return None
    (up_name, up), (down_name, down) = sides["up"], sides["down"]
    if up_name != down_name:
        diagnostics.append(
            error(
                "M602",
                f"version {version:04d} has two names: {up.file} and {down.file}",
                Span(f"{display}/{down.file}", 1, 1),
                "the up and down files of a version share its name",
            )
        )
        return None
    return Migration(version, up_name, up, down)
